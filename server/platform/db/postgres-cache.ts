import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { type Kysely, sql } from 'kysely';
import type pg from 'pg';
import { CacheListener } from './postgres-listener';
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
 * The channel of changes to what a user's own documents show beyond their credential and their
 * row: sent by triggers (migration 0024) on every write to organizations and avatars; the payload
 * is the schema of the table written. A credential change empties the user documents too. The
 * users row is not notified (migration 0026): a kept document is checked against its version.
 */
export const USER_DOCUMENTS_CHANNEL = 'atrium_user_documents';
/** Values kept at most; past it the oldest go first (a bound, so memory stays flat). */
export const MAX_CACHED_VALUES = 10_000;
/**
 * How long this process trusts no cached value after one of its own writes, if the notification
 * of that write never comes (the transaction rolled back, or the listening connection dropped it).
 */
export const MAX_PENDING_WRITE_MS = 10_000;

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
 * Concurrent requests share one such round trip (a read of the database's snapshot and of the
 * user row versions asked for meanwhile, on no pool connection: `CacheListener`).
 *
 * User documents (`rememberUserDocument`: the signed-in user's profile as `GET /api/userprofile`
 * renders it) follow the credentials' rule, emptied by their notifications and by those of
 * organizations and avatars. The user's own row is not notified but read: its version (`xmin`) is read with each use, on
 * the listening connection in a round trip concurrent requests share (one query for all their
 * users, no pool connection), and must be the one the document was computed from; the same round
 * trip confirms the notifications, as `sync` does. A NOTIFY takes a lock that
 * serializes the commits of all notifying transactions, fsync included, and every profile write
 * and sign-in writes that row: notified, 50 concurrent profile writes committed one at a time.
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
   * avatar), or its result kept since the last change of those: used only while the user's row,
   * read now on the listening connection (`CacheListener.userRowVersion`), is the version it was
   * computed from; that round trip, sent after the call, also confirms no other change was notified.
   */
  rememberUserDocument<T>(key: string, userId: string, compute: () => Promise<T>): Promise<T>;
  /**
   * `compute()` (a value derived only from the database and from what `key` names), or its result
   * kept while the database is unchanged: used only while the database's snapshot
   * (`CacheListener.snapshot`), read now in a round trip on the listening connection that concurrent
   * requests share, is the one taken before it was computed, i.e. no transaction that wrote
   * anything, of any process, has committed since. PostgreSQL's counterpart of SQLite's "kept while
   * the database is unchanged" (sqlite-reader.ts).
   */
  rememberWhileUnchanged<T>(key: string, compute: () => Promise<T>): Promise<T>;
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
    /** Round trips that read users' row versions (`CacheListener.userRowVersion`). */
    rowVersionReads: number;
    /** `rememberWhileUnchanged`: values answered from memory, and computed. */
    unchangedHits: number;
    unchangedMisses: number;
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

type CacheStats = PostgresCache['stats'];

/**
 * One kind of kept value: a map bounded by MAX_CACHED_VALUES (the oldest go first), and a
 * generation that every clear advances, so a value computed across a clear is not kept.
 */
class KeptValues {
  readonly #map = new Map<string, unknown>();
  generation = 0;

  has(key: string): boolean {
    return this.#map.has(key);
  }

  get<T>(key: string): T {
    return this.#map.get(key) as T;
  }

  /** Most recently used last: the bound drops the oldest first. */
  touch(key: string): void {
    const value = this.#map.get(key);
    this.#map.delete(key);
    this.#map.set(key, value);
  }

  keep(key: string, value: unknown): void {
    if (this.#map.size >= MAX_CACHED_VALUES) this.#map.delete(this.#map.keys().next().value as string);
    this.#map.set(key, value);
  }

  clear(): void {
    this.generation++;
    this.#map.clear();
  }
}

/** This process's own writes not yet notified back: token → time after which it is no longer waited for. */
class PendingWrites {
  readonly #instance = randomUUID();
  readonly #deadlines = new Map<string, number>();
  #writes = 0;

  begin(): string {
    const token = `${this.#instance}:${++this.#writes}`;
    this.#deadlines.set(token, Date.now() + MAX_PENDING_WRITE_MS);
    return token;
  }

  settle(token: string): void {
    this.#deadlines.delete(token);
  }

  /** Whether a write is still waited for (those past their deadline are forgotten). */
  isWaiting(): boolean {
    if (this.#deadlines.size === 0) return false;
    const now = Date.now();
    for (const [token, deadline] of this.#deadlines) if (deadline <= now) this.#deadlines.delete(token);
    return this.#deadlines.size > 0;
  }

  clear(): void {
    this.#deadlines.clear();
  }
}

/** The state one cache's loaders share. */
type CacheState = {
  listener: CacheListener;
  stats: CacheStats;
  values: KeptValues;
  credentials: KeptValues;
  documents: KeptValues;
  /** Values kept while the database is unchanged (`rememberWhileUnchanged`), with their snapshot. */
  unchanged: KeptValues;
  /** User documents being computed, by key, with the row version and generation they began in. */
  computing: Computing;
  /** `rememberWhileUnchanged`'s values being computed, by key, with the snapshot they began after. */
  computingUnchanged: Computing;
  pending: PendingWrites;
};

function newStats(): CacheStats {
  return {
    hits: 0,
    misses: 0,
    notifications: 0,
    credentialHits: 0,
    credentialMisses: 0,
    credentialNotifications: 0,
    documentHits: 0,
    documentMisses: 0,
    syncs: 0,
    rowVersionReads: 0,
    unchangedHits: 0,
    unchangedMisses: 0,
  };
}

/** A credential change empties the user documents too (they show the credential's user). */
function clearCredentials(state: CacheState): void {
  state.credentials.clear();
  state.documents.clear();
}

function clearAll(state: CacheState): void {
  state.values.clear();
  state.unchanged.clear();
  clearCredentials(state);
}

/**
 * Applies one notification: a credential change of this schema empties the credentials (and user
 * documents); a user documents' change empties those; a settings or menus change of this scope
 * empties the values and settles this process's write that sent it.
 */
function applyNotification(
  state: CacheState,
  events: EventEmitter,
  schemas: { scope: string; credentialSchema: string },
  message: pg.Notification,
): void {
  if (message.channel === CREDENTIALS_CHANNEL) {
    if (message.payload !== schemas.credentialSchema) return;
    state.stats.credentialNotifications++;
    clearCredentials(state);
    events.emit('credentials');
    return;
  }
  if (message.channel === USER_DOCUMENTS_CHANNEL) {
    if (message.payload === schemas.credentialSchema) state.documents.clear();
    return;
  }
  if (message.channel !== CACHE_CHANNEL) return;
  const [schema, token] = (message.payload ?? '').split(' ');
  if (schema !== schemas.scope) return;
  state.stats.notifications++;
  state.values.clear();
  if (token) state.pending.settle(token);
  events.emit('notification', token);
}

/** `PostgresCache.remember`: bypassed while not listening or while an own write is unconfirmed. */
async function rememberValue<T>(state: CacheState, key: string, compute: () => Promise<T>): Promise<T> {
  const { listener, stats, values, pending } = state;
  listener.start();
  if (!listener.isListening() || pending.isWaiting()) {
    stats.misses++;
    return compute();
  }
  if (values.has(key)) {
    stats.hits++;
    const value = values.get<T>(key);
    values.touch(key);
    return value;
  }
  stats.misses++;
  const before = values.generation;
  const value = await compute();
  if (before === values.generation && listener.isListening() && !pending.isWaiting()) values.keep(key, value);
  return value;
}

/** `PostgresCache.rememberCredential`: a kept credential only after a round trip confirms it. */
async function rememberCredential<T>(
  state: CacheState,
  key: string,
  compute: () => Promise<T | undefined>,
): Promise<T | undefined> {
  const { listener, stats, credentials } = state;
  listener.start();
  if (listener.isListening() && credentials.has(key) && (await listener.sync()) && credentials.has(key)) {
    stats.credentialHits++;
    return credentials.get<T>(key);
  }
  stats.credentialMisses++;
  const before = credentials.generation;
  const value = await compute();
  if (value !== undefined && before === credentials.generation && listener.isListening()) {
    credentials.keep(key, value);
  }
  return value;
}

/** A value kept with the version it was computed from: a user row's, or the database's snapshot. */
type Versioned = { version: string; value: unknown };

/** Values being computed, by key, with the version and the generation they began in. */
type Computing = Map<string, { version: string; generation: number; value: Promise<unknown> }>;

/**
 * The value of `key` kept in `kept` if `readVersion()` (a round trip sent after the call, which
 * also confirms no change was notified meanwhile) gives the version it was computed from; else
 * `compute()`, kept with that version. The version is read before computing, so a change
 * committed meanwhile makes the next use compute again. Readers that miss together (right after
 * a write) share one computation of the same version begun in the same generation: it began after
 * every change they must see. A version that is not a string (not listening, no such row) is
 * computed and not kept. `count` tells hits from misses.
 */
async function rememberVersioned<T>(
  state: CacheState,
  slot: { kept: KeptValues; computing: Computing; count(hit: boolean): void },
  key: string,
  readVersion: () => Promise<string | false | undefined>,
  compute: () => Promise<T>,
): Promise<T> {
  const { kept, computing, count } = slot;
  const { listener } = state;
  listener.start();
  if (!listener.isListening()) {
    count(false);
    return compute();
  }
  const before = kept.generation;
  const version = await readVersion();
  const found = kept.has(key) ? kept.get<Versioned>(key) : undefined;
  if (typeof version === 'string' && found?.version === version) {
    count(true);
    kept.touch(key);
    return found.value as T;
  }
  count(false);
  if (typeof version !== 'string') return compute();
  const shared = computing.get(key);
  if (shared && shared.version === version && shared.generation === before && before === kept.generation) {
    return shared.value as Promise<T>;
  }
  const entry = { version, generation: before, value: compute() };
  computing.set(key, entry);
  try {
    const value = (await entry.value) as T;
    if (before === kept.generation && listener.isListening()) {
      kept.keep(key, { version, value } satisfies Versioned);
    }
    return value;
  } finally {
    if (computing.get(key) === entry) computing.delete(key);
  }
}

/**
 * `PostgresCache.rememberUserDocument`: a kept document is used while the user's row, read again
 * now on the listening connection, is still the version it was computed from.
 */
function rememberUserDocument<T>(
  state: CacheState,
  key: string,
  userId: string,
  compute: () => Promise<T>,
): Promise<T> {
  const { stats } = state;
  const slot = {
    kept: state.documents,
    computing: state.computing,
    count: (hit: boolean) => (hit ? stats.documentHits++ : stats.documentMisses++),
  };
  return rememberVersioned(state, slot, key, () => state.listener.userRowVersion(userId), compute);
}

/**
 * `PostgresCache.rememberWhileUnchanged`: a kept value is used while the database's snapshot,
 * read again now on the listening connection, is the one read before it was computed: no write
 * committed since, so the value is what computing it now would give.
 */
function rememberWhileUnchanged<T>(state: CacheState, key: string, compute: () => Promise<T>): Promise<T> {
  const { stats } = state;
  const slot = {
    kept: state.unchanged,
    computing: state.computingUnchanged,
    count: (hit: boolean) => (hit ? stats.unchangedHits++ : stats.unchangedMisses++),
  };
  return rememberVersioned(state, slot, key, () => state.listener.snapshot(), compute);
}

/**
 * Opens the cache of one PostgreSQL database. The listening connection is opened on first use (a
 * CLI command that never reads settings opens none) and reopened with a growing wait when lost.
 */
export function openPostgresCache(options: PostgresCacheOptions): PostgresCache {
  const schemas = { scope: options.schema ?? '', credentialSchema: options.schema ?? 'public' };
  const events = new EventEmitter();
  const stats = newStats();
  const listener: CacheListener = new CacheListener({
    connectionString: options.connectionString,
    channels: [CACHE_CHANNEL, CREDENTIALS_CHANNEL, USER_DOCUMENTS_CHANNEL],
    stats,
    schema: options.schema,
    handlers: {
      onNotification: (message) => applyNotification(state, events, schemas, message),
      onListening: () => {
        // Whatever was kept before may have missed notifications: start empty.
        clearAll(state);
        state.pending.clear();
        events.emit('listening');
      },
      onLost: () => {
        clearAll(state);
        events.emit('lost');
      },
    },
  });
  const state: CacheState = {
    listener,
    stats,
    values: new KeptValues(),
    credentials: new KeptValues(),
    documents: new KeptValues(),
    unchanged: new KeptValues(),
    computing: new Map(),
    computingUnchanged: new Map(),
    pending: new PendingWrites(),
  };

  return {
    remember: (key, compute) => rememberValue(state, key, compute),
    rememberCredential: (key, compute) => rememberCredential(state, key, compute),
    rememberUserDocument: (key, userId, compute) => rememberUserDocument(state, key, userId, compute),
    rememberWhileUnchanged: (key, compute) => rememberWhileUnchanged(state, key, compute),
    sync: () => listener.sync(),
    beginWrite() {
      const token = state.pending.begin();
      state.values.clear();
      return `${schemas.scope} ${token}`;
    },
    events,
    stats,
    isListening: () => listener.isListening(),
    listenerProcessId: () => listener.processId(),
    async close() {
      const closing = listener.close();
      clearAll(state);
      await closing;
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
