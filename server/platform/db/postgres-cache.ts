import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import type { DB } from './schema';

/** The one channel every Atrium process listens on; a payload names the schema it concerns. */
export const CACHE_CHANNEL = 'atrium_cache';
/**
 * The channel of credential changes: sent by triggers (migration 0021) on every write to
 * sessions, API keys, users' status, memberships, their roles and roles, whatever code writes;
 * the payload is the schema of the table written.
 */
export const CREDENTIALS_CHANNEL = 'atrium_credentials';
/**
 * The channel of changes to what a user's own documents show beyond their credential: sent by
 * triggers (migration 0024) on every write to users, organizations and avatars; the payload is the
 * schema of the table written. A credential change empties the user documents too.
 */
export const USER_DOCUMENTS_CHANNEL = 'atrium_user_documents';
/** Values kept at most; past it the oldest go first (a bound, so memory stays flat). */
export const MAX_CACHED_VALUES = 10_000;
/**
 * How long this process trusts no cached value after one of its own writes, if the notification
 * of that write never comes (the transaction rolled back, or the listening connection dropped it).
 */
export const MAX_PENDING_WRITE_MS = 10_000;
const FIRST_RECONNECT_MS = 100;
const MAX_RECONNECT_MS = 5_000;

/**
 * Settings and menus on PostgreSQL (DESIGN.md §5, "one cached lookup per request"): values derived
 * from those tables are kept in memory and dropped, in every process sharing the database, when
 * one of them changes, by PostgreSQL's LISTEN/NOTIFY:
 *
 * - a write calls `notifyCachedChange` with its transaction: the NOTIFY is part of it, so every
 *   listening process receives it when (and only if) it commits;
 * - each process keeps a dedicated connection that LISTENs; a notification empties the whole cache
 *   (settings and menus change rarely; a whole-cache clear cannot miss a dependency);
 * - while that connection is not listening (not yet connected, lost, reconnecting) nothing is
 *   cached and every read goes to the database; on (re)connect the cache starts empty, so a
 *   notification missed while disconnected cannot leave a stale value;
 * - a value computed while a notification arrived is not kept (it may predate the change);
 * - this process's own writes: from the write until its own notification arrives (at most
 *   MAX_PENDING_WRITE_MS), reads bypass the cache, so a request after a commit never sees the
 *   value from before it, even when the commit's answer outruns the notification.
 *
 * Credentials (the session of a cookie, the API key of a request, with the user's status,
 * membership and role permissions) are kept apart (`rememberCredential`), under a stricter rule,
 * since a revocation must apply at once in every process: a change to any of their tables is
 * notified by a trigger (so no writer can forget it), and a kept credential is used only after a
 * round trip on the listening connection that started after the request arrived (`sync`).
 * PostgreSQL delivers a notification committed before that round trip ahead of its answer, so by
 * then every change acknowledged to anyone before the request has emptied the kept credentials.
 * Concurrent requests share one such round trip (a cheap `SELECT 1`, no join, no pool connection).
 *
 * User documents (`rememberUserDocument`: the signed-in user's profile as `GET /api/userprofile`
 * renders it) follow the credentials' rule, emptied by their notifications and by those of users,
 * organizations and avatars. A request that arrived before a round trip that has completed needs
 * no round trip of its own: its credential's confirmation serves its document too.
 */
export type PostgresCache = {
  /** `compute()`, or its result kept since the last change notified. `key` names all it depends on. */
  remember<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /**
   * `compute()` (a credential's lookup), or its result kept since the last credential change, used
   * only once `sync()` confirms no change was notified meanwhile. Negative results (undefined) are
   * not kept.
   */
  rememberCredential<T>(key: string, compute: () => Promise<T | undefined>): Promise<T | undefined>;
  /**
   * `compute()` (a document derived from a user's row, memberships, roles, organizations and
   * avatar), or its result kept since the last change of those, used only once a round trip sent
   * at or after `since` (a `performance.now()` time taken when the request arrived) has confirmed
   * no change was notified meanwhile: the credential's round trip when there was one, else a new one.
   */
  rememberUserDocument<T>(key: string, since: number, compute: () => Promise<T>): Promise<T>;
  /**
   * Resolves true after a round trip on the listening connection that started after the call: every
   * notification committed before the call has been handled by then. False when not listening.
   */
  sync(): Promise<boolean>;
  /** Called by `notifyCachedChange` while the write is still uncommitted. */
  beginWrite(): string;
  /**
   * Emits `notification` (after the cache is cleared), `listening` (after LISTEN, cache empty) and
   * `lost` (the listening connection is gone; reads go to the database until `listening`).
   */
  events: EventEmitter;
  /**
   * Counters for tests and benchmarks: values answered from memory, computed, notifications seen;
   * the same for credentials, and the round trips `sync` made.
   */
  stats: {
    hits: number;
    misses: number;
    notifications: number;
    credentialHits: number;
    credentialMisses: number;
    credentialNotifications: number;
    documentHits: number;
    documentMisses: number;
    syncs: number;
  };
  /** Whether the dedicated connection is listening now. */
  isListening(): boolean;
  /** The server process id of the listening connection (tests end it to prove the reconnect). */
  listenerProcessId(): number | undefined;
  close(): Promise<void>;
};

export type PostgresCacheOptions = {
  connectionString: string;
  /** The schema of this database's tables (tests): notifications for other schemas are ignored. */
  schema?: string | undefined;
};

/**
 * Opens the cache of one PostgreSQL database. The listening connection is opened on first use (a
 * CLI command that never reads settings opens none) and reopened with a growing wait when lost.
 */
export function openPostgresCache(options: PostgresCacheOptions): PostgresCache {
  const scope = options.schema ?? '';
  const instance = randomUUID();
  const events = new EventEmitter();
  const values = new Map<string, unknown>();
  const credentials = new Map<string, unknown>();
  const documents = new Map<string, unknown>();
  const stats = {
    hits: 0,
    misses: 0,
    notifications: 0,
    credentialHits: 0,
    credentialMisses: 0,
    credentialNotifications: 0,
    documentHits: 0,
    documentMisses: 0,
    syncs: 0,
  };
  /** Own writes not yet notified back: token → time after which it is no longer waited for. */
  const pending = new Map<string, number>();
  let writes = 0;
  let generation = 0;
  let credentialGeneration = 0;
  let documentGeneration = 0;
  /** When the latest round trip that completed while listening was sent (performance.now()). */
  let confirmedSentAt = Number.NEGATIVE_INFINITY;
  /** The round trip in flight, and the one that follows it (shared by every caller meanwhile). */
  let syncing: Promise<boolean> | undefined;
  let nextSync: Promise<boolean> | undefined;
  let client: pg.Client | undefined;
  let listening = false;
  let started = false;
  let closed = false;
  let retryMs = FIRST_RECONNECT_MS;
  let retryTimer: NodeJS.Timeout | undefined;

  const clear = () => {
    generation++;
    values.clear();
  };
  const clearDocuments = () => {
    documentGeneration++;
    documents.clear();
  };
  const clearCredentials = () => {
    credentialGeneration++;
    credentials.clear();
    clearDocuments();
  };
  const credentialSchema = options.schema ?? 'public';

  const hasPendingWrites = () => {
    if (pending.size === 0) return false;
    const now = Date.now();
    for (const [token, deadline] of pending) if (deadline <= now) pending.delete(token);
    return pending.size > 0;
  };

  const onNotification = (message: pg.Notification) => {
    if (message.channel === CREDENTIALS_CHANNEL) {
      if (message.payload !== credentialSchema) return;
      stats.credentialNotifications++;
      clearCredentials();
      events.emit('credentials');
      return;
    }
    if (message.channel === USER_DOCUMENTS_CHANNEL) {
      if (message.payload === credentialSchema) clearDocuments();
      return;
    }
    if (message.channel !== CACHE_CHANNEL) return;
    const [schema, token] = (message.payload ?? '').split(' ');
    if (schema !== scope) return;
    stats.notifications++;
    clear();
    if (token) pending.delete(token);
    events.emit('notification', token);
  };

  const lost = (connection: pg.Client) => {
    if (client !== connection) return;
    client = undefined;
    listening = false;
    confirmedSentAt = Number.NEGATIVE_INFINITY;
    clear();
    clearCredentials();
    connection.removeAllListeners('notification');
    connection.end().catch(() => {});
    events.emit('lost');
    if (closed) return;
    retryTimer = setTimeout(connect, retryMs);
    retryTimer.unref();
    retryMs = Math.min(retryMs * 2, MAX_RECONNECT_MS);
  };

  const connect = () => {
    retryTimer = undefined;
    if (closed) return;
    const connection = new pg.Client({ connectionString: options.connectionString });
    client = connection;
    connection.on('notification', onNotification);
    connection.on('error', () => lost(connection));
    connection.on('end', () => lost(connection));
    connection
      .connect()
      .then(() =>
        connection.query(
          `LISTEN ${CACHE_CHANNEL}; LISTEN ${CREDENTIALS_CHANNEL}; LISTEN ${USER_DOCUMENTS_CHANNEL}`,
        ),
      )
      .then(() => {
        if (client !== connection || closed) return;
        // Whatever was kept before may have missed notifications: start empty.
        clear();
        clearCredentials();
        pending.clear();
        listening = true;
        retryMs = FIRST_RECONNECT_MS;
        events.emit('listening');
      })
      .catch(() => lost(connection));
  };

  const start = () => {
    if (!started) {
      started = true;
      connect();
    }
  };

  const ping = async (): Promise<boolean> => {
    const connection = client;
    if (!listening || !connection) return false;
    stats.syncs++;
    const sentAt = performance.now();
    try {
      await connection.query('SELECT 1');
    } catch {
      return false;
    }
    // Lost meanwhile: a notification may have been missed.
    if (!listening || client !== connection) return false;
    if (sentAt > confirmedSentAt) confirmedSentAt = sentAt;
    return true;
  };

  const sync = (): Promise<boolean> => {
    if (!syncing) {
      syncing = ping().finally(() => {
        syncing = undefined;
      });
      return syncing;
    }
    // A round trip in flight may have been sent before this call: wait for the next one.
    nextSync ??= syncing.then(() => {
      nextSync = undefined;
      return sync();
    });
    return nextSync;
  };

  return {
    async rememberCredential<T>(key: string, compute: () => Promise<T | undefined>) {
      start();
      if (listening && credentials.has(key) && (await sync()) && credentials.has(key)) {
        stats.credentialHits++;
        return credentials.get(key) as T;
      }
      stats.credentialMisses++;
      const before = credentialGeneration;
      const value = await compute();
      if (value !== undefined && before === credentialGeneration && listening) {
        if (credentials.size >= MAX_CACHED_VALUES)
          credentials.delete(credentials.keys().next().value as string);
        credentials.set(key, value);
      }
      return value;
    },
    async rememberUserDocument<T>(key: string, since: number, compute: () => Promise<T>) {
      start();
      if (
        listening &&
        documents.has(key) &&
        (confirmedSentAt >= since || (await sync())) &&
        documents.has(key)
      ) {
        stats.documentHits++;
        return documents.get(key) as T;
      }
      stats.documentMisses++;
      const before = documentGeneration;
      const value = await compute();
      if (before === documentGeneration && listening) {
        if (documents.size >= MAX_CACHED_VALUES) documents.delete(documents.keys().next().value as string);
        documents.set(key, value);
      }
      return value;
    },
    sync,
    async remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
      start();
      if (!listening || hasPendingWrites()) {
        stats.misses++;
        return compute();
      }
      if (values.has(key)) {
        stats.hits++;
        const value = values.get(key) as T;
        // Most recently used last: the bound drops the oldest first.
        values.delete(key);
        values.set(key, value);
        return value;
      }
      stats.misses++;
      const before = generation;
      const value = await compute();
      if (before === generation && listening && !hasPendingWrites()) {
        if (values.size >= MAX_CACHED_VALUES) values.delete(values.keys().next().value as string);
        values.set(key, value);
      }
      return value;
    },
    beginWrite() {
      const token = `${instance}:${++writes}`;
      pending.set(token, Date.now() + MAX_PENDING_WRITE_MS);
      clear();
      return `${scope} ${token}`;
    },
    events,
    stats,
    isListening: () => listening,
    listenerProcessId: () =>
      listening ? (client as (pg.Client & { processID?: number }) | undefined)?.processID : undefined,
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const connection = client;
      client = undefined;
      listening = false;
      clear();
      clearCredentials();
      if (connection) {
        connection.removeAllListeners();
        connection.on('error', () => {});
        await connection.end().catch(() => {});
      }
    },
  };
}

const caches = new WeakMap<object, PostgresCache>();

/** Ties a cache to a database: its transactions share its dialect adapter, so they find it too. */
export function attachPostgresCache(db: Kysely<DB>, cache: PostgresCache): void {
  caches.set(db.getExecutor().adapter, cache);
}

export function postgresCacheOf(db: Kysely<DB>): PostgresCache | undefined {
  return caches.get(db.getExecutor().adapter);
}

/**
 * Tells every process (this one included) that settings or menus changed: call it with the
 * transaction that changes them. On PostgreSQL it sends the NOTIFY within that transaction (so it
 * is delivered on commit, never for a rollback) and stops this process's cache until it is back;
 * on SQLite it does nothing (its cache follows `PRAGMA data_version`).
 */
export async function notifyCachedChange(db: Kysely<DB>): Promise<void> {
  const cache = postgresCacheOf(db);
  if (!cache) return;
  const payload = cache.beginWrite();
  await sql`select pg_notify(${CACHE_CHANNEL}, ${payload})`.execute(db);
}
