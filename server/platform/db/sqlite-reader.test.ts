import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, sqliteReaderOf } from './kysely';
import { migrateToLatest } from './migrate';
import { preparedQuery, rememberWhileUnchanged } from './prepared';
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

  it('runs SELECT statements only', () => {
    const reader = sqliteReaderOf(database.db);
    expect(() => reader?.all("UPDATE users SET first_name = 'x'", [])).toThrow();
    expect(() => reader?.all("DELETE FROM users WHERE id = 'u1'", [])).toThrow();
    expect(other.prepare("SELECT count(*) AS n FROM users WHERE id = 'u1'").get()).toEqual({ n: 1 });
  });
});
