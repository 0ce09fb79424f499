import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  DummyDriver,
  Kysely,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  sql,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { type Pacing, type PacingClock, pacedDialect } from './paced-reads';

/**
 * The pacing of costly reads (paced-reads.ts), on a driver whose queries take as long as the test
 * says and a clock the test moves: one query at a time, in the order asked, the connection busy at
 * most `share` of the time beyond a burst.
 */
describe('pacedDialect', () => {
  function setUp(pacing: Pacing) {
    let now = 0;
    const sleeps: { until: number; wake(): void }[] = [];
    const clock: PacingClock = {
      now: () => now,
      sleep: (milliseconds) => new Promise((wake) => sleeps.push({ until: now + milliseconds, wake })),
    };
    /** Moves the clock, waking the sleeps that are due. */
    const advance = async (milliseconds: number) => {
      now += milliseconds;
      for (const sleep of sleeps.splice(0)) {
        if (sleep.until <= now) sleep.wake();
        else sleeps.push(sleep);
      }
      await settle();
    };
    const running: { sql: string; finish(): void; fail(error: Error): void }[] = [];
    const connection: DatabaseConnection = {
      executeQuery: <R>(query: CompiledQuery) =>
        new Promise<QueryResult<R>>((resolve, reject) =>
          running.push({ sql: query.sql, finish: () => resolve({ rows: [] }), fail: reject }),
        ),
      // biome-ignore lint/correctness/useYield: not used
      async *streamQuery() {
        throw new Error('not used');
      },
    };
    const inner: Driver = Object.assign(new DummyDriver(), { acquireConnection: async () => connection });
    const db = new Kysely<Record<string, never>>({
      dialect: pacedDialect(
        {
          createAdapter: () => new SqliteAdapter(),
          createDriver: () => inner,
          createQueryCompiler: () => new SqliteQueryCompiler(),
          createIntrospector: (kysely) => new SqliteIntrospector(kysely),
        },
        pacing,
        clock,
      ),
    });
    const query = (name: string) => sql`select ${sql.raw(`'${name}'`)}`.execute(db);
    /** Ends the running query (there must be exactly one) and answers its SQL. */
    const finishRunning = async () => {
      expect(running).toHaveLength(1);
      const [only] = running.splice(0);
      only?.finish();
      await settle();
      return only?.sql;
    };
    return { advance, running, query, finishRunning, settle };
  }

  /** Lets every promise callback that can run, run. */
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('runs one query at a time, in order, resting after each as long as it took (half the time)', async () => {
    const { advance, running, query, finishRunning } = setUp({ share: 0.5, burstMs: 0 });
    const answered: string[] = [];
    for (const name of ['a', 'b', 'c']) void query(name).then(() => answered.push(name));
    await settle();
    expect(running.map((item) => item.sql)).toEqual(["select 'a'"]);

    await advance(300); // a holds the connection 300 ms
    expect(await finishRunning()).toBe("select 'a'");
    expect(answered).toEqual(['a']);
    await advance(299);
    expect(running).toHaveLength(0); // b waits out a's rest
    await advance(1);
    expect(running.map((item) => item.sql)).toEqual(["select 'b'"]);

    expect(await finishRunning()).toBe("select 'b'"); // b took no time: no rest
    expect(running.map((item) => item.sql)).toEqual(["select 'c'"]);
    expect(await finishRunning()).toBe("select 'c'");
    expect(answered).toEqual(['a', 'b', 'c']);
  });

  it('rests in proportion to the share, and a query asked for after the rest starts at once', async () => {
    const { advance, running, query, finishRunning } = setUp({ share: 1 / 3, burstMs: 0 });
    void query('a');
    await settle();
    await advance(100);
    await finishRunning();
    void query('b');
    await advance(199);
    expect(running).toHaveLength(0);
    await advance(1);
    expect(running).toHaveLength(1);
    await finishRunning();

    await advance(1000);
    void query('c');
    await settle();
    expect(running.map((item) => item.sql)).toEqual(["select 'c'"]);
  });

  it('runs a burst back to back after a quiet spell, then holds to the share', async () => {
    const { advance, running, query, finishRunning } = setUp({ share: 0.5, burstMs: 1000 });
    // Each query holds the connection 400 ms and earns 200: the bucket of 1,000 lasts six.
    for (let index = 0; index < 7; index++) void query(`q${index}`);
    for (let index = 0; index < 6; index++) {
      await settle();
      expect(
        running.map((item) => item.sql),
        `query ${index}`,
      ).toEqual([`select 'q${index}'`]);
      await advance(400);
      await finishRunning();
    }
    expect(running).toHaveLength(0);
    await advance(399);
    expect(running).toHaveLength(0);
    await advance(1);
    expect(running.map((item) => item.sql)).toEqual(["select 'q6'"]);
  });

  it('gives the turn on when a query fails', async () => {
    const { running, query, settle: settled } = setUp({ share: 0.5, burstMs: 0 });
    const failing = query('a');
    const next = query('b');
    await settled();
    const [first] = running.splice(0);
    expect(first?.sql).toBe("select 'a'");
    // The query fails: Kysely releases the connection all the same, and the next one runs.
    first?.fail(new Error('canceling statement due to statement timeout'));
    await expect(failing).rejects.toThrow('statement timeout');
    await settled();
    expect(running.map((item) => item.sql)).toEqual(["select 'b'"]);
    running[0]?.finish();
    await next;
  });
});
