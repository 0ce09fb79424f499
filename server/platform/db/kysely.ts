import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { parse } from 'pg-connection-string';
import type { Config } from '../config';
import { type Pacing, pacedDialect } from './paced-reads';
import { attachPostgresCache, openPostgresCache } from './postgres-cache';
import { POSTGRES_SESSION_SETTINGS, parsePostgresTimestamp } from './postgres-timestamps';
import type { DB } from './schema';
import { BACKSTOP_PAGES, type SqliteCheckpointer, startSqliteCheckpointer } from './sqlite-checkpointer';
import { registerSqliteFunctions } from './sqlite-functions';
import { GroupCommitSqliteDialect } from './sqlite-group-commit';
import { offLoopSqliteDialect } from './sqlite-off-loop';
import {
  BOOLEAN_COLUMN,
  ColumnNames,
  openSqliteReader,
  prepareShaped,
  type ShapedStatement,
  type SqliteReader,
  shapeRow,
  sqliteParameters,
} from './sqlite-reader';

export type Dialect = 'sqlite' | 'postgres';

export type Database = {
  db: Kysely<DB>;
  dialect: Dialect;
  /** PostgreSQL: the schema every connection uses, when one was asked for (tests). */
  schema?: string | undefined;
  close(): Promise<void>;
};

export type DatabaseOptions = {
  /** PostgreSQL only: run every connection with this search_path (tests use one schema each). */
  schema?: string;
};

/** Opens the database named by the configuration (SQLite file or PostgreSQL pool). */
export function openDatabase(config: Pick<Config, 'database'>, options: DatabaseOptions = {}): Database {
  const plugins = [new CamelCasePlugin()];
  if (config.database.kind === 'sqlite') {
    const { file } = config.database;
    const sqlite = openSqlite(file);
    // An in-memory database cannot be opened twice: it keeps to Kysely's one connection.
    const reader = file === ':memory:' ? undefined : openSqliteReader(file);
    // A thread costs a few megabytes and milliseconds to start: only a database that keeps
    // writing gets one (every test opens databases of its own that write a little).
    let commits = 0;
    let checkpointer: SqliteCheckpointer | undefined;
    const onCommit = () => {
      reader?.invalidate();
      if (checkpointer || file === ':memory:' || ++commits < CHECKPOINTER_AFTER_COMMITS) return;
      sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
      checkpointer = startSqliteCheckpointer(file);
    };
    const conventions = withSqliteConventions(sqlite, onCommit);
    const db = new Kysely<DB>({
      dialect: new GroupCommitSqliteDialect({ ...conventions, inTransaction: () => sqlite.inTransaction }),
      plugins,
    });
    sqliteWriters.set(db.getExecutor().adapter, sqliteWriter(sqlite, conventions));
    if (reader) sqliteReaders.set(db, reader);
    // An in-memory database cannot be opened from another thread either.
    const offLoop = file === ':memory:' ? undefined : offLoopSqliteDialect(file);
    if (offLoop) {
      costlyReaders.set(db, new Kysely<DB>({ dialect: pacedDialect(offLoop, COSTLY_READS_PACING), plugins }));
    }
    return {
      db,
      dialect: 'sqlite',
      close: async () => {
        sqliteReaders.delete(db);
        costlyReaders.delete(db);
        reader?.close();
        await offLoop?.close();
        await checkpointer?.close();
        await db.destroy();
      },
    };
  }
  const searchPath = options.schema ? [`-c search_path=${options.schema}`] : [];
  const pool = new pg.Pool({
    ...postgresConnection(config.database.url, [...POSTGRES_SESSION_SETTINGS, ...searchPath]),
    max: POSTGRES_CONNECTIONS,
    types: { getTypeParser: pgTypeParser },
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins });
  const named = new NamedPostgresStatements();
  postgresReaders.set(db, openPostgresReader(pool, named));
  postgresNamed.set(db.getExecutor().adapter, named);
  // Costly list reads (costlyReadsOf) on a pool of their own: see COSTLY_POSTGRES_CONNECTIONS.
  const costlyPool = new pg.Pool({
    ...postgresConnection(config.database.url, [
      ...POSTGRES_SESSION_SETTINGS,
      ...searchPath,
      ...COSTLY_POSTGRES_SETTINGS,
    ]),
    max: COSTLY_POSTGRES_CONNECTIONS,
    types: { getTypeParser: pgTypeParser },
  });
  const costly = new Kysely<DB>({
    dialect: pacedDialect(new PostgresDialect({ pool: costlyPool }), COSTLY_READS_PACING),
    plugins,
  });
  costlyReaders.set(db, costly);
  // Every statement sent on the pools' connections (Kysely's, the prepared reads, the costly
  // reads), counted; Kysely's statements that preparedQuery compiled (`named`) sent as named
  // prepared statements, parsed and planned once per connection.
  const statements = { count: 0 };
  postgresStatements.set(db.getExecutor().adapter, statements);
  postgresStatements.set(costly.getExecutor().adapter, statements);
  const countStatements = (client: pg.PoolClient) => {
    const query = client.query;
    client.query = ((...args: Parameters<typeof query>) => {
      statements.count++;
      const [text, values] = args as unknown[];
      const name = typeof text === 'string' && Array.isArray(values) ? named.known(text)?.name : undefined;
      if (name) return query.apply(client, [{ name, text, values }] as unknown as Parameters<typeof query>);
      return query.apply(client, args);
    }) as typeof query;
  };
  pool.on('connect', countStatements);
  costlyPool.on('connect', countStatements);
  const cache = openPostgresCache({ connectionString: config.database.url, schema: options.schema });
  attachPostgresCache(db, cache);
  return {
    db,
    dialect: 'postgres',
    schema: options.schema,
    close: async () => {
      costlyReaders.delete(db);
      await cache.close();
      await costly.destroy();
      await db.destroy();
    },
  };
}

/** Connections of a process's main PostgreSQL pool: every request's reads and writes. */
export const POSTGRES_CONNECTIONS = 10;

/**
 * Connections of a process's pool for costly list reads on PostgreSQL (`costlyReadsOf`): one, so
 * such reads queue behind each other, never in front of the cheap ones, as on SQLite's one
 * worker thread. With the main pool's ten they could hold every connection (each request waited
 * for one), and, each statement spreading over parallel workers, every core of a small server
 * (issue 18: a profile read's p99 rose 4.9× while one key listed users at its default budget).
 */
export const COSTLY_POSTGRES_CONNECTIONS = 1;

/**
 * How much of the time the costly reads' connection (`costlyReadsOf`) may be busy (paced-reads.ts):
 * half of it in the long run, so costly reads keep at most half of one core of the database busy
 * (on SQLite, of the worker thread) however many callers queue them, after a burst of a second
 * back to back (one request's page and count, a person's few searches, run at once). Unpaced, one
 * key listing users at its default budget kept that core busy all the time (page 400 of 100,000
 * members took 0.5-1.5 s, substring counts 0.3-0.5 s), and on a two-core server everyone else's
 * profile reads shared the other with the app (issue 18: their p99 rose 4x on PostgreSQL). Costly
 * reads wait longer for each other instead.
 */
export const COSTLY_READS_PACING: Pacing = { share: 0.5, burstMs: 1_000 };

/**
 * Settings of the costly reads' connections: one process per statement, no parallel workers, so
 * costly reads take at most one core of the database server. With workers (two per statement by
 * default) page 400 of 100,000 members (OFFSET 39,900) took three processes, all the cores of a
 * small server.
 */
const COSTLY_POSTGRES_SETTINGS = ['-c max_parallel_workers_per_gather=0'];

/**
 * The pg connection settings of `url` (a `postgres://` URL), with `settings` (libpq `-c name=value`
 * options) after the options the URL or PGOPTIONS give: a later `-c` of a name wins, so ours hold
 * and theirs keep every other setting. pg still reads the rest of the URL itself (`ssl=no-verify`,
 * `sslmode`, sockets…); only its `options` parameter is taken out, since pg would let it replace
 * the config's options whole (and ignores PGOPTIONS whenever the config has options).
 */
export function postgresConnection(url: string, settings: readonly string[]): pg.PoolConfig {
  // An unpaired backslash at the end would escape the space before our first setting.
  const theirs = (parse(url).options || process.env.PGOPTIONS || '').replace(/(?<!\\)((?:\\\\)*)\\$/, '$1');
  return {
    connectionString: withoutQueryParameter(url, 'options'),
    options: [...(theirs ? [theirs] : []), ...settings].join(' '),
  };
}

/** `url` without its query parameter `name` (every occurrence), the rest of its text unchanged. */
function withoutQueryParameter(url: string, name: string): string {
  const query = url.indexOf('?');
  if (query < 0) return url;
  const kept = url
    .slice(query + 1)
    .split('&')
    .filter((pair) => {
      const key = pair.split('=', 1)[0] as string;
      try {
        return decodeURIComponent(key.replaceAll('+', ' ')) !== name;
      } catch {
        return true;
      }
    });
  return kept.length > 0 ? `${url.slice(0, query)}?${kept.join('&')}` : url.slice(0, query);
}

/**
 * The hot reads of PostgreSQL (preparedQuery's SELECTs outside transactions, and the SELECTs whose
 * WITH writes: each its own autocommitted statement), run on the pool
 * without Kysely's executor and as named prepared statements: PostgreSQL parses and plans each
 * once per connection instead of on every request, and the rows are shaped as Kysely would shape
 * them (camelCase keys). Always a round trip: nothing is kept, so a revoked key or a removed role
 * is refused on the next request in every process.
 */
export type PostgresReader = {
  all(sql: string, parameters: readonly unknown[]): Promise<Record<string, unknown>[]>;
};

const postgresReaders = new WeakMap<Kysely<DB>, PostgresReader>();
const postgresStatements = new WeakMap<object, { count: number }>();
/** By the dialect adapter, which a database and its transactions share. */
const postgresNamed = new WeakMap<object, NamedPostgresStatements>();

/** A named prepared statement, and once it has run, its rows' property names (camelCase). */
type NamedPostgresStatement = { name: string; properties?: string[] };

/**
 * One pool's named prepared statements (`atrium_1`, `atrium_2` …) by their SQL: the same name on
 * every connection of the pool (PostgreSQL keeps a connection's named statements until it closes;
 * node-postgres sends a name's SQL with its first use on each connection). Only preparedQuery's
 * SQL is named: a fixed set, compiled once each, so the names stay few.
 */
class NamedPostgresStatements {
  readonly #statements = new Map<string, NamedPostgresStatement>();

  /** The statement of `sql`, named now if it has no name yet. */
  named(sql: string): NamedPostgresStatement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = { name: `atrium_${this.#statements.size + 1}` };
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** The statement of `sql` if it is named. */
  known(sql: string): NamedPostgresStatement | undefined {
    return this.#statements.get(sql);
  }
}

/**
 * preparedQuery's statement `sql` on PostgreSQL, run by Kysely (a transaction's, a write): named
 * from now on, so that the pool's connections parse and plan it once each rather than at every
 * run. Does nothing on SQLite.
 */
export function namePostgresStatement(db: Kysely<DB>, sql: string): void {
  postgresNamed.get(db.getExecutor().adapter)?.named(sql);
}

/**
 * How many statements this PostgreSQL database's pool has sent so far (each a round trip; the
 * caches' listening connection is not counted): what tests and benchmarks compare to count the
 * round trips of a request. Undefined on SQLite, which has no round trips.
 */
export function postgresStatementCount(db: Kysely<DB>): number | undefined {
  return postgresStatements.get(db.getExecutor().adapter)?.count;
}

/** preparedQuery's way to PostgreSQL, or undefined for SQLite or a transaction. */
export function postgresReaderOf(db: Kysely<DB>): PostgresReader | undefined {
  return postgresReaders.get(db);
}

function openPostgresReader(pool: pg.Pool, named: NamedPostgresStatements): PostgresReader {
  const columns = new ColumnNames();
  return {
    async all(sql, parameters) {
      const statement = named.named(sql);
      const result = await pool.query({ name: statement.name, text: sql, values: parameters as unknown[] });
      statement.properties ??= result.fields.map((field) => columns.toProperty(field.name));
      const properties = statement.properties;
      return result.rows.map((values: Record<string, unknown>) => {
        const row: Record<string, unknown> = {};
        for (let index = 0; index < properties.length; index++) {
          row[properties[index] as string] = values[(result.fields[index] as pg.FieldDef).name];
        }
        return row;
      });
    },
  };
}

const sqliteReaders = new WeakMap<Kysely<DB>, SqliteReader>();

/**
 * The read-only second connection of an SQLite database opened here, for preparedQuery's hot
 * reads; undefined for PostgreSQL, an in-memory database, or a transaction (which must read
 * through its own connection to see its own writes).
 */
export function sqliteReaderOf(db: Kysely<DB>): SqliteReader | undefined {
  return sqliteReaders.get(db);
}

/**
 * A statement run on SQLite's writing connection inside a transaction: its rows shaped as
 * Kysely's would be (camelCase keys, booleans), or, for a write, the rows it changed.
 */
export type SqliteTransactionWriter = {
  execute(sql: string, parameters: readonly unknown[]): { rows: unknown[]; numAffectedRows?: bigint };
};

/** By the dialect adapter, which a database and its transactions share. */
const sqliteWriters = new WeakMap<object, SqliteTransactionWriter>();

/**
 * preparedQuery's way to run a compiled statement inside an SQLite transaction without Kysely's
 * executor (its connection provider, mutex and per-row plugin pass cost more than SQLite spends
 * on a primary-key read or write); undefined outside a transaction and on PostgreSQL. Kysely
 * holds SQLite's one connection for the transaction until it ends (sqlite-group-commit.ts), so
 * a statement run here runs exactly where Kysely would have run it: in the transaction, seeing
 * its writes.
 */
export function sqliteTransactionWriterOf(db: Kysely<DB>): SqliteTransactionWriter | undefined {
  return db.isTransaction ? sqliteWriters.get(db.getExecutor().adapter) : undefined;
}

/**
 * The transaction writer of `sqlite`. Writes (and INSERT … RETURNING) run on `statements`, which
 * tell the reader of commits; a SELECT runs on a raw-mode statement of its own, prepared once
 * (`prepareShaped`), whose rows are shaped from arrays as the reader's are.
 */
function sqliteWriter(
  sqlite: SqliteDatabase.Database,
  statements: ReturnType<typeof withSqliteConventions>,
): SqliteTransactionWriter {
  const names = new ColumnNames();
  const properties = new Map<string, string>();
  const property = (column: string) => {
    let name = properties.get(column);
    if (name === undefined) {
      name = names.toProperty(column);
      properties.set(column, name);
    }
    return name;
  };
  const selects = new Map<string, ShapedStatement>();
  return {
    execute(sql, parameters) {
      let select = selects.get(sql);
      if (!select) {
        // Writes, and INSERT … RETURNING, run as Kysely's driver runs them (which tells the reader
        // of commits); only a SELECT gets a raw statement of its own, prepared once.
        const statement = statements.prepare(sql);
        if (!statement.reader) {
          return { rows: [], numAffectedRows: BigInt(statement.run(parameters).changes) };
        }
        if (!statement.readonly) {
          return { rows: statement.all(parameters).map((row) => shapeProperties(property, row)) };
        }
        select = prepareShaped(sqlite, names, sql);
        if (selects.size >= MAX_CACHED_STATEMENTS) selects.delete(selects.keys().next().value as string);
        selects.set(sql, select);
      }
      const shape = select;
      const rows = shape.statement.all(sqliteParameters(parameters)) as unknown[][];
      return { rows: rows.map((values) => shapeRow(shape, values)) };
    },
  };
}

/** A row of better-sqlite3 (snake_case keys, booleans converted) with Kysely's camelCase keys. */
function shapeProperties(property: (column: string) => string, row: unknown): Record<string, unknown> {
  const shaped: Record<string, unknown> = {};
  for (const column in row as Record<string, unknown>) {
    shaped[property(column)] = (row as Record<string, unknown>)[column];
  }
  return shaped;
}

/** Per database opened here: the Kysely of its costly reads (costlyReadsOf). */
const costlyReaders = new WeakMap<Kysely<DB>, Kysely<DB>>();

/**
 * Where to run a read whose cost grows with the data (an exact count, a substring no index
 * serves, an OFFSET), so that such reads cannot take what every other request needs: on an
 * SQLite file database, a Kysely of its own that runs SELECTs on a worker thread's read-only
 * connection (sqlite-off-loop.ts), so the event loop serves other requests meanwhile; on
 * PostgreSQL, a pool of one connection without parallel workers (COSTLY_POSTGRES_CONNECTIONS),
 * so the main pool's connections and all but one core stay free; otherwise `db` itself (a
 * transaction must read through its own connection; an in-memory database has one connection).
 * Costly reads queue behind each other, and keep the connection busy at most half the time
 * beyond a burst (COSTLY_READS_PACING). Use it for SELECTs only: it runs no writes and no transactions.
 */
export function costlyReadsOf(db: Kysely<DB>): Kysely<DB> {
  return (db.isTransaction ? undefined : costlyReaders.get(db)) ?? db;
}

function openSqlite(file: string): SqliteDatabase.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  // First: switching a new file to WAL takes a lock that another process starting at the same
  // moment may hold; with the timeout set, it waits instead of failing with SQLITE_BUSY.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // The statement journal (a statement inside a transaction keeps the pages it changes, to undo
  // it alone) and each savepoint's sub-journal are kept in memory. By default they spill to a
  // temporary file past 64 KiB and stay a file until the transaction ends: a profile write
  // journals about fifteen pages, so a group commit (sqlite-group-commit.ts) spilled at its first
  // write and paid a pwrite per page from then on (an audit INSERT: 26 µs instead of 10 here).
  // In memory, a journal holds the pages one statement or savepoint changes, while it runs.
  sqlite.pragma('temp_store = memory');
  registerSqliteFunctions(sqlite);
  return sqlite;
}

const MAX_CACHED_STATEMENTS = 500;

/**
 * Commits (a write outside a transaction is one) after which an SQLite file database moves its
 * checkpoints to a thread (sqlite-checkpointer.ts).
 */
export const CHECKPOINTER_AFTER_COMMITS = 200;

/**
 * better-sqlite3 cannot bind booleans and returns 0/1 for them. This wrapper converts both ways
 * in one place, so stores see `boolean` on both databases. Result columns are recognised by the
 * naming convention of schema.ts. `onCommit` runs after a writing statement that left the
 * connection outside a transaction — a write in autocommit mode, a COMMIT, a ROLLBACK — and tells
 * the reader connection (sqlite-reader.ts) to look at the database's version again. Writes inside
 * a transaction do not: the reader cannot see them before the COMMIT, and under load a group
 * commit holds tens of transactions (sqlite-group-commit.ts), each of several writes, so reading
 * the version after each write cost a read transaction for nothing.
 */
function withSqliteConventions(sqlite: SqliteDatabase.Database, onCommit: () => void) {
  // Kysely asks to prepare every query it runs; preparing is a large share of a cheap query's cost,
  // so statements are kept by their SQL text (Kysely's SQL has placeholders, never values), with
  // what Kysely's driver calls on them and the names of their boolean result columns.
  type Prepared = {
    reader: boolean;
    /** Whether the statement only reads (a SELECT; INSERT … RETURNING is a reader that writes). */
    readonly: boolean;
    all(params: readonly unknown[]): unknown[];
    run(params: readonly unknown[]): SqliteDatabase.RunResult;
    iterate(params: readonly unknown[]): IterableIterator<unknown>;
  };
  const statements = new Map<string, Prepared>();
  const wrap = (sql: string): Prepared => {
    // Kysely opens transactions with a deferred `begin`: the write lock is then taken at the
    // first write, and a transaction that read first fails with SQLITE_BUSY (no wait) when
    // another process committed meanwhile. IMMEDIATE takes it at once, waiting busy_timeout.
    const statement = sqlite.prepare(sql === 'begin' ? 'begin immediate' : sql);
    const booleans = statement.reader
      ? statement
          .columns()
          .map((column) => column.name)
          .filter((name) => BOOLEAN_COLUMN.test(name))
      : [];
    const toRow = (row: unknown) => {
      const record = row as Record<string, unknown>;
      for (const key of booleans) if (typeof record[key] === 'number') record[key] = record[key] === 1;
      return row;
    };
    return {
      reader: statement.reader,
      readonly: statement.readonly,
      all: (params) => {
        // INSERT … RETURNING comes here too.
        let rows: unknown[];
        try {
          rows = statement.all(sqliteParameters(params));
        } finally {
          if (!statement.readonly && !sqlite.inTransaction) onCommit();
        }
        if (booleans.length > 0) for (const row of rows) toRow(row);
        return rows;
      },
      run: (params) => {
        // Writes, and COMMIT (which SQLite counts as read-only).
        try {
          return statement.run(sqliteParameters(params));
        } finally {
          if (!sqlite.inTransaction) onCommit();
        }
      },
      *iterate(params) {
        // A statement being iterated is busy: a stream gets one of its own.
        for (const row of sqlite.prepare(sql).iterate(sqliteParameters(params))) yield toRow(row);
      },
    };
  };
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let prepared = statements.get(sql);
      if (!prepared) {
        prepared = wrap(sql);
        if (statements.size >= MAX_CACHED_STATEMENTS) {
          statements.delete(statements.keys().next().value as string);
        }
        statements.set(sql, prepared);
      }
      return prepared;
    },
  };
}

const TIMESTAMPTZ = 1184;
const TIMESTAMP = 1114;
const DATE = 1082;
const INT8 = 20;
const NUMERIC = 1700;
const JSON_OID = 114;
const JSONB = 3802;

/**
 * pg type parsers: timestamps as fixed-width ISO strings (read exactly: `parsePostgresTimestamp`;
 * a `timestamp` without zone is read as UTC), int8 as numbers, dates and JSON left as text.
 */
function pgTypeParser(oid: number, format?: string): (value: string) => unknown {
  switch (oid) {
    case TIMESTAMPTZ:
    case TIMESTAMP:
      return parsePostgresTimestamp;
    case DATE:
    case JSON_OID:
    case JSONB:
      return (value) => value;
    case INT8:
    case NUMERIC:
      return (value) => Number(value);
    default:
      return pg.types.getTypeParser(oid, format as 'text');
  }
}
