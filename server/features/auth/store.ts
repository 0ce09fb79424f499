import type { Kysely } from 'kysely';
import type { DB, Session } from '../../platform/db/schema';
import { newId } from '../../platform/ids';

export const sessionColumns = [
  'sessions.id',
  'sessions.userId',
  'sessions.organizationId',
  'sessions.ip',
  'sessions.userAgent',
  'sessions.createdAt',
  'sessions.lastSeenAt',
  'sessions.expiresAt',
] as const;

export type SessionRecord = Omit<Session, 'tokenHash'>;

export async function insertSession(db: Kysely<DB>, session: Omit<Session, 'id'>): Promise<SessionRecord> {
  const id = newId();
  await db
    .insertInto('sessions')
    .values({ id, ...session })
    .execute();
  const { tokenHash: _secret, ...record } = { id, ...session };
  return record;
}

/** The session of a cookie, with what the access check needs of its user. */
export async function findSessionByTokenHash(db: Kysely<DB>, tokenHash: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select(sessionColumns)
    .select(['users.status', 'users.mustChangePassword'])
    .where('sessions.tokenHash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touchSession(db: Kysely<DB>, id: string, lastSeenAt: string): Promise<void> {
  await db.updateTable('sessions').set({ lastSeenAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionByTokenHash(db: Kysely<DB>, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('tokenHash', '=', tokenHash).execute();
}

/** Ends every session of a user (password change, reset, disable), optionally but one. */
export async function deleteUserSessions(db: Kysely<DB>, userId: string, exceptId?: string): Promise<number> {
  let query = db.deleteFrom('sessions').where('userId', '=', userId);
  if (exceptId) query = query.where('id', '!=', exceptId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function listUserSessions(db: Kysely<DB>, userId: string): Promise<SessionRecord[]> {
  return db
    .selectFrom('sessions')
    .select(sessionColumns)
    .where('userId', '=', userId)
    .orderBy('lastSeenAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function findUserSession(db: Kysely<DB>, userId: string, id: string) {
  return db
    .selectFrom('sessions')
    .select(sessionColumns)
    .where('userId', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
}
