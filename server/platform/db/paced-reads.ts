import type { DatabaseConnection, Dialect, Driver, Kysely, TransactionSettings } from 'kysely';

/** Time as the pacing sees it (milliseconds, monotonic), replaceable in tests. */
export type PacingClock = { now(): number; sleep(milliseconds: number): Promise<void> };

const realClock: PacingClock = {
  now: () => performance.now(),
  sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
};

/**
 * `dialect` with its connection lent to one query at a time, and after each query kept idle for
 * `restPerBusy` times as long as the query held it before the next query gets it: with 1, reads
 * through it keep the database busy at most half the time, however many wait, however long each
 * takes. A query waits its turn (first come, first served), then the rest the previous one left.
 * For reads only: a transaction would hold the connection across its queries, unpaced.
 */
export function pacedDialect(dialect: Dialect, restPerBusy: number, clock: PacingClock = realClock): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => new PacedDriver(dialect.createDriver(), restPerBusy, clock),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db: Kysely<unknown>) => dialect.createIntrospector(db),
  };
}

type Loan = { lentAt: number; endTurn(): void };

class PacedDriver implements Driver {
  /** Settles when the query holding the connection (or the last one waiting) has given it back. */
  #lastTurn: Promise<void> = Promise.resolve();
  /** When the connection may next be lent (the previous query's end plus its rest). */
  #restUntil = 0;
  readonly #loans = new Map<DatabaseConnection, Loan>();

  constructor(
    private readonly inner: Driver,
    private readonly restPerBusy: number,
    private readonly clock: PacingClock,
  ) {}

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
      const rest = this.#restUntil - this.clock.now();
      if (rest > 0) await this.clock.sleep(rest);
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
        const now = this.clock.now();
        this.#restUntil = now + (now - loan.lentAt) * this.restPerBusy;
        loan.endTurn();
      }
    }
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
