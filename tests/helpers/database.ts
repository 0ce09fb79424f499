import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../../server/platform/config';
import { type Database, openDatabase } from '../../server/platform/db/kysely';
import { migrateToLatest } from '../../server/platform/db/migrate';

/**
 * A fresh, migrated database for one test file: a SQLite file in a temp dir by default, or — when
 * DATABASE_URL points at PostgreSQL — a schema of its own in that database, dropped afterwards.
 * The same tests run on both (DESIGN.md §8).
 */
export type TestDatabase = Database & {
  config: Pick<Config, 'database'>;
  /** search_path of the PostgreSQL schema, for a second process or pool on the same data */
  schema: string | undefined;
  dataDir: string;
  destroy(): Promise<void>;
};

export function testDatabaseKind(): 'sqlite' | 'postgres' {
  return process.env.DATABASE_URL?.startsWith('postgres') ? 'postgres' : 'sqlite';
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-test-'));
  const url = process.env.DATABASE_URL;
  if (url?.startsWith('postgres')) {
    const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const config = { database: { kind: 'postgres', url } } as const;
    const database = openDatabase(config, { schema });
    await migrateToLatest(database.db, { schema });
    return {
      ...database,
      config,
      schema,
      dataDir,
      async destroy() {
        await database.close();
        const cleanup = new pg.Client({ connectionString: url });
        await cleanup.connect();
        await cleanup.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await cleanup.end();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const config = { database: { kind: 'sqlite', file: path.join(dataDir, 'atrium.db') } } as const;
  const database = openDatabase(config);
  await migrateToLatest(database.db);
  return {
    ...database,
    config,
    schema: undefined,
    dataDir,
    async destroy() {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
