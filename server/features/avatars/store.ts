import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema';

export async function findAvatar(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('avatars')
    .select(['userId', 'storageKey', 'createdAt'])
    .where('userId', '=', userId)
    .executeTakeFirst();
}

/** Points the user's avatar at new files; answers the storage key it replaced, if any. */
export async function replaceAvatar(
  db: Kysely<DB>,
  userId: string,
  storageKey: string,
  now: string,
): Promise<string | undefined> {
  const previous = await findAvatar(db, userId);
  // An upsert, not a check-then-insert: two first uploads at once must not both insert.
  await db
    .insertInto('avatars')
    .values({ userId, storageKey, createdAt: now })
    .onConflict((oc) => oc.column('userId').doUpdateSet({ storageKey, createdAt: now }))
    .execute();
  return previous?.storageKey;
}

export async function deleteAvatar(db: Kysely<DB>, userId: string): Promise<string | undefined> {
  const previous = await findAvatar(db, userId);
  if (previous) await db.deleteFrom('avatars').where('userId', '=', userId).execute();
  return previous?.storageKey;
}

/** A member of the organization with their avatar's storage key (null when none); undefined for a non-member. */
export async function findMemberAvatar(db: Kysely<DB>, organizationId: string, userId: string) {
  return db
    .selectFrom('memberships')
    .leftJoin('avatars', 'avatars.userId', 'memberships.userId')
    .select('avatars.storageKey')
    .where('memberships.userId', '=', userId)
    .where('memberships.organizationId', '=', organizationId)
    .executeTakeFirst();
}
