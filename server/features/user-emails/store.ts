import type { Kysely, Selectable } from 'kysely';
import type { DB, UserEmailsTable } from '../../platform/db/schema';
import { newId } from '../../platform/ids';

export type UserEmailRecord = Omit<Selectable<UserEmailsTable>, 'emailNormalized'>;

const userEmailColumns = [
  'userEmails.id',
  'userEmails.userId',
  'userEmails.email',
  'userEmails.verifiedAt',
  'userEmails.position',
  'userEmails.createdAt',
] as const;

/** A user's additional addresses, in their order. */
export async function listUserEmails(db: Kysely<DB>, userId: string): Promise<UserEmailRecord[]> {
  return db
    .selectFrom('userEmails')
    .select(userEmailColumns)
    .where('userId', '=', userId)
    .orderBy('position')
    .orderBy('createdAt')
    .execute();
}

export async function insertUserEmail(
  db: Kysely<DB>,
  input: { userId: string; email: string; emailNormalized: string; position: number; createdAt: string },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('userEmails')
    .values({ id, ...input, verifiedAt: null })
    .execute();
  return id;
}

/** Deletes addresses of one user (their pending verifications go with them: ON DELETE CASCADE). */
export async function deleteUserEmails(
  db: Kysely<DB>,
  userId: string,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('userEmails').where('userId', '=', userId).where('id', 'in', ids).execute();
}

export async function insertEmailVerification(
  db: Kysely<DB>,
  input: { userEmailId: string; tokenHash: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('emailVerifications')
    .values({ id: newId(), ...input, usedAt: null })
    .execute();
}

/** The pending verification of a token, with its address and user. */
export async function findVerificationByTokenHash(db: Kysely<DB>, tokenHash: string) {
  return db
    .selectFrom('emailVerifications')
    .innerJoin('userEmails', 'userEmails.id', 'emailVerifications.userEmailId')
    .select([
      'emailVerifications.id',
      'emailVerifications.expiresAt',
      'emailVerifications.usedAt',
      'userEmails.id as userEmailId',
      'userEmails.userId',
      'userEmails.verifiedAt',
    ])
    .where('emailVerifications.tokenHash', '=', tokenHash)
    .executeTakeFirst();
}

/**
 * Marks a verification used and its address verified, only if nobody used it meanwhile
 * (conditional update): answers whether this call was the one that used it.
 */
export async function useVerification(
  db: Kysely<DB>,
  verification: { id: string; userEmailId: string },
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('emailVerifications')
    .set({ usedAt: now })
    .where('id', '=', verification.id)
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await db
    .updateTable('userEmails')
    .set({ verifiedAt: now })
    .where('id', '=', verification.userEmailId)
    .where('verifiedAt', 'is', null)
    .execute();
  // Other links sent for the same address are spent too.
  await db
    .updateTable('emailVerifications')
    .set({ usedAt: now })
    .where('userEmailId', '=', verification.userEmailId)
    .where('usedAt', 'is', null)
    .execute();
  return true;
}

/** Rewrites an additional email as typed and its place in the list. */
export async function updateUserEmail(
  db: Kysely<DB>,
  id: string,
  values: { email: string; position: number },
): Promise<void> {
  await db.updateTable('userEmails').set(values).where('id', '=', id).execute();
}

/** Whether the address (by its normalized key) is the user's primary or one of their additional emails. */
export async function isOwnEmail(db: Kysely<DB>, userId: string, emailNormalized: string): Promise<boolean> {
  const primary = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('emailNormalized', '=', emailNormalized)
    .executeTakeFirst();
  if (primary) return true;
  const additional = await db
    .selectFrom('userEmails')
    .select('id')
    .where('userId', '=', userId)
    .where('emailNormalized', '=', emailNormalized)
    .executeTakeFirst();
  return additional !== undefined;
}
