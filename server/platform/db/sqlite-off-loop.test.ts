import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { costlyReadsOf, type Database, openDatabase } from './kysely';
import { migrateToLatest } from './migrate';

/**
 * Costly SQLite reads on a worker thread (sqlite-off-loop.ts, `costlyReadsOf`): the rows are
 * those Kysely reads on the main connection, and the event loop serves other work meanwhile.
 * Always on a SQLite file of its own, whatever DATABASE_URL says: this is SQLite's mechanism.
 */
describe('SQLite reads off the event loop', () => {
  let dataDir: string;
  let database: Database;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-off-loop-'));
    database = openDatabase({ database: { kind: 'sqlite', file: path.join(dataDir, 'atrium.db') } });
    await migrateToLatest(database.db);
    const now = new Date().toISOString();
    await database.db
      .insertInto('users')
      .values({
        id: 'u1',
        username: 'emile',
        usernameNormalized: 'emile',
        email: 'emile@example.com',
        emailNormalized: 'emile@example.com',
        firstName: 'Émile',
        lastName: 'Zola',
        status: 'active',
        mustChangePassword: true,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
  });

  afterAll(async () => {
    await database?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers what the main connection answers: camelCase, booleans, fold_case, committed writes', async () => {
    const reads = costlyReadsOf(database.db);
    expect(reads).not.toBe(database.db);
    const query = (db: typeof reads) =>
      db
        .selectFrom('users')
        .select(['id', 'firstName', 'mustChangePassword', sql<string>`fold_case(first_name)`.as('folded')])
        .where('id', '=', 'u1')
        .execute();
    const off = await query(reads);
    expect(off).toEqual(await query(database.db));
    expect(off).toEqual([{ id: 'u1', firstName: 'Émile', mustChangePassword: true, folded: 'émile' }]);

    await database.db.updateTable('users').set({ firstName: 'Éric' }).where('id', '=', 'u1').execute();
    expect((await query(reads))[0]?.firstName).toBe('Éric');
  });

  it('keeps the event loop free while a long read runs, and reports SQL errors', async () => {
    const reads = costlyReadsOf(database.db);
    // Millions of rows on the thread: the main connection's read, sent after it, answers first.
    const order: string[] = [];
    const long = sql<{
      total: number;
    }>`with recursive n(i) as (select 1 union all select i + 1 from n where i < 3000000)
      select count(*) as total from n`
      .execute(reads)
      .then((result) => {
        order.push('long');
        return result.rows[0]?.total;
      });
    await database.db.selectFrom('users').select('id').execute();
    order.push('short');
    expect(await long).toBe(3_000_000);
    expect(order).toEqual(['short', 'long']);

    await expect(sql`select * from no_such_table`.execute(reads)).rejects.toMatchObject({
      code: 'SQLITE_ERROR',
      message: expect.stringContaining('no_such_table'),
    });
  });

  it('reads through the transaction itself inside one, and refuses writes', async () => {
    await database.db.transaction().execute(async (trx) => {
      expect(costlyReadsOf(trx)).toBe(trx);
    });
    await expect(
      costlyReadsOf(database.db).updateTable('users').set({ firstName: 'X' }).execute(),
    ).rejects.toThrow(/SELECT statements only/);
  });
});
