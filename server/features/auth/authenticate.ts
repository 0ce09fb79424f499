import type { FastifyRequest } from 'fastify';
import { rememberCredential } from '../../platform/db/prepared';
import type { Deps } from '../../platform/deps';
import type { Actor } from '../../platform/http/access';
import type { Authenticators } from '../../platform/http/authentication';
import { sha256 } from '../../platform/secrets';
import { resolveSettings } from '../../platform/settings';
import { credentialOf } from '../access/store';
import { authenticateApiKey, latest } from '../api-keys/authenticate';
import { looksLikeApiKey } from '../api-keys/key-format';
import { deleteSession, findSessionCredential, touchSession } from './store';
import { csrfTokenFor } from './tokens';

const TOUCH_GRANULARITY_MS = 60_000;
/** The last use this process wrote, by session id (a bound: past it, the notes start over). */
const touchWritten = new Map<string, string>();
const MAX_NOTED_TOUCHES = 10_000;

/**
 * The actor of a session cookie, or undefined. The server enforces the idle and absolute
 * timeouts of the session's organization (settings `session.idle_minutes` /
 * `session.absolute_minutes`) and ends sessions of users who are no longer active or members.
 * A change to the session, user, membership or roles applies on the next request, in every
 * process: they are kept only as rememberCredential allows.
 */
export async function authenticateSession(
  deps: Pick<Deps, 'db' | 'clock'>,
  token: string,
): Promise<Actor | undefined> {
  const { db, clock } = deps;
  const tokenHash = sha256(token);
  const lookup = async () => credentialOf(await findSessionCredential(db, tokenHash));
  let found = await rememberCredential(db, `session ${tokenHash}`, lookup);
  if (!found) return undefined;
  const now = clock.now();
  const settings = await resolveSettings(db, { organizationId: found.row.organizationId });
  // A kept row's last use may predate this process's own later touch of it.
  const lastSeenAt = (session: NonNullable<typeof found>['row']) =>
    latest(session.lastSeenAt, touchWritten.get(session.id)) ?? session.lastSeenAt;
  const expired = (session: NonNullable<typeof found>['row']) => {
    const idleLimit = Date.parse(lastSeenAt(session)) + settings['session.idle_minutes'] * 60_000;
    const absoluteLimit = Math.min(
      Date.parse(session.expiresAt),
      Date.parse(session.createdAt) + settings['session.absolute_minutes'] * 60_000,
    );
    return now.getTime() >= idleLimit || now.getTime() >= absoluteLimit;
  };
  // A kept session's last use may be older than the database's (another process touched it since):
  // an idle session is ended only after the database confirms it.
  if (expired(found.row)) {
    found = await lookup();
    if (!found) return undefined;
  }
  const { row: session, permissions } = found;
  const isMember = session.status === 'active' && session.membershipId !== null;
  if (expired(session) || !isMember) {
    await deleteSession(db, session.id);
    return undefined;
  }
  if (now.getTime() - Date.parse(lastSeenAt(session)) >= TOUCH_GRANULARITY_MS) {
    await touchSession(db, session.id, now.toISOString());
    if (touchWritten.size >= MAX_NOTED_TOUCHES) touchWritten.clear();
    touchWritten.set(session.id, now.toISOString());
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
    looksLikeApiKey,
  };
}
