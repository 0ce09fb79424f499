import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, sqliteReaderOf } from './kysely';
import { migrateToLatest } from './migrate';
import { CACHE_GENERATION_TRIGGERS, cacheGenerationTrigger } from './migrations/0027-cache-generations';
import { preparedQuery, rememberCredential, rememberUserExtras, rememberWhileUnchanged } from './prepared';
import { MAX_VERSION_AGE_MS } from './sqlite-reader';

/**
 * The SQLite read path of hot queries (sqlite-reader.ts): a second, query-only connection whose
 * results are kept until the database changes. Always on a SQLite file of its own, whatever
 * DATABASE_URL says: this is SQLite's mechanism.
 */
describe('SQLite reader connection', () => {
  let dataDir: string;
  let database: Database;
  /** A connection of its own, like another process's. */
  let other: SqliteDatabase.Database;
  const file = () => path.join(dataDir, 'atrium.db');

  const findUser = preparedQuery(['id'], (db, p) =>
    db
      .selectFrom('users')
      .select(['users.id', 'users.firstName', 'users.mustChangePassword', 'users.lastSignInAt'])
      .where('users.id', '=', p.id),
  );
  /** Long enough for the last reading of the database's version to be too old to trust. */
  const afterTheVersionAge = () => new Promise((resolve) => setTimeout(resolve, MAX_VERSION_AGE_MS + 1));

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-reader-'));
    database = openDatabase({ database: { kind: 'sqlite', file: file() } });
    await migrateToLatest(database.db);
    const now = new Date().toISOString();
    for (const [id, mustChangePassword] of [
      ['u1', true],
      ['u2', false],
    ] as const) {
      await database.db
        .insertInto('users')
        .values({
          id,
          username: id,
          usernameNormalized: id,
          email: `${id}@example.com`,
          emailNormalized: `${id}@example.com`,
          firstName: 'First',
          lastName: 'Last',
          status: 'active',
          mustChangePassword,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
    }
    other = new SqliteDatabase(file());
    other.pragma('busy_timeout = 5000');
  });
  afterAll(async () => {
    other?.close();
    await database?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers with the rows Kysely answers: camelCase names, booleans, nulls', async () => {
    expect(sqliteReaderOf(database.db)).toBeDefined();
    for (const id of ['u1', 'u2', 'none']) {
      const direct = await findUser(database.db, { id });
      // A transaction is not the database itself: it goes through Kysely's executor.
      const viaKysely = await database.db.transaction().execute((trx) => findUser(trx, { id }));
      expect(direct.rows).toEqual(viaKysely.rows);
    }
    const { rows } = await findUser(database.db, { id: 'u1' });
    expect(rows).toEqual([{ id: 'u1', firstName: 'First', mustChangePassword: true, lastSignInAt: null }]);
  });

  it('shares frozen rows, in a new array each time', async () => {
    const first = await findUser(database.db, { id: 'u2' });
    const second = await findUser(database.db, { id: 'u2' });
    expect(second.rows).not.toBe(first.rows);
    expect(second.rows[0]).toBe(first.rows[0]);
    expect(Object.isFrozen(first.rows[0])).toBe(true);
    expect(() => {
      (first.rows[0] as { firstName: string }).firstName = 'Changed';
    }).toThrow(TypeError);
    first.rows.pop();
    expect((await findUser(database.db, { id: 'u2' })).rows).toHaveLength(1);
  });

  it('sees its own process’s writes at once', async () => {
    await findUser(database.db, { id: 'u2' });
    await database.db.updateTable('users').set({ firstName: 'Own' }).where('id', '=', 'u2').execute();
    expect((await findUser(database.db, { id: 'u2' })).rows[0]?.firstName).toBe('Own');
  });

  it('sees its own process’s transaction once it commits, at once, and not before', async () => {
    await database.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ firstName: 'Transaction' }).where('id', '=', 'u2').execute();
      // The reader sees committed data only, and keeps it: the version it read is the latest.
      expect((await findUser(database.db, { id: 'u2' })).rows[0]?.firstName).toBe('Own');
    });
    // The transaction resolves after its group's COMMIT, which told the reader to look again.
    expect((await findUser(database.db, { id: 'u2' })).rows[0]?.firstName).toBe('Transaction');
    await database.db.updateTable('users').set({ firstName: 'Own' }).where('id', '=', 'u2').execute();
  });

  it('sees another connection’s commit in every query that starts more than MAX_VERSION_AGE_MS after it', async () => {
    await findUser(database.db, { id: 'u1' });
    other.prepare("UPDATE users SET first_name = 'Other' WHERE id = 'u1'").run();
    await afterTheVersionAge();
    expect((await findUser(database.db, { id: 'u1' })).rows[0]?.firstName).toBe('Other');

    other.prepare("UPDATE users SET first_name = 'Later' WHERE id = 'u1'").run();
    await afterTheVersionAge();
    expect((await findUser(database.db, { id: 'u1' })).rows[0]?.firstName).toBe('Later');
  });

  it('never sees what another connection has not committed', async () => {
    other.exec('BEGIN');
    other.prepare("UPDATE users SET first_name = 'Uncommitted' WHERE id = 'u1'").run();
    await afterTheVersionAge();
    expect((await findUser(database.db, { id: 'u1' })).rows[0]?.firstName).toBe('Later');
    other.exec('ROLLBACK');
    await afterTheVersionAge();
    expect((await findUser(database.db, { id: 'u1' })).rows[0]?.firstName).toBe('Later');
  });

  it('remembers a derived value until the data changes, and not one computed while it changed', async () => {
    let computed = 0;
    const compute = async () => {
      computed += 1;
      return (await findUser(database.db, { id: 'u2' })).rows[0]?.firstName;
    };
    expect(await rememberWhileUnchanged(database.db, 'name of u2', compute)).toBe('Own');
    expect(await rememberWhileUnchanged(database.db, 'name of u2', compute)).toBe('Own');
    expect(computed).toBe(1);

    other.prepare("UPDATE users SET first_name = 'Renamed' WHERE id = 'u2'").run();
    await afterTheVersionAge();
    expect(await rememberWhileUnchanged(database.db, 'name of u2', compute)).toBe('Renamed');
    expect(computed).toBe(2);

    // Changed by another connection while it was being computed: answered, but not kept.
    const racing = async () => {
      const value = await compute();
      other.prepare("UPDATE users SET first_name = 'Raced' WHERE id = 'u2'").run();
      await afterTheVersionAge();
      return value;
    };
    other.prepare("UPDATE users SET first_name = 'Before race' WHERE id = 'u2'").run();
    await afterTheVersionAge();
    expect(await rememberWhileUnchanged(database.db, 'name of u2', racing)).toBe('Before race');
    expect(await rememberWhileUnchanged(database.db, 'name of u2', compute)).toBe('Raced');
  });

  it('keeps credentials and extras across changes their generation does not count, in every process', async () => {
    const reader = sqliteReaderOf(database.db);
    let computed = 0;
    const lookUp = async () => {
      computed += 1;
      return (await findUser(database.db, { id: 'u2' })).rows[0]?.mustChangePassword;
    };
    expect(await rememberCredential(database.db, 'credential of u2', lookUp)).toBe(false);
    const hits = reader?.hits.credentials ?? 0;
    // The user's name (a profile write), by another process: the credential is kept.
    other.prepare("UPDATE users SET first_name = 'Kept' WHERE id = 'u2'").run();
    await afterTheVersionAge();
    expect(await rememberCredential(database.db, 'credential of u2', lookUp)).toBe(false);
    expect(computed).toBe(1);
    expect(reader?.hits.credentials).toBe(hits + 1);
    // A column of the credential: looked up again at once.
    other.prepare("UPDATE users SET must_change_password = 1 WHERE id = 'u2'").run();
    await afterTheVersionAge();
    expect(await rememberCredential(database.db, 'credential of u2', lookUp)).toBe(true);
    expect(computed).toBe(2);

    let extrasComputed = 0;
    const extras = async () => {
      extrasComputed += 1;
      return database.db.selectFrom('userEmails').select('email').where('userId', '=', 'u2').execute();
    };
    expect(await rememberUserExtras(database.db, 'extras of u2', extras)).toEqual([]);
    other.prepare("UPDATE users SET first_name = 'Still kept' WHERE id = 'u2'").run();
    await afterTheVersionAge();
    expect(await rememberUserExtras(database.db, 'extras of u2', extras)).toEqual([]);
    expect(extrasComputed).toBe(1);
    other
      .prepare(
        "INSERT INTO user_emails (id, user_id, email, email_normalized, created_at) VALUES ('e1', 'u2', 'b@example.com', 'b@example.com', '2026-01-01T00:00:00.000Z')",
      )
      .run();
    await afterTheVersionAge();
    expect(await rememberUserExtras(database.db, 'extras of u2', extras)).toEqual([
      { email: 'b@example.com' },
    ]);
    expect(extrasComputed).toBe(2);
    // The extras' change left the credential kept, and this process's own writes count alike.
    expect(await rememberCredential(database.db, 'credential of u2', lookUp)).toBe(true);
    expect(computed).toBe(2);
    await database.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', 'u2').execute();
    expect(await rememberCredential(database.db, 'credential of u2', lookUp)).toBe(true);
    expect(computed).toBe(3);
  });

  it('never keeps an undefined credential: a key created later is found at once', async () => {
    let computed = 0;
    const lookUp = async () => {
      computed += 1;
      return (await findUser(database.db, { id: 'u3' })).rows[0]?.id;
    };
    expect(await rememberCredential(database.db, 'credential of u3', lookUp)).toBeUndefined();
    expect(await rememberCredential(database.db, 'credential of u3', lookUp)).toBeUndefined();
    expect(computed).toBe(2);
  });

  it('has every trigger of migration 0027 (a rebuilt table would lose its own: this says so)', () => {
    const expected = Object.entries(CACHE_GENERATION_TRIGGERS).flatMap(([generation, triggers]) =>
      triggers.flatMap(({ table, events }) =>
        events.map((event) => cacheGenerationTrigger(generation, table, event)),
      ),
    );
    const names = other
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
      .pluck()
      .all() as string[];
    expect(expected.filter((name) => !names.includes(name))).toEqual([]);
  });

  it('runs SELECT statements only', () => {
    const reader = sqliteReaderOf(database.db);
    expect(() => reader?.all("UPDATE users SET first_name = 'x'", [])).toThrow();
    expect(() => reader?.all("DELETE FROM users WHERE id = 'u1'", [])).toThrow();
    expect(other.prepare("SELECT count(*) AS n FROM users WHERE id = 'u1'").get()).toEqual({ n: 1 });
  });
});
