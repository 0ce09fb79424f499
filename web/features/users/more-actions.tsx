import { Button, Menu } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isAppPath } from '../../../common/menus';
import { paths } from '../../../common/paths';
import type { MoreActionContext, MoreActionEntry, MoreActionProvider } from '../../ui/more-actions';
import { activityMoreActions } from '../activities/activity-actions';
import { calendarMoreActions } from '../calendar/calendar-actions';
import { useMenus, visibleItems } from '../menus/api';
import { usePasswordActions } from '../passwords/admin-dialogs';
import { taskMoreActions } from '../tasks/task-actions';
import '../../i18n/lazy/users';

/** Simple entries: add yours here. */
export const moreActionEntries: MoreActionEntry[] = [];

const passwordActions: MoreActionProvider = (context) =>
  usePasswordActions({
    user: { id: context.user.id, name: context.user.name },
    currentUserId: context.currentUserId,
    abilities: context.abilities,
  });

/** More Actions → Edit Menus: on My User only (my own menus), when the server allows it. */
const editMenusAction: MoreActionProvider = (context) => {
  const { t } = useTranslation('users');
  const navigate = useNavigate();
  if (!context.abilities.editMenus) return { actions: [] };
  return {
    actions: [
      { key: 'edit_menus', label: t('moreActions.editMenus'), onSelect: () => navigate(paths.myMenus) },
    ],
  };
};

/**
 * Entries with dialogs, as hooks: called in this fixed order on every render of the page (the
 * list never changes at run time, so the rules of hooks hold).
 */
export const moreActionProviders: readonly MoreActionProvider[] = [
  activityMoreActions,
  calendarMoreActions,
  taskMoreActions,
  passwordActions,
  editMenusAction,
];

type ShownItem =
  | { kind: 'action'; key: string; label: string; onSelect: () => void }
  | { kind: 'link'; key: string; label: string; url: string }
  | { kind: 'divider'; key: string };

/**
 * The entries in the order of the server's `more_actions` menu (the user's and organization's
 * changes applied): an entry whose item is hidden there is left out, a renamed one takes its
 * label, custom links and dividers join. Entries the server does not define yet (a feature's new
 * action) follow, in their own order. Before the menu has loaded, the entries in their own order.
 */
function orderByMenu(
  local: { key: string; label: string; onSelect: () => void }[],
  menu: ReturnType<typeof useMenus>['data'],
): ShownItem[] {
  if (!menu) return local.map((item) => ({ kind: 'action', ...item }));
  const all = menu.more_actions;
  const shown: ShownItem[] = [];
  for (const item of visibleItems(all)) {
    if (item.divider) shown.push({ kind: 'divider', key: item.key });
    else if (item.url) shown.push({ kind: 'link', key: item.key, label: item.label, url: item.url });
    else {
      const entry = local.find((candidate) => candidate.key === (item.action ?? item.key));
      if (entry) shown.push({ kind: 'action', ...entry, label: item.label });
    }
  }
  const known = new Set(all.map((item) => item.action ?? item.key));
  for (const entry of local) if (!known.has(entry.key)) shown.push({ kind: 'action', ...entry });
  // A divider at either end or next to another separates nothing.
  return shown.filter(
    (item, index) =>
      item.kind !== 'divider' ||
      (index > 0 && index < shown.length - 1 && shown[index - 1]?.kind !== 'divider'),
  );
}

/** The **More Actions** button and menu (hidden when no entry applies), and the entries' dialogs. */
export function MoreActionsMenu({ context }: { context: MoreActionContext }) {
  const { t } = useTranslation('users');
  const provided = moreActionProviders.map((provider) => provider(context));
  const { data: menus } = useMenus();
  const local = [
    ...moreActionEntries
      .filter((entry) => entry.visible(context))
      .map((entry) => ({ key: entry.key, label: entry.label, onSelect: () => entry.onClick(context) })),
    ...provided.flatMap((result) => result.actions),
  ];
  const items = orderByMenu(local, menus);
  return (
    <>
      {items.some((item) => item.kind !== 'divider') ? (
        <Menu position="bottom-end" width={220}>
          <Menu.Target>
            <Button variant="default" rightSection={<IconChevronDown size={16} aria-hidden="true" />}>
              {t('moreActions.button')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {items.map((item) => {
              if (item.kind === 'divider') return <Menu.Divider key={item.key} />;
              if (item.kind === 'action') {
                return (
                  <Menu.Item key={item.key} onClick={item.onSelect}>
                    {item.label}
                  </Menu.Item>
                );
              }
              return isAppPath(item.url) ? (
                <Menu.Item key={item.key} component={Link} to={item.url}>
                  {item.label}
                </Menu.Item>
              ) : (
                <Menu.Item
                  key={item.key}
                  component="a"
                  href={item.url}
                  target="_blank"
                  rel="noopener noreferrer"
                >
                  {item.label}
                </Menu.Item>
              );
            })}
          </Menu.Dropdown>
        </Menu>
      ) : null}
      {provided.map((result, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the providers list is fixed, so the index is stable
        <Fragment key={index}>{result.dialogs}</Fragment>
      ))}
    </>
  );
}
