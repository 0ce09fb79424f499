import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../../../tests/helpers/database';
import { COSTLY_POSTGRES_CONNECTIONS, costlyReadsOf, POSTGRES_CONNECTIONS } from './kysely';

const onPostgres = testDatabaseKind() === 'postgres';

/**
 * Costly reads (`costlyReadsOf`: counts, substrings no index serves, OFFSETs) cannot take what
 * every other request needs (issue 18): while one is held up, more cheap reads than the main pool
 * has connections are answered, and the next costly read waits its turn instead of taking another
 * connection. A costly read is held up on PostgreSQL by a lock another session holds on the table
 * it reads (released by the test), on SQLite by millions of rows on its worker thread (the
 * event loop has no other way to wait for it).
 */
describe('costly reads beside cheap ones', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.destroy();
  });

  /** Starts a costly read that does not end before `release()` (PostgreSQL) or millions of rows (SQLite). */
  async function heldUpCostlyRead(): Promise<{ done: Promise<unknown>; release(): Promise<void> }> {
    const reads = costlyReadsOf(database.db);
    if (!onPostgres) {
      const done = sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < 3000000)
        select count(*) as total from n`.execute(reads);
      // Kysely's steps before the query reaches the thread are promise callbacks: all run by then.
      await new Promise((resolve) => setImmediate(resolve));
      return { done, release: async () => {} };
    }
    const locker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await locker.connect();
    await locker.query('begin');
    await locker.query(`lock table ${database.schema}.organizations in access exclusive mode`);
    const done = reads.selectFrom('organizations').select(sql<number>`count(*)`.as('count')).execute();
    // The read is waiting for the lock (not merely queued) before the test goes on.
    await expect
      .poll(async () => {
        const { rows } = await locker.query(
          `select count(*)::int as waiting from pg_locks
            where relation = '${database.schema}.organizations'::regclass and not granted`,
        );
        return rows[0].waiting;
      })
      .toBe(1);
    return {
      done,
      async release() {
        await locker.query('commit');
        await locker.end();
      },
    };
  }

  it('answers cheap reads while one is held up, and queues the next costly read behind it', async () => {
    const order: string[] = [];
    const first = await heldUpCostlyRead();
    const firstDone = first.done.then(() => order.push('first costly'));
    const secondDone = costlyReadsOf(database.db)
      .selectFrom('users')
      .select(sql<number>`count(*)`.as('count'))
      .execute()
      .then(() => order.push('second costly'));
    const cheap = Array.from({ length: 2 * POSTGRES_CONNECTIONS }, () =>
      database.db.selectFrom('users').select('id').limit(1).execute(),
    );
    await Promise.all(cheap);
    order.push('cheap');
    await first.release();
    await Promise.all([firstDone, secondDone]);
    expect(order).toEqual(['cheap', 'first costly', 'second costly']);
  });

  it('run on a connection of their own, on PostgreSQL without parallel workers', async () => {
    const reads = costlyReadsOf(database.db);
    expect(reads).not.toBe(database.db);
    if (!onPostgres) return; // SQLite: a worker thread's read-only connection (sqlite-off-loop.test.ts)
    const setting = sql<{
      workers: string;
    }>`select current_setting('max_parallel_workers_per_gather') as workers`;
    expect((await setting.execute(reads)).rows).toEqual([{ workers: '0' }]);
    expect((await setting.execute(database.db)).rows).not.toEqual([{ workers: '0' }]);
    expect(COSTLY_POSTGRES_CONNECTIONS).toBeLessThan(POSTGRES_CONNECTIONS);
  });
});
