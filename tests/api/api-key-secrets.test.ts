import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { manualClock } from '../../server/platform/clock';
import { type Config, loadConfig } from '../../server/platform/config';
import { createPasswordHasher } from '../../server/platform/hashing';
import { sha256 } from '../../server/platform/secrets';
import { signIn, type TestApp, withApiKey } from '../helpers/app';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { buildUser, TEST_PASSWORD } from '../helpers/factories';

/**
 * "The key never appears in logs, in GET responses, or in the database in the clear": the app
 * runs with its real logger at `trace` into a buffer, and the database is read back raw (the
 * SQLite file and its WAL byte by byte; on PostgreSQL every row of the tables that mention keys).
 */
describe('an API key is never stored, logged or shown again in the clear', () => {
  let t: TestApp;
  let database: TestDatabase;
  const logLines: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const config: Config = {
      ...loadConfig({ DATA_DIR: database.dataDir, PUBLIC_URL: 'http://atrium.test', LOG_LEVEL: 'trace' }),
      database: database.config.database,
    };
    const clock = manualClock();
    const deps = {
      config,
      db: database.db,
      dialect: database.dialect,
      clock,
      hasher: createPasswordHasher({ concurrency: 2 }),
      mail: { wake() {} },
    };
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    const app = await buildApp({ ...deps, webDist: false, logger: { level: 'trace', stream } });
    await app.ready();
    t = {
      app,
      deps: { ...deps, log: app.log },
      database,
      clock,
      config,
      mailWakes: () => 0,
      close: async () => {
        await app.close();
        await database.destroy();
      },
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps the key out of logs, GET answers and the database', async () => {
    const user = await buildUser(t);
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const created = await browser.request({ method: 'POST', url: '/api/users/me/api-key' });
    expect(created.statusCode).toBe(201);
    const key: string = created.json().data.attributes.key;
    const secret = key.slice(8); // what the stored, shown prefix does not reveal

    const call = withApiKey(t.app, key);
    const answers = [
      await call({ method: 'GET', url: '/api/users/me/api-key' }),
      await call({ method: 'GET', url: '/api/sessions' }),
      await call({ method: 'GET', url: `/api/users/me/api-key?api_key=${key}` }),
      await call({ method: 'GET', url: `/api/users/me/api-key?q=${key}` }),
      await t.app.inject({
        method: 'GET',
        url: '/api/users/me/api-key',
        headers: { authorization: `Bearer ${key}x` },
      }),
      await browser.request({ method: 'GET', url: '/api/users/me/api-key' }),
      await call({ method: 'GET', url: '/api/no-such-route' }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 401, 401, 401, 200, 404]);
    for (const answer of answers) expect(answer.body).not.toContain(secret);

    const logs = logLines.join('');
    expect(logs).toContain('request completed'); // the logger did run, at trace level
    expect(logs).toContain('/api/users/me/api-key');
    expect(logs).not.toContain(secret);

    if (database.dialect === 'sqlite') {
      const files = fs.readdirSync(database.dataDir).filter((name) => name.startsWith('atrium.db'));
      expect(files).toEqual(expect.arrayContaining(['atrium.db', 'atrium.db-wal']));
      const contents = files.map((name) => fs.readFileSync(path.join(database.dataDir, name)));
      // the scan reads the real data: the stored prefix and digest are there
      expect(contents.some((bytes) => bytes.includes(key.slice(0, 8)))).toBe(true);
      expect(contents.some((bytes) => bytes.includes(sha256(key)))).toBe(true);
      for (const bytes of contents) {
        expect(bytes.includes(secret)).toBe(false);
        expect(bytes.includes(Buffer.from(secret, 'utf16le'))).toBe(false);
      }
    } else {
      for (const table of ['api_keys', 'audit_events', 'sessions', 'rate_limits']) {
        const { rows } = await sql<{ row: string }>`select t::text as row from ${sql.table(table)} t`.execute(
          database.db,
        );
        if (table === 'api_keys') expect(rows.map((r) => r.row).join()).toContain(sha256(key));
        for (const { row } of rows) expect(row, table).not.toContain(secret);
      }
    }
  });
});
