import type { Kysely } from 'kysely';
import type { MenuName } from '../../../common/menus';
import { rememberUntilNotified } from '../../platform/db/prepared';
import type { DB } from '../../platform/db/schema';
import { newId } from '../../platform/ids';
import type { MenuUpdateRow } from './tree';

/** Whose updates: an organization's defaults, or one user's in one organization. */
export type MenuOwner = { organizationId: string; userId: string | null };

/** `settings_values`' convention: the organization id, or `<organizationId>/<userId>`. */
export function scopeIdOf(owner: MenuOwner): string {
  return owner.userId === null ? owner.organizationId : `${owner.organizationId}/${owner.userId}`;
}

export type StoredMenuUpdate = MenuUpdateRow & { menu: string };

/**
 * Every update of every menu on the path organization → user, in one query. Read on every page
 * (the SPA renders its menus from them): the result is kept until the database changes (SQLite) or
 * a change is notified (PostgreSQL; the service's writes call `notifyCachedChange`), so a request
 * costs one cached lookup (DESIGN.md §5, `rememberUntilNotified`).
 */
export function listMenuUpdates(db: Kysely<DB>, owner: MenuOwner): Promise<readonly StoredMenuUpdate[]> {
  return rememberUntilNotified(db, `menus ${owner.organizationId} ${owner.userId ?? ''}`, () =>
    readMenuUpdates(db, owner),
  );
}

/** `listMenuUpdates` without the cache: what a transaction reads before it changes them. */
export async function readMenuUpdates(
  db: Kysely<DB>,
  owner: MenuOwner,
): Promise<readonly StoredMenuUpdate[]> {
  const scopeIds = [owner.organizationId];
  if (owner.userId !== null) scopeIds.push(scopeIdOf(owner));
  const rows = await db
    .selectFrom('menuUpdates')
    .select([
      'menu',
      'userId',
      'key',
      'parentKey',
      'position',
      'isHidden',
      'label',
      'url',
      'isCustom',
      'isDivider',
    ])
    .where('organizationId', '=', owner.organizationId)
    .where('scopeId', 'in', scopeIds)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return Object.freeze(
    rows.map(
      (row): StoredMenuUpdate => ({
        menu: row.menu,
        scope: row.userId === null ? 'organization' : 'user',
        key: row.key,
        parentKey: row.parentKey,
        position: row.position,
        // SQLite's driver wrapper converts only non-null 0/1; a nullable flag may come back as a number.
        isHidden: row.isHidden === null ? null : Boolean(row.isHidden),
        label: row.label,
        url: row.url,
        isCustom: Boolean(row.isCustom),
        isDivider: Boolean(row.isDivider),
      }),
    ),
  );
}

/** One level's row for an item, if that level has one. */
export async function findMenuUpdate(
  db: Kysely<DB>,
  owner: MenuOwner,
  menu: MenuName,
  key: string,
): Promise<{ id: string; isCustom: boolean } | undefined> {
  const row = await db
    .selectFrom('menuUpdates')
    .select(['id', 'isCustom'])
    .where('scopeId', '=', scopeIdOf(owner))
    .where('organizationId', '=', owner.organizationId)
    .where('menu', '=', menu)
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? { id: row.id, isCustom: Boolean(row.isCustom) } : undefined;
}

export type MenuUpdateChange = {
  parentKey?: string | null;
  position?: number | null;
  isHidden?: boolean | null;
  label?: string | null;
};

/** Changes (or creates) a level's row for an item; fields left out stay as they are. */
export async function upsertMenuUpdate(
  db: Kysely<DB>,
  now: string,
  owner: MenuOwner,
  menu: MenuName,
  key: string,
  change: MenuUpdateChange,
): Promise<void> {
  const existing = await findMenuUpdate(db, owner, menu, key);
  if (existing) {
    await db
      .updateTable('menuUpdates')
      .set({ ...change, updatedAt: now })
      .where('id', '=', existing.id)
      .execute();
    return;
  }
  await db
    .insertInto('menuUpdates')
    .values({
      id: newId(),
      organizationId: owner.organizationId,
      userId: owner.userId,
      scopeId: scopeIdOf(owner),
      menu,
      key,
      parentKey: change.parentKey ?? null,
      position: change.position ?? null,
      isHidden: change.isHidden ?? null,
      label: change.label ?? null,
      url: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
}

/** Stores a custom link or divider of a level. */
export async function insertCustomMenuItem(
  db: Kysely<DB>,
  now: string,
  owner: MenuOwner,
  menu: MenuName,
  item: {
    key: string;
    label: string;
    url: string | null;
    divider: boolean;
    parentKey: string;
    position: number;
  },
): Promise<void> {
  await db
    .insertInto('menuUpdates')
    .values({
      id: newId(),
      organizationId: owner.organizationId,
      userId: owner.userId,
      scopeId: scopeIdOf(owner),
      menu,
      key: item.key,
      parentKey: item.parentKey,
      position: item.position,
      isHidden: null,
      label: item.label,
      url: item.url,
      isCustom: true,
      isDivider: item.divider,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
}

/** Removes a level's row for one item (its reset, or a custom item's deletion). */
export async function deleteMenuUpdate(
  db: Kysely<DB>,
  owner: MenuOwner,
  menu: MenuName,
  key: string,
): Promise<void> {
  await db
    .deleteFrom('menuUpdates')
    .where('scopeId', '=', scopeIdOf(owner))
    .where('organizationId', '=', owner.organizationId)
    .where('menu', '=', menu)
    .where('key', '=', key)
    .execute();
}

/** Removes every row of a level for a menu: the menu is as the level above makes it again. */
export async function deleteMenuUpdates(db: Kysely<DB>, owner: MenuOwner, menu: MenuName): Promise<void> {
  await db
    .deleteFrom('menuUpdates')
    .where('scopeId', '=', scopeIdOf(owner))
    .where('organizationId', '=', owner.organizationId)
    .where('menu', '=', menu)
    .execute();
}
