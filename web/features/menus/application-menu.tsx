import { ActionIcon, Group, Menu, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconBolt, IconChevronDown, IconMenu2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { isAppPath, type MenuItemView } from '../../../common/menus';
import { useMenus, visibleItems } from './api';
import classes from './application-menu.module.css';
import { childrenOf, DropdownItems } from './menu-items';

/**
 * The top bar's application menu, from the server's merged tree (`application_menu`): from 768 px
 * a row of links (an item with children opens a dropdown), below it one **Menu** button holding
 * them all (issue 15 item 7). Items the user may not use never arrive from the server.
 */
export function ApplicationMenu() {
  const { data } = useMenus();
  const items = visibleItems(data?.application_menu ?? []);
  if (items.length === 0) return null;
  return (
    <>
      <WideApplicationMenu items={items} />
      <NarrowApplicationMenu items={items} />
    </>
  );
}

function WideApplicationMenu({ items }: { items: MenuItemView[] }) {
  const { t } = useTranslation('menus');
  return (
    <Group component="nav" aria-label={t('shell.mainNavigation')} gap={4} visibleFrom="sm" wrap="nowrap">
      {childrenOf(items, null).map((item) => {
        if (item.divider) return <span key={item.key} className={classes.separator} aria-hidden="true" />;
        if (childrenOf(items, item.key).length > 0) {
          return (
            <Menu key={item.key} position="bottom-start" width={240}>
              <Menu.Target>
                <UnstyledButton className={classes.link}>
                  {item.label}
                  <IconChevronDown size={14} aria-hidden="true" />
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <DropdownItems items={items} parent={item.key} />
              </Menu.Dropdown>
            </Menu>
          );
        }
        return <TopLink key={item.key} item={item} />;
      })}
    </Group>
  );
}

function TopLink({ item }: { item: MenuItemView }) {
  const { t } = useTranslation('menus');
  if (!item.url) return null;
  if (isAppPath(item.url)) {
    return (
      <NavLink to={item.url} className={classes.link}>
        {item.label}
      </NavLink>
    );
  }
  return (
    <a href={item.url} className={classes.link} target="_blank" rel="noopener noreferrer">
      {item.label}
      <VisuallyHidden>{` ${t('shell.opensInNewTab')}`}</VisuallyHidden>
    </a>
  );
}

function NarrowApplicationMenu({ items }: { items: MenuItemView[] }) {
  const { t } = useTranslation('menus');
  return (
    <Menu position="bottom-start" width={260}>
      <Menu.Target>
        <UnstyledButton className={classes.link} hiddenFrom="sm">
          <IconMenu2 size={18} aria-hidden="true" />
          {t('shell.openMenu')}
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        {/* No <nav> inside: a menu's children must be its items (axe aria-required-children). */}
        <DropdownItems items={items} parent={null} />
      </Menu.Dropdown>
    </Menu>
  );
}

/** The shortcuts menu (`shortcuts`): a lightning button in the top bar, when it has items. */
export function ShortcutsMenu() {
  const { t } = useTranslation('menus');
  const { data } = useMenus();
  const items = visibleItems(data?.shortcuts ?? []);
  if (items.length === 0) return null;
  return (
    <Menu position="bottom-end" width={240}>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          size="lg"
          className={classes.headerButton}
          aria-label={t('shell.shortcuts')}
        >
          <IconBolt size={20} aria-hidden="true" />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <DropdownItems items={items} parent={null} />
      </Menu.Dropdown>
    </Menu>
  );
}
