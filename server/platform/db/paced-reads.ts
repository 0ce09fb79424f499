import type { DatabaseConnection, Dialect, Driver, Kysely, TransactionSettings } from 'kysely';

/** Time as the pacing sees it (milliseconds, monotonic), replaceable in tests. */
export type PacingClock = { now(): number; sleep(milliseconds: number): Promise<void> };

const realClock: PacingClock = {
  now: () => performance.now(),
  sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
};

/**
 * How much of the time a paced connection may be busy: `share` of it in the long run (0.5: half),
 * and after a quiet spell up to `burstMs` of queries back to back first, so that one request's
 * page and count, or a person's few searches, run at once while a caller who keeps the connection
 * busy is held to the share.
 */
export type Pacing = { share: number; burstMs: number };

/**
 * `dialect` with its connection lent to one query at a time (first come, first served), busy at
 * most `pacing.share` of the time beyond a burst: a token bucket of busy time, filled at `share`
 * per millisecond up to `burstMs`; each query spends the time it held the connection, and when the
 * bucket is empty the next waits until it is back at zero. For reads only: a transaction would
 * hold the connection across its queries.
 */
export function pacedDialect(dialect: Dialect, pacing: Pacing, clock: PacingClock = realClock): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => new PacedDriver(dialect.createDriver(), pacing, clock),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db: Kysely<unknown>) => dialect.createIntrospector(db),
  };
}

type Loan = { lentAt: number; endTurn(): void };

class PacedDriver implements Driver {
  /** Settles when the query holding the connection (or the last one waiting) has given it back. */
  #lastTurn: Promise<void> = Promise.resolve();
  /** Milliseconds of busy time in the bucket (below zero: owed), as of `#filledAt`. */
  #tokens: number;
  #filledAt: number;
  readonly #loans = new Map<DatabaseConnection, Loan>();

  constructor(
    private readonly inner: Driver,
    private readonly pacing: Pacing,
    private readonly clock: PacingClock,
  ) {
    this.#tokens = pacing.burstMs;
    this.#filledAt = clock.now();
  }

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#lastTurn;
    let endTurn!: () => void;
    this.#lastTurn = new Promise((resolve) => {
      endTurn = resolve;
    });
    await previous;
    try {
      const owed = -this.#fill();
      if (owed > 0) {
        await this.clock.sleep(owed / this.pacing.share);
        this.#fill();
      }
      const connection = await this.inner.acquireConnection();
      this.#loans.set(connection, { lentAt: this.clock.now(), endTurn });
      return connection;
    } catch (error) {
      endTurn();
      throw error;
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const loan = this.#loans.get(connection);
    this.#loans.delete(connection);
    try {
      await this.inner.releaseConnection(connection);
    } finally {
      if (loan) {
        // Earned while busy too (uncapped: the bucket ends below where it was), less the time held.
        const now = this.clock.now();
        this.#tokens += (now - this.#filledAt) * this.pacing.share - (now - loan.lentAt);
        this.#filledAt = now;
        loan.endTurn();
      }
    }
  }

  /** Adds the busy time earned since the last fill (up to the burst) and answers the bucket. */
  #fill(): number {
    const now = this.clock.now();
    this.#tokens = Math.min(this.pacing.burstMs, this.#tokens + (now - this.#filledAt) * this.pacing.share);
    this.#filledAt = now;
    return this.#tokens;
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(connection);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}
