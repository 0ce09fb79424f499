import { type Kysely, Migrator } from 'kysely';
import { migrations } from './migrations/index';
import type { DB } from './schema';

/**
 * PostgreSQL's invalid_schema_name, undefined_table and undefined_column: what the listing of every
 * schema's tables meets when another schema, or a table in it, is dropped while it runs (the
 * listing reads each column's default through `pg_get_serial_sequence`, which names the column).
 */
const VANISHED_DURING_LISTING = new Set(['3F000', '42P01', '42703']);

/**
 * Brings the schema up to date; throws with the failing migration's error. Kysely's migrator
 * first lists the tables of every schema; when another schema is dropped during that listing
 * (parallel test files each own a schema and drop it when done) PostgreSQL answers 3F000 or 42P01 —
 * nothing was changed yet, so the migration is simply tried again.
 */
export async function migrateToLatest(db: Kysely<DB>, options: { schema?: string } = {}): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // PostgreSQL: keep the bookkeeping in the schema being migrated (tests use one schema each).
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    const code = (error as { code?: string }).code;
    // Only before any migration ran: a migration's own error is reported with its result.
    const vanished = code !== undefined && VANISHED_DURING_LISTING.has(code) && !results?.length;
    if (!vanished || attempt >= 5) throw error instanceof Error ? error : new Error(String(error));
  }
}
