import { Group, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBuilding, IconCheck, IconChevronDown } from '@tabler/icons-react';
import { useCurrentUser } from '../../app/api';
import { useMyOrganizations, useSwitchOrganization } from './api';
import classes from './organization-switcher.module.css';

/**
 * The organization in the top bar. A member of several organizations opens it to switch: the
 * session moves to the chosen one and every page reloads its data there.
 */
export function OrganizationSwitcher() {
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
          <VisuallyHidden>Organization: </VisuallyHidden>
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
          closeButtonProps: { 'aria-label': 'Close the notification' },
          color: 'green',
          title: 'Organization switched',
          message: `You are now working in ${name}.`,
        }),
      onError: (error) =>
        notifications.show({
          closeButtonProps: { 'aria-label': 'Close the notification' },
          color: 'red',
          title: 'Could not switch the organization',
          message: error.message,
        }),
    });
  };

  return (
    <Menu position="bottom-end" width={260}>
      <Menu.Target>
        <UnstyledButton
          className={classes.button}
          aria-label={`Organization: ${current.name}. Switch organization`}
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
        <Menu.Label>Switch organization</Menu.Label>
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
