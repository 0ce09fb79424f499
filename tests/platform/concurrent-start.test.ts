import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../scripts/build-server';
import { manualClock } from '../../server/platform/clock';
import { type Config, loadConfig } from '../../server/platform/config';
import { type Database, openDatabase } from '../../server/platform/db/kysely';
import { migrations } from '../../server/platform/db/migrations/index';
import { createPasswordHasher } from '../../server/platform/hashing';
import { prepareDatabase } from '../../server/start-up';
import { testDatabaseKind } from '../helpers/database';

/**
 * Issue 17 item 3: several processes starting together on a new database. Each round starts from
 * an empty database (a new SQLite file, or a new PostgreSQL schema) and runs the start-up work
 * of several processes at once; all must succeed, and the database must hold one organization,
 * one administrator, every migration once, and one audit row of each kind.
 */
const url = process.env.DATABASE_URL;
const onPostgres = testDatabaseKind() === 'postgres';
const dirs: string[] = [];
const schemas: string[] = [];
const password = 'Quiet-Lantern-Meadow-4817';

// The child compiled once, run by plain Node (as `npm start` runs the server): no loader per process.
const CHILD_BUNDLE = 'dist/test/start-up-child.mjs';
beforeAll(async () => {
  await buildServer('tests/platform/fixtures/start-up-child.ts', CHILD_BUNDLE);
});

afterAll(async () => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  if (onPostgres && schemas.length > 0) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
});

/** A new, empty database: its environment (for a child process) and its configuration. */
async function emptyDatabase(): Promise<{ env: Record<string, string>; config: Config; schema?: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-start-'));
  dirs.push(dataDir);
  const env: Record<string, string> = { DATA_DIR: dataDir, ADMIN_PASSWORD: password, LOG_LEVEL: 'silent' };
  if (!onPostgres) return { env, config: loadConfig(env) };
  const schema = `s_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 10)}`;
  schemas.push(schema);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  const withUrl = { ...env, DATABASE_URL: url as string, SCHEMA: schema };
  return { env: withUrl, config: loadConfig(withUrl), schema };
}

function open(target: { config: Config; schema?: string }): Database {
  return openDatabase(target.config, target.schema ? { schema: target.schema } : {});
}

/** What one start-up must leave behind, whoever did it. */
async function expectStartedOnce(target: { config: Config; schema?: string }): Promise<void> {
  const database = open(target);
  try {
    const { db } = database;
    expect(await db.selectFrom('organizations').select('name').execute()).toEqual([
      { name: 'Default Organization' },
    ]);
    const users = await db.selectFrom('users').select(['id', 'username']).execute();
    expect(users.map((user) => user.username)).toEqual(['admin']);
    const roles = await db
      .selectFrom('membershipRoles')
      .innerJoin('memberships', 'memberships.id', 'membershipRoles.membershipId')
      .innerJoin('roles', 'roles.id', 'membershipRoles.roleId')
      .select('roles.name')
      .where('memberships.userId', '=', users[0]?.id as string)
      .execute();
    expect(roles).toEqual([{ name: 'Administrator' }]);
    const applied = await db
      .selectFrom('kyselyMigration' as never)
      .select('name' as never)
      .execute();
    expect(applied).toHaveLength(Object.keys(migrations).length);
    const audit = await db.selectFrom('auditEvents').select(['action', 'actorUserId', 'details']).execute();
    expect(audit.map((row) => row.action).sort()).toEqual(['organization.created', 'user.created']);
    for (const row of audit) {
      expect(row.actorUserId).toBeNull();
      expect(JSON.parse(row.details)).toMatchObject({ via: 'first_start' });
    }
  } finally {
    await database.close();
  }
}

describe('several processes starting at once on a new database', { timeout: 180_000 }, () => {
  it('one does the start-up work and the others wait for it (separate pools, 8 rounds of 4)', async () => {
    const hasher = createPasswordHasher({ concurrency: 1 });
    for (let round = 0; round < 8; round++) {
      const target = await emptyDatabase();
      const databases = Array.from({ length: 4 }, () => open(target));
      try {
        const results = await Promise.all(
          databases.map((database) =>
            prepareDatabase(database, { config: target.config, clock: manualClock(), hasher }, () => {}),
          ),
        );
        expect(results.filter((result) => result.administratorCreated)).toHaveLength(1);
        expect(results.filter((result) => result.applied.length > 0)).toHaveLength(1);
      } finally {
        for (const database of databases) await database.close();
      }
      await expectStartedOnce(target);
    }
  });

  it('real processes: all start, one organization and one administrator (2 rounds of 3)', async () => {
    const run = promisify(execFile);
    for (let round = 0; round < 2; round++) {
      const target = await emptyDatabase();
      const outputs = await Promise.all(
        Array.from({ length: 3 }, () =>
          run(process.execPath, [CHILD_BUNDLE], {
            env: { PATH: process.env.PATH ?? '', ...target.env },
          }),
        ),
      );
      const results = outputs.map((output) => JSON.parse(output.stdout.trim()));
      expect(results.filter((result) => result.administratorCreated)).toHaveLength(1);
      await expectStartedOnce(target);
    }
  });
});
