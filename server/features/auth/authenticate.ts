import type { FastifyRequest } from 'fastify';
import { preparedQuery, rememberWhileUnchanged } from '../../platform/db/prepared';
import type { Deps } from '../../platform/deps';
import type { Actor } from '../../platform/http/access';
import type { Authenticators } from '../../platform/http/authentication';
import { sha256 } from '../../platform/secrets';
import { resolveSettings } from '../../platform/settings';
import { credentialOf } from '../access/store';
import { authenticateApiKey } from '../api-keys/authenticate';
import { deleteSession, sessionColumns, touchSession } from './store';
import { csrfTokenFor } from './tokens';

const TOUCH_GRANULARITY_MS = 60_000;

/**
 * The session of a cookie, its user, the membership in the session's organization and that
 * membership's roles (a row each). Every browser request runs it: compiled once (preparedQuery).
 */
const lookupSession = preparedQuery(['tokenHash'], (db, p) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .leftJoin('memberships', (join) =>
      join
        .onRef('memberships.userId', '=', 'sessions.userId')
        .onRef('memberships.organizationId', '=', 'sessions.organizationId'),
    )
    .leftJoin('membershipRoles', 'membershipRoles.membershipId', 'memberships.id')
    .leftJoin('roles', (join) =>
      join
        .onRef('roles.id', '=', 'membershipRoles.roleId')
        .onRef('roles.organizationId', '=', 'sessions.organizationId'),
    )
    .select(sessionColumns)
    .select([
      'users.status',
      'users.mustChangePassword',
      'users.isInstanceAdministrator',
      'memberships.id as membershipId',
      'roles.permissions',
    ])
    .where('sessions.tokenHash', '=', p.tokenHash),
);

/**
 * The actor of a session cookie, or undefined. The server enforces the idle and absolute
 * timeouts of the session's organization (settings `session.idle_minutes` /
 * `session.absolute_minutes`) and ends sessions of users who are no longer active or members.
 * Roles are read on every request, so a change applies on the next one (on SQLite the session,
 * user and roles are kept until the database changes: see rememberWhileUnchanged).
 */
export async function authenticateSession(
  deps: Pick<Deps, 'db' | 'clock'>,
  token: string,
): Promise<Actor | undefined> {
  const { db, clock } = deps;
  const tokenHash = sha256(token);
  const found = await rememberWhileUnchanged(db, `session ${tokenHash}`, async () =>
    credentialOf((await lookupSession(db, { tokenHash })).rows),
  );
  if (!found) return undefined;
  const { row: session, permissions } = found;
  const now = clock.now();
  const settings = await resolveSettings(db, { organizationId: session.organizationId });
  const idleLimit = Date.parse(session.lastSeenAt) + settings['session.idle_minutes'] * 60_000;
  const absoluteLimit = Math.min(
    Date.parse(session.expiresAt),
    Date.parse(session.createdAt) + settings['session.absolute_minutes'] * 60_000,
  );
  const isMember = session.status === 'active' && session.membershipId !== null;
  if (now.getTime() >= idleLimit || now.getTime() >= absoluteLimit || !isMember) {
    await deleteSession(db, session.id);
    return undefined;
  }
  if (now.getTime() - Date.parse(session.lastSeenAt) >= TOUCH_GRANULARITY_MS) {
    await touchSession(db, session.id, now.toISOString());
  }
  return {
    userId: session.userId,
    organizationId: session.organizationId,
    // Shared by the requests of this session until the database changes: read, never changed.
    permissions,
    mustChangePassword: session.mustChangePassword,
    via: {
      kind: 'session',
      sessionId: session.id,
      // Derived when asked (unsafe requests, the session resource), not on every read.
      get csrfToken() {
        return csrfTokenFor(token);
      },
    },
  };
}

export function createAuthenticators(deps: Deps): Authenticators {
  return {
    session: (token: string) => authenticateSession(deps, token),
    apiKey: (key: string, request: FastifyRequest) => authenticateApiKey(deps, key, request),
  };
}
