import { errorMeta } from '../../../common/error-particulars';
import type { MenuItemCreate, MenuItemUpdate } from '../../../common/menu-schemas';
import {
  descendantsOf,
  heightOf,
  isMenuName,
  MAX_MENU_LEVEL,
  type MenuItemView,
  type MenuName,
  type MenuScope,
  menuLabels,
  menuNames,
} from '../../../common/menus';
import { recordAuditEvent } from '../../platform/audit';
import { notifyCachedChange } from '../../platform/db/postgres-cache';
import type { Deps } from '../../platform/deps';
import type { Actor } from '../../platform/http/access';
import { AppError, attributePointer, invalidField } from '../../platform/http/errors';
import type { RequestContext } from '../../platform/http/request-context';
import { newId } from '../../platform/ids';
import { menuDefinitions } from './definitions';
import { authorizeMenuChange, authorizeMenuRead } from './policy';
import {
  deleteMenuUpdate,
  deleteMenuUpdates,
  insertCustomMenuItem,
  listMenuUpdates,
  type MenuOwner,
  readMenuUpdates,
  upsertMenuUpdate,
} from './store';
import { mergeMenu } from './tree';

/** A merged menu as the viewer may see it, at the level asked for. */
export type MenuView = { name: MenuName; label: string; scope: MenuScope; items: MenuItemView[] };

export type MenuRequest = { scope: MenuScope };
type ServiceDeps = Pick<Deps, 'db' | 'clock'>;

const menuNotFound = () =>
  new AppError('not_found', 'menu_not_found', `There is no such menu: use one of ${menuNames.join(', ')}.`, {
    source: { parameter: 'menu' },
    meta: errorMeta('menu_not_found', { allowed: menuNames }),
  });

const itemNotFound = () =>
  new AppError('not_found', 'menu_item_not_found', 'This menu has no such item.', {
    source: { parameter: 'key' },
  });

function ownerOf(actor: Actor, scope: MenuScope): MenuOwner {
  return { organizationId: actor.organizationId, userId: scope === 'user' ? actor.userId : null };
}

function menuNameOf(menu: string): MenuName {
  if (!isMenuName(menu)) throw menuNotFound();
  return menu;
}

function buildMenu(
  actor: Actor,
  scope: MenuScope,
  name: MenuName,
  rows: Awaited<ReturnType<typeof readMenuUpdates>>,
): MenuView {
  const own = rows.filter((row) => row.menu === name);
  return {
    name,
    label: menuLabels[name],
    scope,
    items: mergeMenu(menuDefinitions[name], own, actor.permissions, scope),
  };
}

/**
 * Every menu, merged for the actor: the definition without what their permissions do not allow,
 * the organization's updates, and at `user` level their own (issue 15 item 6). One cached lookup.
 */
export async function listMenus(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: MenuRequest,
): Promise<MenuView[]> {
  authorizeMenuRead(actor, input.scope);
  const rows = await listMenuUpdates(deps.db, ownerOf(actor, input.scope));
  return menuNames.map((name) => buildMenu(actor, input.scope, name, rows));
}

/** One menu, merged for the actor; 404 (`source.parameter: menu`) for a name that is not a menu. */
export async function getMenu(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: MenuRequest & { menu: string },
): Promise<MenuView> {
  authorizeMenuRead(actor, input.scope);
  const name = menuNameOf(input.menu);
  return buildMenu(actor, input.scope, name, await listMenuUpdates(deps.db, ownerOf(actor, input.scope)));
}

/**
 * Where an item may go: `parent` (null = top level) must be an item of the menu, not a divider, not
 * the item or one of its descendants, and leave the item's deepest descendant at most on the third
 * level; `position` at most the number of its new siblings. 422 with a pointer otherwise.
 */
function checkPlace(
  items: readonly MenuItemView[],
  moving: { key: string | null; height: number },
  parent: string | null,
  position: number,
): MenuItemView[] {
  let parentLevel = 0;
  if (parent !== null) {
    const target = items.find((item) => item.key === parent);
    if (!target) throw invalidField('parent', 'menu_parent_not_found', 'This menu has no such parent item.');
    if (target.divider) throw invalidField('parent', 'menu_parent_divider', 'A divider cannot hold items.');
    if (moving.key !== null && (parent === moving.key || descendantsOf(items, moving.key).has(parent))) {
      throw invalidField(
        'parent',
        'menu_parent_descendant',
        'An item cannot move under itself or its own descendant.',
      );
    }
    parentLevel = target.level;
  }
  if (parentLevel + moving.height > MAX_MENU_LEVEL) {
    throw invalidField(
      'parent',
      'menu_too_deep',
      `A menu has at most ${MAX_MENU_LEVEL} levels: this would put an item on level ${parentLevel + moving.height}.`,
      errorMeta('menu_too_deep', { maxLevel: MAX_MENU_LEVEL }),
    );
  }
  const siblings = items.filter((item) => item.parent === parent && item.key !== moving.key);
  if (position > siblings.length) {
    throw new AppError(
      'validation',
      'menu_position_out_of_range',
      `The position is from 0 to ${siblings.length} here.`,
      {
        source: attributePointer('position'),
        meta: errorMeta('menu_position_out_of_range', { max: siblings.length }),
      },
    );
  }
  return siblings;
}

/** Stores the order of one parent's children at a level: every sibling gets its index. */
async function storeOrder(
  deps: ServiceDeps,
  trx: ServiceDeps['db'],
  owner: MenuOwner,
  menu: MenuName,
  keys: readonly string[],
  moved: { key: string; parent: string | null } | null,
): Promise<void> {
  const now = deps.clock.now().toISOString();
  for (const [index, key] of keys.entries()) {
    await upsertMenuUpdate(trx, now, owner, menu, key, {
      position: index,
      ...(moved?.key === key ? { parentKey: moved.parent ?? '' } : {}),
    });
  }
}

/** Every write's last step, in its transaction: the audit row and the cache notification. */
async function audit(
  deps: ServiceDeps,
  trx: ServiceDeps['db'],
  actor: Actor,
  scope: MenuScope,
  context: RequestContext,
  details: Record<string, unknown>,
): Promise<void> {
  // Every process's cached menus are dropped when this transaction commits.
  await notifyCachedChange(trx);
  // The organization's defaults change what everyone sees; a person's own changes are recorded
  // like their settings, with them as the subject, so their Recent Security Events show them too.
  await recordAuditEvent(trx, deps.clock, {
    action: scope === 'organization' ? 'menus.changed' : 'menus.personal_changed',
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    subjectUserId: scope === 'user' ? actor.userId : null,
    ip: context.ip,
    details,
  });
}

async function mergedItems(trx: ServiceDeps['db'], actor: Actor, scope: MenuScope, menu: MenuName) {
  return buildMenu(actor, scope, menu, await readMenuUpdates(trx, ownerOf(actor, scope))).items;
}

function itemOf(items: readonly MenuItemView[], key: string): MenuItemView {
  const item = items.find((candidate) => candidate.key === key);
  if (!item) throw itemNotFound();
  return item;
}

/**
 * Moves, hides or shows, or renames one item at a level (`PATCH /api/menus/{menu}/items/{key}`).
 * A move stores the new order of the item's new siblings. A `null` label restores the
 * definition's (a custom item has none: 422). Nothing is stored unless every change is valid.
 */
export async function updateMenuItem(
  deps: ServiceDeps,
  actor: Actor,
  input: MenuRequest & { menu: string; key: string; changes: MenuItemUpdate },
  context: RequestContext,
): Promise<MenuItemView> {
  authorizeMenuChange(actor, input.scope);
  const menu = menuNameOf(input.menu);
  const owner = ownerOf(actor, input.scope);
  const { changes } = input;
  return deps.db.transaction().execute(async (trx) => {
    const items = await mergedItems(trx, actor, input.scope, menu);
    const item = itemOf(items, input.key);
    if (changes.label === null && item.custom) {
      throw invalidField('label', 'menu_label_required', 'A custom item has no default label: give it one.');
    }
    if (changes.label !== undefined && changes.label !== null && item.divider && !item.custom) {
      throw invalidField('label', 'menu_divider_label', 'This divider has no label.');
    }
    const moves = changes.parent !== undefined || changes.position !== undefined;
    let order: string[] | undefined;
    const parent = changes.parent !== undefined ? changes.parent : item.parent;
    if (moves) {
      const others = items.filter((sibling) => sibling.parent === parent && sibling.key !== item.key);
      const position = changes.position ?? (parent === item.parent ? item.position : others.length);
      const siblings = checkPlace(
        items,
        { key: item.key, height: heightOf(items, item.key) },
        parent,
        position,
      );
      order = siblings.map((sibling) => sibling.key);
      order.splice(position, 0, item.key);
    }
    const now = deps.clock.now().toISOString();
    if (changes.hidden !== undefined || changes.label !== undefined) {
      await upsertMenuUpdate(trx, now, owner, menu, item.key, {
        ...(changes.hidden !== undefined ? { isHidden: changes.hidden } : {}),
        ...(changes.label !== undefined ? { label: changes.label } : {}),
      });
    }
    if (order) await storeOrder(deps, trx, owner, menu, order, { key: item.key, parent });
    await audit(deps, trx, actor, input.scope, context, { menu, key: item.key, changes });
    return itemOf(await mergedItems(trx, actor, input.scope, menu), item.key);
  });
}

/**
 * Adds a custom item at a level (`POST /api/menus/{menu}/items`): a link (`label` and `url`: a
 * path in the app or an https: address) or a divider (`divider: true`, an optional label, no
 * url). Its key is generated (`custom_…`) and is the resource's id. Appended unless a `position`
 * is given.
 */
export async function createMenuItem(
  deps: ServiceDeps,
  actor: Actor,
  input: MenuRequest & { menu: string; item: MenuItemCreate },
  context: RequestContext,
): Promise<MenuItemView> {
  authorizeMenuChange(actor, input.scope);
  const menu = menuNameOf(input.menu);
  const owner = ownerOf(actor, input.scope);
  const { item } = input;
  const divider = item.divider ?? false;
  if (divider && item.url !== undefined) {
    throw invalidField('url', 'menu_divider_url', 'A divider has no URL.');
  }
  if (!divider && item.label === undefined) {
    throw invalidField('label', 'menu_label_required', 'A link needs a label.');
  }
  if (!divider && item.url === undefined) {
    throw invalidField(
      'url',
      'menu_url_required',
      'A link needs a URL: a path in Atrium or an https:// address.',
    );
  }
  const key = `custom_${newId().replaceAll('-', '')}`;
  return deps.db.transaction().execute(async (trx) => {
    const items = await mergedItems(trx, actor, input.scope, menu);
    const parent = item.parent ?? null;
    const siblings = checkPlace(items, { key: null, height: 1 }, parent, item.position ?? 0);
    const order = siblings.map((sibling) => sibling.key);
    order.splice(item.position ?? order.length, 0, key);
    const now = deps.clock.now().toISOString();
    await insertCustomMenuItem(trx, now, owner, menu, {
      key,
      label: item.label ?? '',
      url: item.url ?? null,
      divider,
      parentKey: parent ?? '',
      position: order.indexOf(key),
    });
    await storeOrder(deps, trx, owner, menu, order, null);
    await audit(deps, trx, actor, input.scope, context, { menu, key, created: item });
    return itemOf(await mergedItems(trx, actor, input.scope, menu), key);
  });
}

/**
 * Deletes a custom item of this level; its children move up into its place. A default item (or
 * one the organization added, seen at the user level) is never deleted: 422 "hide it instead".
 */
export async function deleteMenuItem(
  deps: ServiceDeps,
  actor: Actor,
  input: MenuRequest & { menu: string; key: string },
  context: RequestContext,
): Promise<void> {
  authorizeMenuChange(actor, input.scope);
  const menu = menuNameOf(input.menu);
  const owner = ownerOf(actor, input.scope);
  await deps.db.transaction().execute(async (trx) => {
    const items = await mergedItems(trx, actor, input.scope, menu);
    const item = itemOf(items, input.key);
    if (!item.deletable) {
      throw new AppError(
        'validation',
        'menu_item_not_deletable',
        item.custom
          ? "This item belongs to the organization's menu: hide it instead."
          : 'A default item cannot be deleted: hide it instead.',
        { source: { parameter: 'key' } },
      );
    }
    const siblings = items.filter((sibling) => sibling.parent === item.parent).map((sibling) => sibling.key);
    const children = items.filter((child) => child.parent === item.key).map((child) => child.key);
    siblings.splice(siblings.indexOf(item.key), 1, ...children);
    await deleteMenuUpdate(trx, owner, menu, item.key);
    const now = deps.clock.now().toISOString();
    for (const [index, key] of siblings.entries()) {
      await upsertMenuUpdate(trx, now, owner, menu, key, {
        position: index,
        ...(children.includes(key) ? { parentKey: item.parent ?? '' } : {}),
      });
    }
    await audit(deps, trx, actor, input.scope, context, { menu, key: item.key, deleted: true });
  });
}

/**
 * Resets one item at a level: its changes there are removed and it is as the level above has it.
 * A custom item of this level has nothing to go back to: 422, delete it instead.
 */
export async function resetMenuItem(
  deps: ServiceDeps,
  actor: Actor,
  input: MenuRequest & { menu: string; key: string },
  context: RequestContext,
): Promise<MenuItemView> {
  authorizeMenuChange(actor, input.scope);
  const menu = menuNameOf(input.menu);
  const owner = ownerOf(actor, input.scope);
  return deps.db.transaction().execute(async (trx) => {
    const item = itemOf(await mergedItems(trx, actor, input.scope, menu), input.key);
    if (item.deletable) {
      throw new AppError(
        'validation',
        'menu_item_custom',
        'A custom item has no default: delete it instead.',
        {
          source: { parameter: 'key' },
        },
      );
    }
    await deleteMenuUpdate(trx, owner, menu, item.key);
    await audit(deps, trx, actor, input.scope, context, { menu, key: item.key, reset: true });
    return itemOf(await mergedItems(trx, actor, input.scope, menu), item.key);
  });
}

/** Resets a whole menu at a level: every change and custom item of that level is removed. */
export async function resetMenu(
  deps: ServiceDeps,
  actor: Actor,
  input: MenuRequest & { menu: string },
  context: RequestContext,
): Promise<MenuView> {
  authorizeMenuChange(actor, input.scope);
  const menu = menuNameOf(input.menu);
  const owner = ownerOf(actor, input.scope);
  return deps.db.transaction().execute(async (trx) => {
    await deleteMenuUpdates(trx, owner, menu);
    await audit(deps, trx, actor, input.scope, context, { menu, reset: true });
    return buildMenu(actor, input.scope, menu, await readMenuUpdates(trx, owner));
  });
}
