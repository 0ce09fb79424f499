import { MAX_MENU_LEVEL, type MenuAction, type MenuItemView, type MenuScope } from '../../../common/menus';
import type { Permission } from '../../../common/permissions';
import type { MenuItemDefinition } from './definitions';

/** One stored update, as the merge reads it (see `menu_updates`). */
export type MenuUpdateRow = {
  scope: MenuScope;
  key: string;
  parentKey: string | null;
  position: number | null;
  isHidden: boolean | null;
  label: string | null;
  url: string | null;
  isCustom: boolean;
  isDivider: boolean;
};

type Node = {
  key: string;
  label: string;
  defaultLabel: string | null;
  url: string | null;
  action: MenuAction | null;
  divider: boolean;
  hidden: boolean;
  custom: boolean;
  deletable: boolean;
  changed: boolean;
  parent: string | null;
  position: number | null;
  order: number;
};

/** Where an item's own place would be when nothing says otherwise: after the defined ones. */
const CUSTOM_ORDER = 10_000;

/**
 * The merged menu (DESIGN.md §5 "Menus"; OroCRM's MenuUpdateBuilder): the definition, without the
 * items (and their children) the viewer's permissions do not allow, then the organization's
 * updates, then — when `scope` is `user` — the user's, each overriding the one before. The result
 * is depth first, siblings in order, each with its level and 0-based position. An update whose
 * parent is gone, or that would make a loop or a fourth level (two levels' updates can combine
 * so), leaves its item at the top level rather than losing it. Updates of unknown keys (removed
 * from the code, or not allowed to the viewer) are ignored.
 */
export function mergeMenu(
  definition: readonly MenuItemDefinition[],
  rows: readonly MenuUpdateRow[],
  permissions: ReadonlySet<Permission>,
  scope: MenuScope,
): MenuItemView[] {
  const { nodes, count } = definedNodes(definition, permissions);
  applyUpdates(nodes, rows, scope, count);
  repairParents(nodes);
  return flattened(nodes);
}

/** The definition's items the permissions allow (an item's children go with it), in definition order. */
function definedNodes(
  definition: readonly MenuItemDefinition[],
  permissions: ReadonlySet<Permission>,
): { nodes: Map<string, Node>; count: number } {
  const nodes = new Map<string, Node>();
  let order = 0;
  const addDefined = (items: readonly MenuItemDefinition[], parent: string | null) => {
    for (const item of items) {
      if (item.permission && !permissions.has(item.permission)) continue;
      nodes.set(item.key, {
        key: item.key,
        label: item.label,
        defaultLabel: item.label,
        url: item.url ?? null,
        action: item.action ?? null,
        divider: item.divider ?? false,
        hidden: false,
        custom: false,
        deletable: false,
        changed: false,
        parent,
        position: null,
        order: order++,
      });
      if (item.children) addDefined(item.children, item.key);
    }
  };
  addDefined(definition, null);
  return { nodes, count: order };
}

/** The organization's updates, then (for the user scope) the user's, each overriding the one before. */
function applyUpdates(
  nodes: Map<string, Node>,
  rows: readonly MenuUpdateRow[],
  scope: MenuScope,
  definedCount: number,
): void {
  // Custom items come after the defined ones, in the order of their rows.
  let order = definedCount;
  const levels: MenuScope[] = scope === 'user' ? ['organization', 'user'] : ['organization'];
  for (const level of levels) {
    for (const row of rows) {
      if (row.scope !== level) continue;
      const existing = nodes.get(row.key);
      if (row.isCustom) {
        if (existing) continue;
        nodes.set(row.key, {
          key: row.key,
          label: row.label ?? '',
          defaultLabel: null,
          url: row.isDivider ? null : row.url,
          action: null,
          divider: row.isDivider,
          hidden: row.isHidden ?? false,
          custom: true,
          deletable: level === scope,
          changed: level === scope,
          parent: row.parentKey || null,
          position: row.position,
          order: CUSTOM_ORDER + order++,
        });
        continue;
      }
      if (!existing) continue;
      if (row.parentKey !== null) existing.parent = row.parentKey || null;
      if (row.position !== null) existing.position = row.position;
      if (row.isHidden !== null) existing.hidden = row.isHidden;
      if (row.label !== null) existing.label = row.label;
      if (level === scope) existing.changed = true;
    }
  }
}

/** Puts at the top level an item whose parent is gone or a divider, loops, or goes below the third level. */
function repairParents(nodes: Map<string, Node>): void {
  for (const node of nodes.values()) {
    if (node.parent === null) continue;
    const parent = nodes.get(node.parent);
    if (!parent || parent.divider) node.parent = null;
  }
  for (const node of nodes.values()) {
    if (depthOf(nodes, node) === undefined) node.parent = null;
  }
  for (const node of nodes.values()) {
    if ((depthOf(nodes, node) ?? 1) + subtreeHeight(nodes, node.key) - 1 > MAX_MENU_LEVEL) node.parent = null;
  }
}

/** Depth first, siblings by position (then order), each with its level and 0-based position. */
function flattened(nodes: Map<string, Node>): MenuItemView[] {
  const children = new Map<string | null, Node[]>();
  for (const node of nodes.values()) {
    const siblings = children.get(node.parent) ?? [];
    siblings.push(node);
    children.set(node.parent, siblings);
  }
  const result: MenuItemView[] = [];
  const walk = (parent: string | null, level: number) => {
    const siblings = (children.get(parent) ?? []).sort(
      (a, b) =>
        (a.position ?? CUSTOM_ORDER * 2 + a.order) - (b.position ?? CUSTOM_ORDER * 2 + b.order) ||
        a.order - b.order,
    );
    siblings.forEach((node, position) => {
      result.push({
        key: node.key,
        parent,
        position,
        level,
        label: node.label,
        defaultLabel: node.defaultLabel,
        url: node.url,
        action: node.action,
        divider: node.divider,
        hidden: node.hidden,
        custom: node.custom,
        deletable: node.deletable,
        changed: node.changed,
      });
      walk(node.key, level + 1);
    });
  };
  walk(null, 1);
  return result;
}

/** 1 for a top-level node; undefined when its ancestors loop. */
function depthOf(nodes: Map<string, Node>, node: Node): number | undefined {
  let depth = 1;
  let current = node;
  const seen = new Set([node.key]);
  while (current.parent !== null) {
    const parent = nodes.get(current.parent);
    if (!parent) return depth;
    if (seen.has(parent.key)) return undefined;
    seen.add(parent.key);
    current = parent;
    depth++;
  }
  return depth;
}

function subtreeHeight(nodes: Map<string, Node>, key: string, seen = new Set<string>()): number {
  if (seen.has(key)) return 1;
  seen.add(key);
  let height = 1;
  for (const node of nodes.values()) {
    if (node.parent === key) height = Math.max(height, 1 + subtreeHeight(nodes, node.key, seen));
  }
  return height;
}
