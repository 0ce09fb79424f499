import type { Kysely } from 'kysely';
import type { DB, Session } from '../../platform/db/schema';
import { fetchListPage, type ListPage, type ListQuery, type ListSpec } from '../../platform/http/jsonapi';
import { newId } from '../../platform/ids';
import { sessionFields } from './presenter';

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

/** `GET /api/sessions`: most recently seen first by default; `fields[sessions]`. */
export const sessionListSpec: ListSpec = {
  type: 'sessions',
  sort: {
    lastSeenAt: 'sessions.lastSeenAt',
    createdAt: 'sessions.createdAt',
    expiresAt: 'sessions.expiresAt',
    id: 'sessions.id',
  },
  defaultSort: '-lastSeenAt,-id',
  filters: {},
  fieldsets: { sessions: sessionFields },
};

/** One page of a user's sessions. */
export async function listUserSessions(
  db: Kysely<DB>,
  userId: string,
  listQuery: ListQuery,
): Promise<ListPage<SessionRecord>> {
  const base = db.selectFrom('sessions').select(sessionColumns).where('sessions.userId', '=', userId);
  return fetchListPage(base, listQuery, 'sessions.id');
}

export async function findUserSession(db: Kysely<DB>, userId: string, id: string) {
  return db
    .selectFrom('sessions')
    .select(sessionColumns)
    .where('userId', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
}
