import type { FastifyRequest } from 'fastify';
import { rememberCredential } from '../../platform/db/prepared';
import type { Deps } from '../../platform/deps';
import type { Actor } from '../../platform/http/access';
import { sha256 } from '../../platform/secrets';
import { credentialOf } from '../access/store';
import { isWellFormedApiKey } from './key-format';
import { findApiKeyCredential, touchApiKey } from './store';

const LAST_USE_GRANULARITY_MS = 60_000;
/** The last use this process wrote, by key id (a bound: past it, the notes start over). */
const lastUseWritten = new Map<string, string>();
const MAX_NOTED_WRITES = 10_000;

/** The later of two ISO-8601 UTC times (fixed width: they compare as strings). */
export function latest(a: string | null, b: string | undefined): string | null {
  return b !== undefined && (a === null || b > a) ? b : a;
}

/**
 * The actor of an `Authorization: Bearer atr_…` request, or undefined. Refused: a malformed key
 * (before any lookup), an unknown, replaced or revoked one, a user who is disabled or whose
 * password an administrator reset, a user no longer in the key's organization.
 *
 * Every API request comes through here, so it is one query: the key, its user, the membership in
 * the key's organization and that membership's roles (one row per role) — the same permission
 * rules as `loadPermissions`; a change applies on the next request in every process (the outcome
 * is kept only as rememberCredential allows).
 */
export async function authenticateApiKey(
  deps: Pick<Deps, 'db' | 'clock'>,
  key: string,
  request: FastifyRequest,
): Promise<Actor | undefined> {
  if (!isWellFormedApiKey(key)) return undefined;
  const { db, clock } = deps;
  const keyHash = sha256(key);
  const found = await rememberCredential(db, `api-key ${keyHash}`, async () =>
    credentialOf(await findApiKeyCredential(db, keyHash)),
  );
  if (!found) return undefined;
  const { row, permissions } = found;
  if (row.status !== 'active' || !row.membershipId) return undefined;
  const now = clock.now();
  // A kept row's last use may predate this process's own later write of it.
  const lastUsedAt = latest(row.lastUsedAt, lastUseWritten.get(row.id));
  if (!lastUsedAt || now.getTime() - Date.parse(lastUsedAt) >= LAST_USE_GRANULARITY_MS) {
    await touchApiKey(db, row.id, { lastUsedAt: now.toISOString(), lastUsedIp: request.ip });
    if (lastUseWritten.size >= MAX_NOTED_WRITES) lastUseWritten.clear();
    lastUseWritten.set(row.id, now.toISOString());
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
