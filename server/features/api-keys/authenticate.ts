import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps';
import type { Actor } from '../../platform/http/access';
import { sha256 } from '../../platform/secrets';
import { loadPermissions } from '../access/store';
import { isWellFormedApiKey } from './key-format';

const LAST_USE_GRANULARITY_MS = 60_000;

/**
 * The actor of an `Authorization: Bearer atr_…` request, or undefined. Refused: a malformed key
 * (before any lookup), an unknown, replaced or revoked one, a user who is disabled or whose
 * password an administrator reset, a user no longer in the key's organization.
 */
export async function authenticateApiKey(
  deps: Pick<Deps, 'db' | 'clock'>,
  key: string,
  request: FastifyRequest,
): Promise<Actor | undefined> {
  if (!isWellFormedApiKey(key)) return undefined;
  const { db, clock } = deps;
  const row = await db
    .selectFrom('apiKeys')
    .innerJoin('users', 'users.id', 'apiKeys.userId')
    .select(['apiKeys.id', 'apiKeys.userId', 'apiKeys.organizationId', 'apiKeys.lastUsedAt', 'users.status'])
    .select('users.mustChangePassword')
    .where('apiKeys.keyHash', '=', sha256(key))
    .executeTakeFirst();
  if (row?.status !== 'active') return undefined;
  const permissions = await loadPermissions(db, row.userId, row.organizationId);
  if (!permissions) return undefined;
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
    permissions,
    mustChangePassword: row.mustChangePassword,
    via: { kind: 'api_key', apiKeyId: row.id },
  };
}
