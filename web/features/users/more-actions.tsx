import { Button, Menu } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { Fragment, type ReactNode } from 'react';
import { activityMoreActions } from '../activities/activity-actions';
import { usePasswordActions } from '../passwords/admin-dialogs';

/** Who the page is about and who is looking: what every More Actions entry decides from. */
export type MoreActionContext = {
  user: { id: string; name: string; email: string; phone: string | null };
  isSelf: boolean;
  currentUserId: string;
  permissions: readonly string[];
};

/**
 * One entry of the **More Actions** menu on a user's page. Features contribute entries (Send
 * Email, Log Call, Assign Event, Assign Task, Configure Menus …) by adding them to
 * `moreActionEntries`, or — when they need state or a dialog — a hook to `moreActionProviders`.
 */
export type MoreActionEntry = {
  key: string;
  label: string;
  onClick: (context: MoreActionContext) => void;
  visible: (permissions: readonly string[], context: MoreActionContext) => boolean;
};

/** A hook contributing entries plus the dialogs they open (rendered by the page). */
export type MoreActionProvider = (context: MoreActionContext) => {
  actions: { key: string; label: string; onSelect: () => void }[];
  dialogs?: ReactNode;
};

/** Simple entries: add yours here. */
export const moreActionEntries: MoreActionEntry[] = [];

const passwordActions: MoreActionProvider = (context) =>
  usePasswordActions({
    user: { id: context.user.id, name: context.user.name },
    currentUserId: context.currentUserId,
    permissions: context.permissions,
  });

/**
 * Entries with dialogs, as hooks: called in this fixed order on every render of the page (the
 * list never changes at run time, so the rules of hooks hold).
 */
export const moreActionProviders: readonly MoreActionProvider[] = [activityMoreActions, passwordActions];

/** The **More Actions** button and menu (hidden when no entry applies), and the entries' dialogs. */
export function MoreActionsMenu({ context }: { context: MoreActionContext }) {
  const provided = moreActionProviders.map((provider) => provider(context));
  const items = [
    ...moreActionEntries
      .filter((entry) => entry.visible(context.permissions, context))
      .map((entry) => ({ key: entry.key, label: entry.label, onSelect: () => entry.onClick(context) })),
    ...provided.flatMap((result) => result.actions),
  ];
  return (
    <>
      {items.length > 0 ? (
        <Menu position="bottom-end" width={220}>
          <Menu.Target>
            <Button variant="default" rightSection={<IconChevronDown size={16} aria-hidden="true" />}>
              More Actions
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {items.map((item) => (
              <Menu.Item key={item.key} onClick={item.onSelect}>
                {item.label}
              </Menu.Item>
            ))}
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
