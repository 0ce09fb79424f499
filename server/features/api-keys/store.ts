import type { Kysely, Selectable } from 'kysely';
import type { Dialect } from '../../platform/db/kysely';
import { preparedQuery } from '../../platform/db/prepared';
import type { ApiKeysTable, DB } from '../../platform/db/schema';
import { newId } from '../../platform/ids';
import { credentialAccessQuery } from '../memberships/store';

/** The columns an API key may be read with. The key's hash is not among them. */
export const apiKeyColumns = [
  'apiKeys.id',
  'apiKeys.userId',
  'apiKeys.organizationId',
  'apiKeys.prefix',
  'apiKeys.createdAt',
  'apiKeys.lastUsedAt',
  'apiKeys.lastUsedIp',
] as const;

export type ApiKeyRecord = Omit<Selectable<ApiKeysTable>, 'keyHash'>;

/**
 * The key, its user, the membership in the key's organization and that membership's roles (a row
 * each). Every API request runs it: compiled once (see preparedQuery).
 */
const apiKeyCredentialQuery = preparedQuery(['keyHash'], (db, p) =>
  credentialAccessQuery(db, 'apiKeys')
    .select(['apiKeys.id', 'apiKeys.userId', 'apiKeys.organizationId', 'apiKeys.lastUsedAt'])
    .where('apiKeys.keyHash', '=', p.keyHash),
);

export async function findApiKeyCredential(db: Kysely<DB>, keyHash: string) {
  return (await apiKeyCredentialQuery(db, { keyHash })).rows;
}

/** Notes a key's last use (at most once a minute per key: see authenticateApiKey). */
export async function touchApiKey(
  db: Kysely<DB>,
  id: string,
  use: Pick<ApiKeyRecord, 'lastUsedAt' | 'lastUsedIp'>,
): Promise<void> {
  await db.updateTable('apiKeys').set(use).where('id', '=', id).execute();
}

/**
 * `isMember`, and inside a transaction on PostgreSQL a lock on the membership row (`FOR UPDATE`),
 * so that concurrent key changes for one user and organization run one after the other. SQLite
 * needs no lock: Kysely runs a transaction alone on its single connection, and SQLite has one
 * writer at a time.
 */
export async function lockMembership(
  trx: Kysely<DB>,
  dialect: Dialect,
  userId: string,
  organizationId: string,
): Promise<boolean> {
  const query = membershipQuery(trx, userId, organizationId);
  const row = await (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
  return row !== undefined;
}

function membershipQuery(db: Kysely<DB>, userId: string, organizationId: string) {
  return db
    .selectFrom('memberships')
    .select('memberships.id')
    .where('memberships.userId', '=', userId)
    .where('memberships.organizationId', '=', organizationId);
}

export async function findApiKey(
  db: Kysely<DB>,
  userId: string,
  organizationId: string,
): Promise<ApiKeyRecord | undefined> {
  return db
    .selectFrom('apiKeys')
    .select(apiKeyColumns)
    .where('apiKeys.userId', '=', userId)
    .where('apiKeys.organizationId', '=', organizationId)
    .executeTakeFirst();
}

/** Deletes the user's key in the organization; returns what it was, if there was one. */
export async function deleteApiKey(
  db: Kysely<DB>,
  userId: string,
  organizationId: string,
): Promise<Pick<ApiKeyRecord, 'id' | 'prefix'> | undefined> {
  return db
    .deleteFrom('apiKeys')
    .where('userId', '=', userId)
    .where('organizationId', '=', organizationId)
    .returning(['id', 'prefix'])
    .executeTakeFirst();
}

export async function insertApiKey(
  db: Kysely<DB>,
  input: { userId: string; organizationId: string; keyHash: string; prefix: string; createdAt: string },
): Promise<ApiKeyRecord> {
  const record: ApiKeyRecord = {
    id: newId(),
    userId: input.userId,
    organizationId: input.organizationId,
    prefix: input.prefix,
    createdAt: input.createdAt,
    lastUsedAt: null,
    lastUsedIp: null,
  };
  await db
    .insertInto('apiKeys')
    .values({ ...record, keyHash: input.keyHash })
    .execute();
  return record;
}
