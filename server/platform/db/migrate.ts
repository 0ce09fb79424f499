import { type Kysely, Migrator } from 'kysely';
import { migrations } from './migrations/index';
import type { DB } from './schema';

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<DB>, options: { schema?: string } = {}): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // PostgreSQL: keep the bookkeeping in the schema being migrated (tests use one schema each).
    ...(options.schema ? { migrationTableSchema: options.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
