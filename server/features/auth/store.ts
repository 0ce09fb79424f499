import type { Kysely } from 'kysely';
import { normalizeEmail, normalizeUsername } from '../../../common/login-keys';
import { preparedQuery } from '../../platform/db/prepared';
import type { DB, Session } from '../../platform/db/schema';
import {
  fetchListPage,
  type ListPage,
  type ListQuery,
  type ListSpec,
  listReadsOf,
} from '../../platform/http/jsonapi';
import { newId } from '../../platform/ids';
import { credentialAccessQuery } from '../memberships/store';
import { sessionFields } from './presenter';

const sessionColumns = [
  'sessions.id',
  'sessions.userId',
  'sessions.organizationId',
  'sessions.ip',
  'sessions.userAgent',
  'sessions.createdAt',
  'sessions.lastSeenAt',
  'sessions.expiresAt',
] as const;

/**
 * The session of a cookie, its user, the membership in the session's organization and that
 * membership's roles (a row each). Every browser request runs it: compiled once (preparedQuery).
 */
const sessionCredentialQuery = preparedQuery(['tokenHash'], (db, p) =>
  credentialAccessQuery(db, 'sessions').select(sessionColumns).where('sessions.tokenHash', '=', p.tokenHash),
);

export async function findSessionCredential(db: Kysely<DB>, tokenHash: string) {
  return (await sessionCredentialQuery(db, { tokenHash })).rows;
}

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
  sortValues: { lastSeenAt: 'timestamp', createdAt: 'timestamp', expiresAt: 'timestamp' },
  filters: {},
  fieldsets: { sessions: sessionFields },
};

/** One page of a user's sessions. */
export async function listUserSessions(
  db: Kysely<DB>,
  userId: string,
  listQuery: ListQuery,
): Promise<ListPage<SessionRecord>> {
  const base = listReadsOf(db, listQuery)
    .selectFrom('sessions')
    .select(sessionColumns)
    .where('sessions.userId', '=', userId);
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

/** The account a sign-in names by username or email, with what the sign-in checks. */
export async function findSignInAccount(db: Kysely<DB>, login: string) {
  return db
    .selectFrom('users')
    .select([
      'id',
      'status',
      'passwordHash',
      'failedSignInCount',
      'lockoutCount',
      'lockedUntil',
      'lastOrganizationId',
    ])
    .where((eb) =>
      eb.or([
        eb('usernameNormalized', '=', normalizeUsername(login)),
        eb('emailNormalized', '=', normalizeEmail(login)),
      ]),
    )
    .executeTakeFirst();
}

/**
 * A successful sign-in: the failure counts and lock cleared, counted and dated, the organization
 * remembered, and a hash made before passwords were normalized replaced (`upgradedHash`).
 */
export async function recordSuccessfulSignIn(
  db: Kysely<DB>,
  userId: string,
  input: { at: string; organizationId: string; upgradedHash: string | undefined },
): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({
      failedSignInCount: 0,
      lockoutCount: 0,
      lockedUntil: null,
      lastSignInAt: input.at,
      signInCount: eb('signInCount', '+', 1),
      lastOrganizationId: input.organizationId,
      ...(input.upgradedHash ? { passwordHash: input.upgradedHash } : {}),
    }))
    .where('id', '=', userId)
    .execute();
}

/** Locks an account until `lockedUntil` (its failures start over). */
export async function lockAccount(
  db: Kysely<DB>,
  userId: string,
  lock: { lockoutCount: number; lockedUntil: string },
): Promise<void> {
  await db
    .updateTable('users')
    .set({ failedSignInCount: 0, lockoutCount: lock.lockoutCount, lockedUntil: lock.lockedUntil })
    .where('id', '=', userId)
    .execute();
}

export async function countFailedSignIn(db: Kysely<DB>, userId: string): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ failedSignInCount: eb('failedSignInCount', '+', 1) }))
    .where('id', '=', userId)
    .execute();
}

/** A session's switch of organization, which its user's next sign-in remembers too. */
export async function moveSessionToOrganization(
  db: Kysely<DB>,
  move: { sessionId: string; userId: string; organizationId: string },
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ organizationId: move.organizationId })
    .where('id', '=', move.sessionId)
    .execute();
  await db
    .updateTable('users')
    .set({ lastOrganizationId: move.organizationId })
    .where('id', '=', move.userId)
    .execute();
}
