import type { MenuItemUpdate } from '../../../common/menu-schemas';
import { descendantsOf, heightOf, MAX_MENU_LEVEL, type MenuItemView } from '../../../common/menus';

/** The keyboard alternatives to dragging (WCAG 2.2 2.5.7): what each button asks the server for. */
export type MoveControl = 'moveUp' | 'moveDown' | 'indent' | 'outdent';

function siblingsOf(items: readonly MenuItemView[], item: MenuItemView): MenuItemView[] {
  return items.filter((candidate) => candidate.parent === item.parent);
}

/**
 * The change a control makes, or null where it cannot act (first item up, a top-level item out,
 * an indent that would pass the third level or land under a divider):
 * - Move Up / Move Down: one place among its siblings;
 * - Indent: last child of the sibling above;
 * - Outdent: right after its parent, among the parent's siblings.
 */
export function moveFor(
  items: readonly MenuItemView[],
  item: MenuItemView,
  control: MoveControl,
): MenuItemUpdate | null {
  const siblings = siblingsOf(items, item);
  switch (control) {
    case 'moveUp':
      return item.position > 0 ? { position: item.position - 1 } : null;
    case 'moveDown':
      return item.position < siblings.length - 1 ? { position: item.position + 1 } : null;
    case 'indent': {
      const above = siblings[item.position - 1];
      if (!above || above.divider || above.level + heightOf(items, item.key) > MAX_MENU_LEVEL) return null;
      return {
        parent: above.key,
        position: items.filter((candidate) => candidate.parent === above.key).length,
      };
    }
    case 'outdent': {
      const parent = items.find((candidate) => candidate.key === item.parent);
      if (!parent) return null;
      return { parent: parent.parent, position: parent.position + 1 };
    }
  }
}

/**
 * Where a dragged item lands when dropped on another: in the other's place among the other's
 * siblings (after it when dragged downwards). Null when nothing would change or when the target
 * is the item itself or one of its descendants.
 */
export function dropFor(
  items: readonly MenuItemView[],
  activeKey: string,
  overKey: string,
): MenuItemUpdate | null {
  if (activeKey === overKey) return null;
  const active = items.find((item) => item.key === activeKey);
  const over = items.find((item) => item.key === overKey);
  if (!active || !over) return null;
  if (descendantsOf(items, active.key).has(over.key)) return null;
  const others = items.filter((item) => item.parent === over.parent && item.key !== active.key);
  const overIndex = others.findIndex((item) => item.key === over.key);
  const downwards = items.indexOf(active) < items.indexOf(over);
  const position = downwards ? overIndex + 1 : overIndex;
  if (over.parent === active.parent && position === active.position) return null;
  return { parent: over.parent, position };
}
