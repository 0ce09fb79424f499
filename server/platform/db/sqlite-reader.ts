import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin } from 'kysely';
import { registerSqliteFunctions } from './sqlite-functions';

/**
 * Runs a compiled SELECT on a connection of its own and returns rows shaped as Kysely would
 * return them (camelCase keys, `is_/has_/must_` columns as booleans). The rows are frozen: they
 * may be shared with other callers until the database changes.
 */
export type SqliteReader = {
  all(sql: string, parameters: readonly unknown[]): Readonly<Record<string, unknown>>[];
  /**
   * A value derived only from this database's data (a rendered document, say), computed once and
   * shared until the data changes, like the query results; callers that miss together share one
   * computation. `key` must name everything else the value depends on.
   */
  remember<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /**
   * `remember`, but the value outlives changes of the data that leave `generation` unchanged
   * (migration 0027's triggers count in it every change the value can depend on). An undefined
   * value is never kept: what does not exist yet may be created without a count (a new key).
   */
  rememberInGeneration<T>(generation: CacheGeneration, key: string, compute: () => Promise<T>): Promise<T>;
  /** Values answered from memory by `rememberInGeneration`, per generation (for tests). */
  readonly hits: Record<CacheGeneration, number>;
  /**
   * This process's writing connection ended a transaction (COMMIT, ROLLBACK) or wrote outside one:
   * read the database's version again on the next query.
   */
  invalidate(): void;
  close(): void;
};

/** The generations of `cache_generations` (migration 0027): a count of changes each guards. */
export type CacheGeneration = 'credentials' | 'user_extras';
const GENERATIONS: readonly CacheGeneration[] = ['credentials', 'user_extras'];

/** Boolean columns by schema.ts's naming convention: SQLite stores them as 0/1. */
export const BOOLEAN_COLUMN = /^(is|has|must)_/;
const MAX_CACHED_STATEMENTS = 100;
/** How long a reading of the database's version is trusted (see openSqliteReader). */
export const MAX_VERSION_AGE_MS = 1;
/** Results kept per statement; past it the statement's results start over (a bound, not an LRU). */
const MAX_CACHED_RESULTS = 10_000;

/** `remember`'s values being computed, by key, with the version of the database they began in. */
type Computing = Map<string, { version: unknown; value: Promise<unknown> }>;

/**
 * `SqliteReader.remember`: the kept value, else the computation of this version already running,
 * else `compute()`, kept if the database did not change while it ran.
 */
async function rememberValue<T>(
  state: { remembered: Map<string, unknown>; computing: Computing; checkVersion(): unknown },
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const { remembered, computing, checkVersion } = state;
  const version = checkVersion();
  if (remembered.has(key)) return remembered.get(key) as T;
  // Readers that miss together (right after a write) share one computation of this version.
  const shared = computing.get(key);
  if (shared && shared.version === version) return shared.value as Promise<T>;
  const entry = { version, value: compute() };
  computing.set(key, entry);
  try {
    const value = await entry.value;
    // Kept only if nothing changed while it was computed.
    if (checkVersion() === version) {
      if (remembered.size >= MAX_CACHED_RESULTS) remembered.clear();
      remembered.set(key, value);
    }
    return value;
  } finally {
    if (computing.get(key) === entry) computing.delete(key);
  }
}

/**
 * Kysely's own snake_case → camelCase conversion, so every path that shapes rows outside Kysely
 * (this reader, PostgreSQL's prepared reads, SQLite's transaction writer) names columns alike.
 */
export class ColumnNames extends CamelCasePlugin {
  toProperty(column: string): string {
    return this.camelCase(column);
  }
}

/** A SELECT in raw mode (rows as arrays), with what its rows' values are called and which are booleans. */
export type ShapedStatement = {
  statement: SqliteDatabase.Statement;
  /** By column: the row's property (camelCase, as Kysely's CamelCasePlugin names it). */
  properties: string[];
  /** By column: whether SQLite's 0/1 is a boolean (BOOLEAN_COLUMN). */
  booleans: boolean[];
};

type ReaderStatement = ShapedStatement & {
  /** Results by their parameters (JSON), valid while the database's data_version is unchanged. */
  results: Map<string, Readonly<Record<string, unknown>>[]>;
};

/**
 * `sql` prepared on `sqlite` in raw mode, with its columns' property names and booleans: a row
 * shaped from an array (`shapeRow`) costs one object, where better-sqlite3's own rows cost one
 * more and a lookup of every column's name. Throws unless `sql` is a SELECT (`statement.reader`).
 */
export function prepareShaped(
  sqlite: SqliteDatabase.Database,
  names: ColumnNames,
  sql: string,
): ShapedStatement {
  const statement = sqlite.prepare(sql);
  if (!statement.reader) throw new Error('Only a SELECT statement has rows to shape.');
  statement.raw(true);
  const columns = statement.columns().map((column) => column.name);
  return {
    statement,
    properties: columns.map((column) => names.toProperty(column)),
    booleans: columns.map((column) => BOOLEAN_COLUMN.test(column)),
  };
}

/** Parameters as better-sqlite3 binds them: it takes no booleans, so they go as 1 and 0. */
export function sqliteParameters(parameters: readonly unknown[]): unknown[] {
  return parameters.map((value) => (typeof value === 'boolean' ? (value ? 1 : 0) : value));
}

/** One raw row of a `ShapedStatement` as the object Kysely would answer (not frozen). */
export function shapeRow(
  shape: Pick<ShapedStatement, 'properties' | 'booleans'>,
  values: readonly unknown[],
): Record<string, unknown> {
  const { properties, booleans } = shape;
  const row: Record<string, unknown> = {};
  for (let index = 0; index < properties.length; index++) {
    const value = values[index];
    row[properties[index] as string] = booleans[index] && typeof value === 'number' ? value === 1 : value;
  }
  return row;
}

/**
 * The hot read path of the embedded database (authentication and the profile on every request):
 * the same SQL Kysely compiled, run by better-sqlite3 without Kysely's executor, connection mutex
 * and per-row plugin pass, which cost more than SQLite spends on the query.
 *
 * It is a second connection, `query_only`, so it sees committed data only: Kysely's connection
 * may be inside a transaction at that moment (SQLite in WAL mode gives each statement here the
 * latest committed snapshot, and readers never block the writer).
 *
 * Results are kept until the database changes: `PRAGMA data_version` changes whenever any other
 * connection — this process's writer or another process — commits, and this connection never
 * writes. So a cached result is what the query would answer, and a revoked key or a removed role
 * stops working on the next request, in every process. Queries run here must therefore depend
 * only on the data and their parameters (no CURRENT_TIMESTAMP, no random()).
 *
 * Reading the version costs as much as a small query (it starts a read transaction), so under
 * load it is shared: it is read again when it is older than MAX_VERSION_AGE_MS, and after every
 * commit of this process's own writing connection (`invalidate`). This process reads its own writes at
 * once; a commit of another process is seen by every query that starts more than
 * MAX_VERSION_AGE_MS (1 ms) after it.
 */
export function openSqliteReader(file: string): SqliteReader {
  const sqlite = new SqliteDatabase(file, { fileMustExist: true });
  sqlite.pragma('query_only = ON');
  sqlite.pragma('busy_timeout = 5000');
  registerSqliteFunctions(sqlite);
  const names = new ColumnNames();
  const statements = new Map<string, ReaderStatement>();
  const dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
  let cachedVersion: unknown;
  let versionReadAt = Number.NEGATIVE_INFINITY;
  const remembered = new Map<string, unknown>();
  const computing: Computing = new Map();
  const generations = keptByGeneration(sqlite);
  const expireVersion = () => {
    versionReadAt = Number.NEGATIVE_INFINITY;
  };
  /**
   * The database's version (at most MAX_VERSION_AGE_MS old). When it changed, every cache is
   * emptied but the generations' that did not change — read after the version, so a change
   * committed in between is seen by the next reading, never missed.
   */
  const checkVersion = (): unknown => {
    const now = performance.now();
    if (now - versionReadAt > MAX_VERSION_AGE_MS) {
      const version = dataVersion.get();
      if (version !== cachedVersion) {
        for (const prepared of statements.values()) prepared.results.clear();
        remembered.clear();
        generations.refresh();
        cachedVersion = version;
      }
      versionReadAt = now;
    }
    return cachedVersion;
  };

  const prepare = (sql: string) => prepareReaderStatement(sqlite, statements, names, sql);

  return {
    all(sql, parameters) {
      checkVersion();
      const { statement, properties, booleans, results } = prepare(sql);
      const bound = sqliteParameters(parameters);
      const key = JSON.stringify(bound);
      let rows = results.get(key);
      if (!rows) {
        rows = (statement.all(bound) as unknown[][]).map((values) =>
          Object.freeze(shapeRow({ properties, booleans }, values)),
        );
        if (results.size >= MAX_CACHED_RESULTS) results.clear();
        results.set(key, rows);
      }
      // A new array each time: callers may sort theirs.
      return rows.slice();
    },
    remember: (key, compute) => rememberValue({ remembered, computing, checkVersion }, key, compute),
    async rememberInGeneration<T>(generation: CacheGeneration, key: string, compute: () => Promise<T>) {
      const version = checkVersion();
      const kept = generations.values(generation);
      if (kept.has(key)) {
        generations.hits[generation]++;
        return kept.get(key) as T;
      }
      const value = await compute();
      // Kept only if nothing changed while it was computed.
      if (value !== undefined && checkVersion() === version) {
        const current = generations.values(generation);
        if (current.size >= MAX_CACHED_RESULTS) current.clear();
        current.set(key, value);
      }
      return value;
    },
    hits: generations.hits,
    invalidate: expireVersion,
    close: () => sqlite.close(),
  };
}

/** The statement of `sql` on the reader's connection, prepared once (a bounded number are kept). */
function prepareReaderStatement(
  sqlite: SqliteDatabase.Database,
  statements: Map<string, ReaderStatement>,
  names: ColumnNames,
  sql: string,
): ReaderStatement {
  let prepared = statements.get(sql);
  if (!prepared) {
    prepared = { ...prepareShaped(sqlite, names, sql), results: new Map() };
    if (statements.size >= MAX_CACHED_STATEMENTS) {
      statements.delete(statements.keys().next().value as string);
    }
    statements.set(sql, prepared);
  }
  return prepared;
}

/**
 * The values kept per generation, with the count each was kept at. `refresh` (after the database
 * changed) reads the counts and empties each generation whose count moved, or that cannot be read
 * (a database not migrated yet: nothing survives a change there).
 */
function keptByGeneration(sqlite: SqliteDatabase.Database) {
  const kept = new Map(
    GENERATIONS.map((name) => [name, { count: undefined as unknown, values: new Map<string, unknown>() }]),
  );
  const hits = Object.fromEntries(GENERATIONS.map((name) => [name, 0])) as Record<CacheGeneration, number>;
  let counts: SqliteDatabase.Statement | undefined;
  const readCounts = (): Map<unknown, unknown> => {
    try {
      counts ??= sqlite.prepare('SELECT name, generation FROM cache_generations').raw(true);
      return new Map(counts.all() as [unknown, unknown][]);
    } catch {
      return new Map();
    }
  };
  return {
    hits,
    values: (generation: CacheGeneration) =>
      (kept.get(generation) as { values: Map<string, unknown> }).values,
    refresh() {
      const current = readCounts();
      for (const [name, generation] of kept) {
        const count = current.get(name);
        if (count === undefined || count !== generation.count) generation.values.clear();
        generation.count = count;
      }
    },
  };
}
