import type { FastifyRequest } from 'fastify';
import { preparedQuery, rememberWhileUnchanged } from '../../platform/db/prepared';
import type { Deps } from '../../platform/deps';
import type { Actor } from '../../platform/http/access';
import { sha256 } from '../../platform/secrets';
import { credentialOf } from '../access/store';
import { isWellFormedApiKey } from './key-format';

const LAST_USE_GRANULARITY_MS = 60_000;

/**
 * The key, its user, the membership in the key's organization and that membership's roles (a row
 * each). Every API request runs it: compiled once (see preparedQuery).
 */
const lookupKey = preparedQuery(['keyHash'], (db, p) =>
  db
    .selectFrom('apiKeys')
    .innerJoin('users', 'users.id', 'apiKeys.userId')
    .leftJoin('memberships', (join) =>
      join
        .onRef('memberships.userId', '=', 'apiKeys.userId')
        .onRef('memberships.organizationId', '=', 'apiKeys.organizationId'),
    )
    .leftJoin('membershipRoles', 'membershipRoles.membershipId', 'memberships.id')
    .leftJoin('roles', (join) =>
      join
        .onRef('roles.id', '=', 'membershipRoles.roleId')
        .onRef('roles.organizationId', '=', 'apiKeys.organizationId'),
    )
    .select([
      'apiKeys.id',
      'apiKeys.userId',
      'apiKeys.organizationId',
      'apiKeys.lastUsedAt',
      'users.status',
      'users.mustChangePassword',
      'users.isInstanceAdministrator',
      'memberships.id as membershipId',
      'roles.permissions',
    ])
    .where('apiKeys.keyHash', '=', p.keyHash),
);

/**
 * The actor of an `Authorization: Bearer atr_…` request, or undefined. Refused: a malformed key
 * (before any lookup), an unknown, replaced or revoked one, a user who is disabled or whose
 * password an administrator reset, a user no longer in the key's organization.
 *
 * Every API request comes through here, so it is one query: the key, its user, the membership in
 * the key's organization and that membership's roles (one row per role) — the same permission
 * rules as `loadPermissions`, read on every request so a change applies on the next one (on
 * SQLite the outcome is kept until the database changes: see rememberWhileUnchanged).
 */
export async function authenticateApiKey(
  deps: Pick<Deps, 'db' | 'clock'>,
  key: string,
  request: FastifyRequest,
): Promise<Actor | undefined> {
  if (!isWellFormedApiKey(key)) return undefined;
  const { db, clock } = deps;
  const keyHash = sha256(key);
  const found = await rememberWhileUnchanged(db, `api-key ${keyHash}`, async () =>
    credentialOf((await lookupKey(db, { keyHash })).rows),
  );
  if (!found) return undefined;
  const { row, permissions } = found;
  if (row.status !== 'active' || !row.membershipId) return undefined;
  const now = clock.now();
  if (!row.lastUsedAt || now.getTime() - Date.parse(row.lastUsedAt) >= LAST_USE_GRANULARITY_MS) {
    await db
      .updateTable('apiKeys')
      .set({ lastUsedAt: now.toISOString(), lastUsedIp: request.ip })
      .where('id', '=', row.id)
      .execute();
  }
  return {
    userId: row.userId,
    organizationId: row.organizationId,
    // Shared by the requests of this key until the database changes: read, never changed.
    permissions,
    mustChangePassword: row.mustChangePassword,
    via: { kind: 'api_key', apiKeyId: row.id },
  };
}
