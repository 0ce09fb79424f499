import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './kysely';

/**
 * Group commit on SQLite (sqlite-group-commit.ts): transactions that follow one another share a
 * COMMIT, none is answered before that COMMIT, and each one still commits or rolls back alone.
 * Another connection to the file (as another process) tells what is committed.
 */
describe('SQLite group commit', () => {
  let directory: string;
  let database: Database;
  let observer: SqliteDatabase.Database;
  beforeEach(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-group-commit-'));
    const file = path.join(directory, 'atrium.db');
    database = openDatabase({ database: { kind: 'sqlite', file } });
    await sql`create table notes (id integer primary key, text text not null unique)`.execute(database.db);
    observer = new SqliteDatabase(file, { readonly: true });
  });
  afterEach(async () => {
    observer.close();
    await database.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  const committed = () =>
    (observer.prepare('select text from notes order by id').all() as { text: string }[]).map(
      (row) => row.text,
    );
  const insert = (db: Database['db'], text: string) =>
    sql`insert into notes (text) values (${text})`.execute(db);

  it('transactions started together share one commit, and each is answered only after it', async () => {
    const answered: string[] = [];
    const seenBySecond: string[][] = [];
    const first = database.db
      .transaction()
      .execute((trx) => insert(trx, 'first'))
      .then(() => answered.push('first'));
    const second = database.db
      .transaction()
      .execute(async (trx) => {
        // The first has finished its work but is not committed, nor answered.
        seenBySecond.push(committed(), [...answered]);
        await insert(trx, 'second');
      })
      .then(() => answered.push('second'));
    await Promise.all([first, second]);
    expect(seenBySecond).toEqual([[], []]);
    expect(committed()).toEqual(['first', 'second']);
  });

  it('a failing transaction rolls back alone; the others of its group commit', async () => {
    const results = await Promise.allSettled([
      database.db.transaction().execute((trx) => insert(trx, 'kept')),
      database.db.transaction().execute(async (trx) => {
        await insert(trx, 'undone');
        await insert(trx, 'kept'); // unique: fails
      }),
      database.db.transaction().execute(async (trx) => {
        await insert(trx, 'thrown away');
        throw new Error('changed my mind');
      }),
      database.db.transaction().execute((trx) => insert(trx, 'also kept')),
    ]);
    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    expect(committed()).toEqual(['kept', 'also kept']);
  });

  it('a statement outside a transaction commits the open group before it runs', async () => {
    let seenByPlain: string[] | undefined;
    const grouped = database.db.transaction().execute((trx) => insert(trx, 'grouped'));
    const plain = sql`select count(*) as count from notes`.execute(database.db).then(() => {
      seenByPlain = committed();
    });
    await Promise.all([grouped, plain]);
    expect(seenByPlain).toEqual(['grouped']);
  });

  it('a group SQLite rolled back whole fails every transaction in it', async () => {
    const results = await Promise.allSettled([
      database.db.transaction().execute((trx) => insert(trx, 'lost with the group')),
      database.db.transaction().execute(async (trx) => {
        // As an I/O error would: the whole SQLite transaction is gone.
        await sql`rollback`.execute(trx);
        throw new Error('the transaction is gone');
      }),
      database.db.transaction().execute((trx) => insert(trx, 'next group')),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    expect(committed()).toEqual(['next group']);
  });
});
