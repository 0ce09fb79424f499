import { Group, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBuilding, IconCheck, IconChevronDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/api';
import { errorText } from '../../i18n/error-text';
import { useMyOrganizations, useSwitchOrganization } from './api';
import classes from './organization-switcher.module.css';

/**
 * The organization in the top bar. A member of several organizations opens it to switch: the
 * session moves to the chosen one and every page reloads its data there.
 */
export function OrganizationSwitcher() {
  const { t } = useTranslation(['app', 'common']);
  const { data: user } = useCurrentUser();
  const organizations = useMyOrganizations(Boolean(user));
  const switchOrganization = useSwitchOrganization();
  if (!user?.organization) return null;
  const current = user.organization;
  const list = organizations.data ?? [];

  if (list.length < 2) {
    return (
      <Group gap={6} wrap="nowrap" className={classes.indicator} visibleFrom="sm">
        <IconBuilding size={16} aria-hidden="true" />
        <Text component="span" size="sm" truncate maw={240}>
          <VisuallyHidden>{t('organizationSwitcher.current')}</VisuallyHidden>
          {current.name}
        </Text>
      </Group>
    );
  }

  const choose = (id: string, name: string) => {
    if (id === current.id) return;
    switchOrganization.mutate(id, {
      onSuccess: () =>
        notifications.show({
          closeButtonProps: { 'aria-label': t('common:actions.closeNotification') },
          color: 'green',
          title: t('organizationSwitcher.switched'),
          message: t('organizationSwitcher.switchedMessage', { name }),
        }),
      onError: (error) =>
        notifications.show({
          closeButtonProps: { 'aria-label': t('common:actions.closeNotification') },
          color: 'red',
          title: t('organizationSwitcher.switchFailed'),
          message: errorText(error),
        }),
    });
  };

  return (
    <Menu position="bottom-end" width={260}>
      <Menu.Target>
        <UnstyledButton
          className={classes.button}
          aria-label={t('organizationSwitcher.button', { name: current.name })}
        >
          <Group gap={6} wrap="nowrap">
            <IconBuilding size={16} aria-hidden="true" />
            <Text component="span" size="sm" truncate maw={220}>
              {current.name}
            </Text>
            <IconChevronDown size={14} aria-hidden="true" />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('organizationSwitcher.menuLabel')}</Menu.Label>
        {list.map((organization) => (
          <Menu.Item
            key={organization.id}
            onClick={() => choose(organization.id, organization.name)}
            leftSection={
              organization.id === current.id ? (
                <IconCheck size={16} aria-hidden="true" />
              ) : (
                <span style={{ width: 16 }} />
              )
            }
            aria-current={organization.id === current.id ? 'true' : undefined}
          >
            {organization.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
