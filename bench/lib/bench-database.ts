import path from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../../server/platform/db/kysely';
import { migrateToLatest } from '../../server/platform/db/migrate';

/**
 * A migrated database for one benchmark run: SQLite at `<dataDir>/bench.db`, or — when
 * DATABASE_URL points at PostgreSQL — a schema of its own named `<prefix>_<time>`. `drop()`
 * closes it and removes the schema (the SQLite file goes with the caller's temporary directory).
 */
export async function openBenchDatabase(
  dataDir: string,
  prefix: string,
): Promise<{ database: Database; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url?.startsWith('postgres')) {
    const schema = `${prefix}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const database = openDatabase({ database: { kind: 'postgres', url } }, { schema });
    await migrateToLatest(database.db, { schema });
    return {
      database,
      async drop() {
        await database.close();
        const cleanup = new pg.Client({ connectionString: url });
        await cleanup.connect();
        await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
        await cleanup.end();
      },
    };
  }
  const database = openDatabase({ database: { kind: 'sqlite', file: path.join(dataDir, 'bench.db') } });
  await migrateToLatest(database.db);
  return { database, drop: () => database.close() };
}
