import { Button, Group, Modal, SegmentedControl, Stack, Tabs, Text } from '@mantine/core';
import { IconArrowBackUp, IconLink, IconSeparator } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MenuName, type MenuScope, menuNames } from '../../../common/menus';
import { useCurrentUser } from '../../app/api';
import { notifyFailure } from '../../ui/notify';
import { Page } from '../../ui/page';
import { PageLoader } from '../../ui/page-loader';
import { useMenuChanges, useMenus } from './api';
import { AddLinkDialog } from './menu-item-dialogs';
import { MenuTreeEditor } from './menu-tree-editor';

/**
 * The **Menus** page (More Actions → Edit Menus on My User; My Menus in the user menu): each
 * menu's tree editor, for my menus in the current organization or — when my profile's
 * `meta.abilities.editOrganizationMenus` allows — the organization's defaults. Changes apply at
 * once: the top bar, the user menu and More Actions read the same query.
 */
export function MyMenusPage() {
  const { t } = useTranslation('menus');
  const { data: user } = useCurrentUser();
  const [scope, setScope] = useState<MenuScope>('user');
  const [menu, setMenu] = useState<MenuName>('application_menu');
  const canEditOrganization = user?.abilities.editOrganizationMenus ?? false;
  const organization = user?.organization?.name ?? '';

  return (
    <Page title={t('page.title')}>
      <Stack gap="md">
        {canEditOrganization ? (
          <SegmentedControl
            aria-label={t('page.level')}
            value={scope}
            onChange={(value) => setScope(value as MenuScope)}
            data={[
              { value: 'user', label: t('page.mine') },
              { value: 'organization', label: t('page.organization') },
            ]}
            maw={420}
          />
        ) : null}
        <Text>
          {scope === 'user'
            ? t('page.intro', { organization })
            : t('page.introOrganization', { organization })}
        </Text>
        <Text size="sm" c="gray.7">
          {t('page.dragHint')}
        </Text>
        <Tabs value={menu} onChange={(value) => value && setMenu(value as MenuName)} keepMounted={false}>
          <Tabs.List aria-label={t('page.menuList')}>
            {menuNames.map((name) => (
              <Tabs.Tab key={name} value={name}>
                {t(`names.${name}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value={menu} pt="md">
            <MenuPanel key={`${scope} ${menu}`} scope={scope} menu={menu} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Page>
  );
}

function MenuPanel({ scope, menu }: { scope: MenuScope; menu: MenuName }) {
  const { t } = useTranslation('menus');
  const { t: tc } = useTranslation();
  const { data, isPending } = useMenus(scope);
  const changes = useMenuChanges({ scope, menu });
  const [adding, setAdding] = useState(false);
  const [confirmingReset, setConfirmingReset] = useState(false);
  if (isPending || !data) return <PageLoader />;
  const items = data[menu];
  const onError = (error: unknown) => notifyFailure(t('item.failed'), error);
  return (
    <Stack gap="md">
      <Group gap="sm">
        <Button leftSection={<IconLink size={16} aria-hidden="true" />} onClick={() => setAdding(true)}>
          {t('page.addLink')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconSeparator size={16} aria-hidden="true" />}
          loading={changes.create.isPending && changes.create.variables?.divider === true}
          onClick={() => changes.create.mutate({ divider: true }, { onError })}
        >
          {t('page.addDivider')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconArrowBackUp size={16} aria-hidden="true" />}
          onClick={() => setConfirmingReset(true)}
        >
          {t('page.resetMenu')}
        </Button>
      </Group>
      <MenuTreeEditor
        label={t('page.treeLabel', { menu: t(`names.${menu}`) })}
        items={items}
        changes={changes}
      />
      <AddLinkDialog opened={adding} onClose={() => setAdding(false)} items={items} changes={changes} />
      <Modal
        opened={confirmingReset}
        onClose={() => setConfirmingReset(false)}
        title={t('page.resetMenuTitle', { menu: t(`names.${menu}`) })}
        closeButtonProps={{ 'aria-label': tc('actions.close') }}
        centered
      >
        <Stack>
          <Text>{t('page.resetMenuText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmingReset(false)}>
              {tc('actions.cancel')}
            </Button>
            <Button
              color="red.8"
              loading={changes.resetMenu.isPending}
              onClick={() =>
                changes.resetMenu.mutate(undefined, { onError, onSettled: () => setConfirmingReset(false) })
              }
            >
              {t('page.reset')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
