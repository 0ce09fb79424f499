import { type Compilable, CompiledQuery, type Kysely } from 'kysely';
import { namePostgresStatement, postgresReaderOf, sqliteReaderOf, sqliteTransactionWriterOf } from './kysely';
import { postgresCacheOf } from './postgres-cache';
import type { DB } from './schema';

const MARK = '\u0000param:';

/** A compiled query, and for each of its parameters the name of the placeholder it is (or undefined: a constant). */
type Compiled<Row> = { query: CompiledQuery<Row>; named: (string | undefined)[] };

/** A prepared query's answer: its rows, and for an INSERT/UPDATE/DELETE the rows it changed. */
export type PreparedResult<Row> = { rows: Row[]; numAffectedRows?: bigint | undefined };

/**
 * A query built and compiled once per database, then run with new parameter values. Kysely builds
 * and compiles a query on every call, which for the joins of the hot paths (authentication, the
 * profile) costs several times what SQLite then spends running it.
 *
 * On SQLite the compiled SQL runs on the database's read-only connection (see sqlite-reader.ts),
 * outside Kysely's executor; on PostgreSQL as a named prepared statement on the pool (see
 * openPostgresReader). Writes (INSERT, UPDATE …) may be prepared too; a SELECT whose WITH writes
 * (`updateProfileReturningMember`) runs as the reads do, on PostgreSQL only and outside a
 * transaction: one autocommitted statement on the pool. Inside an SQLite
 * transaction every prepared statement runs straight on the writing connection the transaction
 * holds (`sqliteTransactionWriterOf`); a PostgreSQL transaction and in-memory SQLite outside one
 * go through Kysely, on PostgreSQL still as the named statement (`namePostgresStatement`).
 *
 * `build` receives a placeholder for each named parameter and must use it as a plain value
 * (`where('x', '=', p.userId)`); the placeholders are swapped for the real values at run time.
 *
 *   const findThing = preparedQuery(['id'], (db, p) => db.selectFrom('things').selectAll().where('id', '=', p.id));
 *   const { rows } = await findThing(db, { id });
 */
export function preparedQuery<const Names extends readonly string[], Row>(
  names: Names,
  build: (db: Kysely<DB>, placeholders: Record<Names[number], string>) => Compilable<Row>,
): (db: Kysely<DB>, values: Record<Names[number], unknown>) => Promise<PreparedResult<Row>> {
  // By the database's dialect adapter, which its transactions share: a query compiled once serves
  // every transaction too (the SQL depends only on the dialect and the plugins, set once per database).
  const compiledByDatabase = new WeakMap<object, Compiled<Row>>();
  const placeholders = Object.fromEntries(names.map((name) => [name, `${MARK}${name}`])) as Record<
    Names[number],
    string
  >;
  return async (db, values) => {
    const { adapter } = db.getExecutor();
    let prepared = compiledByDatabase.get(adapter);
    if (!prepared) {
      const query = build(db, placeholders).compile();
      // Which parameter is which placeholder, found once: each run only picks the values.
      const named = query.parameters.map((value) =>
        typeof value === 'string' && value.startsWith(MARK) ? value.slice(MARK.length) : undefined,
      );
      prepared = { query, named };
      compiledByDatabase.set(adapter, prepared);
      namePostgresStatement(db, query.sql);
    }
    const { query: compiled, named } = prepared;
    const parameters = named.map((name, index) =>
      name === undefined ? compiled.parameters[index] : values[name as Names[number]],
    );
    if (compiled.query.kind === 'SelectQueryNode') {
      const reader = sqliteReaderOf(db);
      if (reader) return { rows: reader.all(compiled.sql, parameters) as Row[] };
      const postgres = postgresReaderOf(db);
      if (postgres) return { rows: (await postgres.all(compiled.sql, parameters)) as Row[] };
    }
    const writer = sqliteTransactionWriterOf(db);
    if (writer) return writer.execute(compiled.sql, parameters) as PreparedResult<Row>;
    return db.executeQuery(CompiledQuery.raw(compiled.sql, parameters) as CompiledQuery<Row>);
  };
}

/**
 * `compute()`, or its earlier result while the database has not changed since: on SQLite until
 * any commit of any process (sqlite-reader.ts); on PostgreSQL while the database's snapshot, read
 * again with each use in a round trip on the listening connection that concurrent requests share,
 * shows no commit since it was computed (postgres-cache.ts). Inside a transaction it is computed
 * every time. For values derived only from the database and from what `key` names; the caller must
 * not change the value.
 */
export function rememberWhileUnchanged<T>(
  db: Kysely<DB>,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const reader = sqliteReaderOf(db);
  if (reader) return reader.remember(key, compute);
  if (db.isTransaction) return compute();
  const cache = postgresCacheOf(db);
  return cache ? cache.rememberWhileUnchanged(key, compute) : compute();
}

/**
 * `rememberWhileUnchanged` for values derived only from settings and menus (`settings_values`,
 * `menu_updates`), which are also kept on PostgreSQL: until a write of any process notifies a
 * change (`notifyCachedChange` in the writing transaction; see postgres-cache.ts). Inside a
 * transaction it is computed every time, so the transaction sees its own writes.
 */
export function rememberUntilNotified<T>(db: Kysely<DB>, key: string, compute: () => Promise<T>): Promise<T> {
  const reader = sqliteReaderOf(db);
  if (reader) return reader.remember(key, compute);
  if (db.isTransaction) return compute();
  const cache = postgresCacheOf(db);
  return cache ? cache.remember(key, compute) : compute();
}

/**
 * A credential's lookup (the session of a cookie, an API key, with the user's status, membership
 * and role permissions), or its earlier result while nothing it depends on has changed: on SQLite
 * until a trigger counts a change of those tables in the `credentials` generation (migration
 * 0027; a profile write does not), read again whenever the database changed; on PostgreSQL until a
 * trigger notifies a change of those tables, confirmed by a round trip on the listening connection
 * before each use. Either way a revocation through any process applies at once in every process
 * (see sqlite-reader.ts, postgres-cache.ts). Inside a transaction it is looked up every time. An
 * undefined result is never kept.
 */
export function rememberCredential<T>(
  db: Kysely<DB>,
  key: string,
  compute: () => Promise<T | undefined>,
): Promise<T | undefined> {
  const reader = sqliteReaderOf(db);
  if (reader) return reader.rememberInGeneration('credentials', key, compute);
  if (db.isTransaction) return compute();
  const cache = postgresCacheOf(db);
  return cache ? cache.rememberCredential(key, compute) : compute();
}

/**
 * A user's extras (what the users resource shows beyond the row: `loadUserExtras`), or their
 * earlier result while nothing they depend on changed: on SQLite until a trigger counts a change
 * of those tables in the `user_extras` generation (migration 0027), so a write of the user's row
 * (a profile change of names, phone, birthday) keeps them. Elsewhere (PostgreSQL, a transaction)
 * computed every time. `key` names everything else the value depends on.
 */
export function rememberUserExtras<T>(db: Kysely<DB>, key: string, compute: () => Promise<T>): Promise<T> {
  const reader = sqliteReaderOf(db);
  return reader ? reader.rememberInGeneration('user_extras', key, compute) : compute();
}

/**
 * A document about the signed-in user derived only from what `key` names and from their row,
 * memberships, roles, organizations and avatar (`GET /api/userprofile`), or its earlier result
 * while none of those changed: on SQLite until the database changes (as `rememberWhileUnchanged`);
 * on PostgreSQL while the user's row is the version it was computed from (its `xmin`, read again
 * with each use in a round trip on the listening connection that concurrent requests share) and
 * no trigger notified a change of the rest, which that same round trip confirms, so a change
 * through any process shows at once in every process (see postgres-cache.ts). The row is not
 * notified: a NOTIFY serializes the commits of every transaction that sends one, and every
 * profile write and sign-in writes the row.
 */
export function rememberUserDocument<T>(
  db: Kysely<DB>,
  document: { key: string; userId: string },
  compute: () => Promise<T>,
): Promise<T> {
  const reader = sqliteReaderOf(db);
  if (reader) return reader.remember(document.key, compute);
  if (db.isTransaction) return compute();
  const cache = postgresCacheOf(db);
  return cache ? cache.rememberUserDocument(document.key, document.userId, compute) : compute();
}

/**
 * A SELECT built per request whose SQL takes only a few shapes (a list's filters on or off, never
 * a list of values of varying length): on PostgreSQL, outside a transaction, run as a named
 * prepared statement (parsed and planned once per connection and shape, see openPostgresReader);
 * elsewhere through Kysely.
 */
export async function executeFewShapes<Row>(db: Kysely<DB>, query: Compilable<Row>): Promise<Row[]> {
  const compiled = query.compile();
  const postgres = db.isTransaction ? undefined : postgresReaderOf(db);
  if (postgres) return (await postgres.all(compiled.sql, compiled.parameters)) as Row[];
  return (await db.executeQuery(compiled)).rows;
}
