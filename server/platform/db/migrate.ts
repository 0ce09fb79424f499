import { type Kysely, Migrator } from 'kysely';
import { migrations } from './migrations/index';
import type { DB } from './schema';

/** PostgreSQL's invalid_schema_name. */
const SCHEMA_VANISHED = '3F000';

/**
 * Brings the schema up to date; throws with the failing migration's error. Kysely's migrator
 * first lists the tables of every schema; when another schema is dropped during that listing
 * (parallel test files each own a schema and drop it when done) PostgreSQL answers 3F000 —
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
    const vanished = (error as { code?: string }).code === SCHEMA_VANISHED && !results?.length;
    if (!vanished || attempt >= 5) throw error instanceof Error ? error : new Error(String(error));
  }
}
