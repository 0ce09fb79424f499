import { Menu, VisuallyHidden } from '@mantine/core';
import type { TablerIcon } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isAppPath, type MenuItemView } from '../../../common/menus';

/** The children of `parent` among a menu's (visible) items, in order. */
export function childrenOf(items: readonly MenuItemView[], parent: string | null): MenuItemView[] {
  return items.filter((item) => item.parent === parent);
}

/**
 * One item in a Mantine dropdown: a path in the app is a client-side link; an https: address opens
 * in a new tab (`noopener noreferrer`), saying so to assistive technology.
 */
export function DropdownLink({
  item,
  indent = 0,
  icons,
}: {
  item: MenuItemView;
  indent?: number;
  icons?: Readonly<Record<string, TablerIcon>> | undefined;
}) {
  const Icon = item.custom ? undefined : icons?.[item.key];
  const leftSection = Icon ? <Icon size={16} aria-hidden="true" /> : undefined;
  const { t } = useTranslation('menus');
  const style =
    indent > 0 ? { paddingInlineStart: `calc(var(--mantine-spacing-sm) + ${indent}rem)` } : undefined;
  if (!item.url) return null;
  if (isAppPath(item.url)) {
    return (
      <Menu.Item component={Link} to={item.url} style={style} leftSection={leftSection}>
        {item.label}
      </Menu.Item>
    );
  }
  return (
    <Menu.Item component="a" href={item.url} target="_blank" rel="noopener noreferrer" style={style}>
      {item.label}
      <VisuallyHidden> {t('shell.opensInNewTab')}</VisuallyHidden>
    </Menu.Item>
  );
}

/**
 * Items below `parent` in a dropdown: links, dividers, and an item with children as a label over
 * them (a dropdown cannot nest menus accessibly; the third level is indented under the second).
 */
export function DropdownItems({
  items,
  parent,
  depth = 0,
  icons,
}: {
  items: readonly MenuItemView[];
  parent: string | null;
  depth?: number;
  /** Icons by item key (the user menu has them). */
  icons?: Readonly<Record<string, TablerIcon>>;
}) {
  return (
    <>
      {childrenOf(items, parent).map((item) => {
        if (item.divider) {
          return item.label ? (
            <Menu.Label key={item.key}>{item.label}</Menu.Label>
          ) : (
            <Menu.Divider key={item.key} />
          );
        }
        const children = childrenOf(items, item.key);
        if (children.length === 0)
          return <DropdownLink key={item.key} item={item} indent={depth} icons={icons} />;
        return (
          <Fragment key={item.key}>
            {item.url ? (
              <DropdownLink item={item} indent={depth} icons={icons} />
            ) : (
              <Menu.Label>{item.label}</Menu.Label>
            )}
            <DropdownItems items={items} parent={item.key} depth={depth + 1} icons={icons} />
          </Fragment>
        );
      })}
    </>
  );
}
