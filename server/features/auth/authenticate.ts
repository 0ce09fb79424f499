import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps';
import type { Actor } from '../../platform/http/access';
import type { Authenticators } from '../../platform/http/authentication';
import { sha256 } from '../../platform/secrets';
import { resolveSettings } from '../../platform/settings';
import { loadPermissions } from '../access/store';
import { authenticateApiKey } from '../api-keys/authenticate';
import { deleteSession, findSessionByTokenHash, touchSession } from './store';
import { csrfTokenFor } from './tokens';

const TOUCH_GRANULARITY_MS = 60_000;

/**
 * The actor of a session cookie, or undefined. The server enforces the idle and absolute
 * timeouts of the session's organization (settings `session.idle_minutes` /
 * `session.absolute_minutes`) and ends sessions of users who are no longer active or members.
 */
export async function authenticateSession(
  deps: Pick<Deps, 'db' | 'clock'>,
  token: string,
): Promise<Actor | undefined> {
  const { db, clock } = deps;
  const session = await findSessionByTokenHash(db, sha256(token));
  if (!session) return undefined;
  const now = clock.now();
  const settings = await resolveSettings(db, { organizationId: session.organizationId });
  const idleLimit = Date.parse(session.lastSeenAt) + settings['session.idle_minutes'] * 60_000;
  const absoluteLimit = Math.min(
    Date.parse(session.expiresAt),
    Date.parse(session.createdAt) + settings['session.absolute_minutes'] * 60_000,
  );
  const permissions =
    session.status === 'active'
      ? await loadPermissions(db, session.userId, session.organizationId)
      : undefined;
  if (now.getTime() >= idleLimit || now.getTime() >= absoluteLimit || !permissions) {
    await deleteSession(db, session.id);
    return undefined;
  }
  if (now.getTime() - Date.parse(session.lastSeenAt) >= TOUCH_GRANULARITY_MS) {
    await touchSession(db, session.id, now.toISOString());
  }
  return {
    userId: session.userId,
    organizationId: session.organizationId,
    permissions,
    mustChangePassword: session.mustChangePassword,
    via: { kind: 'session', sessionId: session.id, csrfToken: csrfTokenFor(token) },
  };
}

export function createAuthenticators(deps: Deps): Authenticators {
  return {
    session: (token: string) => authenticateSession(deps, token),
    apiKey: (key: string, request: FastifyRequest) => authenticateApiKey(deps, key, request),
  };
}
