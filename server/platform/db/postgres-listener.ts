import pg from 'pg';

const FIRST_RECONNECT_MS = 100;
const MAX_RECONNECT_MS = 5_000;

/** What the cache does when the listening connection changes state (postgres-cache.ts). */
export type ListenerHandlers = {
  onNotification(message: pg.Notification): void;
  /** LISTEN is in place: whatever was kept before may have missed notifications. */
  onListening(): void;
  /** The connection is gone; a reconnect is scheduled unless closed. */
  onLost(): void;
};

/** What one round trip on the listening connection read: the snapshot, and the row versions asked for. */
type RoundAnswer = { snapshot: string; versions: Map<string, string> };

/**
 * The dedicated connection of one process's PostgreSQL cache that LISTENs on `channels`: opened on
 * `start()`, reopened with a growing wait when lost, and the round trips (`sync`, `snapshot`,
 * `userRowVersion`, one stream of them) that confirm every notification committed before them has
 * been handled.
 */
export class CacheListener {
  readonly #connectionString: string;
  readonly #channels: readonly string[];
  readonly #handlers: ListenerHandlers;
  readonly #stats: { syncs: number; rowVersionReads: number };
  #client: pg.Client | undefined;
  #listening = false;
  #started = false;
  #closed = false;
  #retryMs = FIRST_RECONNECT_MS;
  #retryTimer: NodeJS.Timeout | undefined;
  /** `users`, qualified by the schema the cache serves. */
  readonly #usersTable: string;
  /**
   * The next round trip, not sent yet: whether a caller waits for its snapshot, the users whose
   * row versions it asks for, and its answer (shared by every caller meanwhile).
   */
  #nextRound:
    | { asked: { snapshot: boolean }; ids: Set<string>; answer: Promise<RoundAnswer | false> }
    | undefined;
  /** The round trip in flight: the next one is sent when it has answered. */
  #roundInFlight: Promise<unknown> | undefined;

  constructor(options: {
    connectionString: string;
    channels: readonly string[];
    handlers: ListenerHandlers;
    /**
     * Counts the round trips: `syncs` those that read the snapshot for `sync`'s or `snapshot`'s
     * callers, `rowVersionReads` those that read row versions; one round trip may count in both.
     */
    stats: { syncs: number; rowVersionReads: number };
    /** The schema of the tables (tests); `public`'s when absent. */
    schema?: string | undefined;
  }) {
    this.#usersTable = options.schema ? `"${options.schema.replace(/"/g, '""')}".users` : 'users';
    this.#connectionString = options.connectionString;
    this.#channels = options.channels;
    this.#handlers = options.handlers;
    this.#stats = options.stats;
  }

  isListening(): boolean {
    return this.#listening;
  }

  processId(): number | undefined {
    return this.#listening
      ? (this.#client as (pg.Client & { processID?: number }) | undefined)?.processID
      : undefined;
  }

  /** Opens the connection on first use (a CLI command that never reads settings opens none). */
  start(): void {
    if (!this.#started) {
      this.#started = true;
      this.#connect();
    }
  }

  /**
   * Resolves true after a round trip on the listening connection that started after the call.
   * Concurrent callers share one round trip; a caller that arrives while one is in flight (it may
   * have been sent before the call) waits for the next.
   */
  async sync(): Promise<boolean> {
    return (await this.snapshot()) !== false;
  }

  /**
   * The database's current snapshot (`pg_current_snapshot()` as text, `xmin:xmax:xip,…`), read in
   * a round trip on the listening connection that started after the call, so it also confirms
   * every notification committed before the call, as `sync` does; false when not listening.
   * Concurrent callers share one round trip; a caller that arrives while one is in flight (it may
   * have been sent before the call) waits for the next.
   *
   * Two equal snapshots mean no transaction that wrote anything committed or rolled back between
   * them: each commit either raises `xmax` (one past the highest completed transaction id) or
   * removes its id from the in-progress list (PostgreSQL, "Snapshot Information Functions").
   */
  snapshot(): Promise<string | false> {
    return this.#round(undefined).then((answer) => (answer === false ? false : answer.snapshot));
  }

  /**
   * The version of a user's row (its `xmin`: the transaction that wrote it, changed by any
   * UPDATE), undefined when there is no such user, false when not listening. Read on the listening
   * connection in a round trip sent after the call, so it confirms every notification committed
   * before the call, as `sync` does. Concurrent callers share one round trip (one query for all
   * their users, and for `sync`'s and `snapshot`'s callers); a caller that arrives while one is in
   * flight joins the next.
   */
  userRowVersion(userId: string): Promise<string | undefined | false> {
    return this.#round(userId).then((answer) => (answer === false ? false : answer.versions.get(userId)));
  }

  /**
   * Joins the next round trip on the listening connection (sent once the one in flight, if any,
   * has answered: always after the call), asking also for `userId`'s row version if given. One
   * query answers every caller: the snapshot, and the row versions asked for. Before, `sync` and
   * `userRowVersion` each had round trips of their own, and every profile read waited for one of
   * each: under load the listening connection sent twice the queries (issue 17: their `writev`s
   * were a fifth of a busy server's time).
   */
  #round(userId: string | undefined): Promise<RoundAnswer | false> {
    let round = this.#nextRound;
    if (!round) {
      const ids = new Set<string>();
      const asked = { snapshot: false };
      // Sent once the round in flight has answered, whatever it answered: the chain never stops.
      const send = (): Promise<RoundAnswer | false> => {
        this.#nextRound = undefined;
        const reading = this.#read(asked.snapshot, [...ids]).catch(() => false as const);
        this.#roundInFlight = reading;
        void reading.then(() => {
          if (this.#roundInFlight === reading) this.#roundInFlight = undefined;
        });
        return reading;
      };
      round = { asked, ids, answer: Promise.resolve(this.#roundInFlight).then(send, send) };
      this.#nextRound = round;
    }
    if (userId === undefined) round.asked.snapshot = true;
    else round.ids.add(userId);
    return round.answer;
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    const connection = this.#client;
    this.#client = undefined;
    this.#listening = false;
    if (connection) {
      connection.removeAllListeners();
      connection.on('error', () => {});
      await connection.end().catch(() => {});
    }
  }

  #connect(): void {
    this.#retryTimer = undefined;
    if (this.#closed) return;
    const connection = new pg.Client({ connectionString: this.#connectionString });
    this.#client = connection;
    connection.on('notification', (message) => this.#handlers.onNotification(message));
    connection.on('error', () => this.#lost(connection));
    connection.on('end', () => this.#lost(connection));
    connection
      .connect()
      .then(() => connection.query(this.#channels.map((channel) => `LISTEN ${channel}`).join('; ')))
      .then(() => {
        if (this.#client !== connection || this.#closed) return;
        this.#listening = true;
        this.#retryMs = FIRST_RECONNECT_MS;
        this.#handlers.onListening();
      })
      .catch(() => this.#lost(connection));
  }

  #lost(connection: pg.Client): void {
    if (this.#client !== connection) return;
    this.#client = undefined;
    this.#listening = false;
    connection.removeAllListeners('notification');
    connection.end().catch(() => {});
    this.#handlers.onLost();
    if (this.#closed) return;
    this.#retryTimer = setTimeout(() => this.#connect(), this.#retryMs);
    this.#retryTimer.unref();
    this.#retryMs = Math.min(this.#retryMs * 2, MAX_RECONNECT_MS);
  }

  async #read(snapshotWanted: boolean, ids: string[]): Promise<RoundAnswer | false> {
    const connection = this.#client;
    if (!this.#listening || !connection) return false;
    if (snapshotWanted) this.#stats.syncs++;
    if (ids.length > 0) this.#stats.rowVersionReads++;
    let answer: RoundAnswer;
    try {
      // No table is read unless a row version was asked for: a credential's confirmation never
      // waits for a lock on users (an ALTER TABLE, a VACUUM FULL).
      const { rows } =
        ids.length === 0
          ? await connection.query<{ snapshot: string | null }>(
              'SELECT pg_current_snapshot()::text AS snapshot',
            )
          : await connection.query<{ snapshot: string | null; versions: string | null }>(
              `SELECT pg_current_snapshot()::text AS snapshot,
                (SELECT json_agg(json_build_array(id, xmin::text))::text FROM ${this.#usersTable}
                  WHERE id = ANY($1)) AS versions`,
              [ids],
            );
      const row = rows[0] as { snapshot: string | null; versions?: string | null } | undefined;
      // No snapshot read: nothing to compare a kept value with (an empty text would equal another).
      if (!row?.snapshot) return false;
      const versions = row.versions ? (JSON.parse(row.versions) as [string, string][]) : [];
      answer = { snapshot: row.snapshot, versions: new Map(versions) };
    } catch {
      return false;
    }
    // Lost meanwhile: a notification may have been missed.
    if (!this.#listening || this.#client !== connection) return false;
    return answer;
  }
}
