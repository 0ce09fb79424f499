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

/**
 * The dedicated connection of one process's PostgreSQL cache that LISTENs on `channels`: opened on
 * `start()`, reopened with a growing wait when lost, and the round trips (`sync`) that confirm every
 * notification committed before them has been handled.
 */
export class CacheListener {
  readonly #connectionString: string;
  readonly #channels: readonly string[];
  readonly #handlers: ListenerHandlers;
  readonly #stats: { syncs: number };
  #client: pg.Client | undefined;
  #listening = false;
  #started = false;
  #closed = false;
  #retryMs = FIRST_RECONNECT_MS;
  #retryTimer: NodeJS.Timeout | undefined;
  /** The round trip in flight, and the one that follows it (shared by every caller meanwhile). */
  #syncing: Promise<boolean> | undefined;
  #nextSync: Promise<boolean> | undefined;
  /** When the latest round trip that completed while listening was sent (performance.now()). */
  confirmedSentAt = Number.NEGATIVE_INFINITY;

  constructor(options: {
    connectionString: string;
    channels: readonly string[];
    handlers: ListenerHandlers;
    /** Counts the round trips `sync` makes. */
    stats: { syncs: number };
  }) {
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
  sync(): Promise<boolean> {
    if (!this.#syncing) {
      this.#syncing = this.#ping().finally(() => {
        this.#syncing = undefined;
      });
      return this.#syncing;
    }
    this.#nextSync ??= this.#syncing.then(() => {
      this.#nextSync = undefined;
      return this.sync();
    });
    return this.#nextSync;
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
    this.confirmedSentAt = Number.NEGATIVE_INFINITY;
    connection.removeAllListeners('notification');
    connection.end().catch(() => {});
    this.#handlers.onLost();
    if (this.#closed) return;
    this.#retryTimer = setTimeout(() => this.#connect(), this.#retryMs);
    this.#retryTimer.unref();
    this.#retryMs = Math.min(this.#retryMs * 2, MAX_RECONNECT_MS);
  }

  async #ping(): Promise<boolean> {
    const connection = this.#client;
    if (!this.#listening || !connection) return false;
    this.#stats.syncs++;
    const sentAt = performance.now();
    try {
      await connection.query('SELECT 1');
    } catch {
      return false;
    }
    // Lost meanwhile: a notification may have been missed.
    if (!this.#listening || this.#client !== connection) return false;
    if (sentAt > this.confirmedSentAt) this.confirmedSentAt = sentAt;
    return true;
  }
}
