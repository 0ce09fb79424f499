import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SelectQueryNode,
  SqliteDialect,
} from 'kysely';

/** The statements of the writing connection, as kysely.ts's `withSqliteConventions` prepares them. */
export type SqliteStatements = {
  prepare(sql: string): {
    reader: boolean;
    all(params: readonly unknown[]): unknown[];
    run(params: readonly unknown[]): { changes: number; lastInsertRowid: number | bigint };
    iterate(params: readonly unknown[]): IterableIterator<unknown>;
  };
  /** Whether the connection is inside a transaction (better-sqlite3's `inTransaction`). */
  inTransaction(): boolean;
  close(): void;
};

/** Transactions committed together at most: a bound on how long the write lock is held. */
export const MAX_GROUP_SIZE = 64;

/**
 * SQLite through Kysely with group commit: the transactions that follow one another on the one
 * connection within a turn of the event loop share one SQLite transaction, each inside a
 * savepoint of its own, and one COMMIT. A commit writes every page a transaction changed to the
 * WAL (a PATCH of a profile changes about ten: the row, its indexes, the audit row and its
 * indexes), so concurrent writes of the same tables share most of those pages and the system
 * calls that write them.
 *
 * Nothing is acknowledged before it is committed: `db.transaction().execute()` resolves only
 * after the COMMIT that contains it (it waits in `releaseConnection`, after handing the
 * connection to the next transaction). So the README's promise holds as before: a change
 * answered is in the WAL and survives kill -9 (synchronous = NORMAL; on power loss the last
 * commits before the last checkpoint's sync may be lost, as before).
 *
 * - A transaction that fails rolls back to its savepoint: the others of its group are unaffected.
 *   Should SQLite have rolled back the whole transaction (an I/O error, a full disk), or the
 *   COMMIT fail, every transaction of the group fails with that error; none was acknowledged.
 * - A statement outside a transaction (Kysely's plain queries, `db.connection()`) first commits
 *   the open group: it never sees, nor acknowledges beside, what is not yet committed.
 * - The group commits when the connection is left idle, at the end of the event loop's turn
 *   (`setImmediate`: requests that arrived in the same turn join it), after MAX_GROUP_SIZE
 *   transactions, and before the database closes. Other processes wait for the write lock
 *   (busy_timeout) as they did for one transaction.
 */
export class GroupCommitSqliteDialect extends SqliteDialect {
  readonly #statements: SqliteStatements;

  constructor(statements: SqliteStatements) {
    super({ database: statements as never });
    this.#statements = statements;
  }

  override createDriver(): Driver {
    return new GroupCommitDriver(this.#statements);
  }
}

type Group = {
  size: number;
  committed: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
};

const SAVEPOINT = 'atrium_transaction';

class GroupCommitDriver implements Driver {
  readonly #statements: SqliteStatements;
  readonly #connection: DatabaseConnection;
  #locked = false;
  readonly #waiters: (() => void)[] = [];
  /** The SQLite transaction open on the connection, shared by the transactions committed so far. */
  #group: Group | undefined;
  /** A Kysely transaction is running on the connection (inside its savepoint). */
  #inTransaction = false;
  /** The group the connection's holder committed into, to wait for on release. */
  #committedInto: Group | undefined;
  #commitScheduled = false;

  constructor(statements: SqliteStatements) {
    this.#statements = statements;
    this.#connection = {
      executeQuery: async <R>(compiled: CompiledQuery): Promise<QueryResult<R>> => {
        if (!this.#inTransaction) this.#commitGroup();
        return this.#execute(compiled.sql, compiled.parameters) as QueryResult<R>;
      },
      streamQuery: <R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> => {
        if (!SelectQueryNode.is(compiled.query)) {
          throw new Error('Sqlite driver only supports streaming of select queries');
        }
        return this.#stream<R>(compiled);
      },
    };
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.#locked) await new Promise<void>((resolve) => this.#waiters.push(resolve));
    else this.#locked = true;
    return this.#connection;
  }

  async beginTransaction(): Promise<void> {
    if (!this.#group) {
      this.#run('begin immediate');
      let resolve = () => {};
      let reject: (error: unknown) => void = () => {};
      const committed = new Promise<void>((done, fail) => {
        resolve = done;
        reject = fail;
      });
      // Awaited by the group's transactions; a group whose transactions all rolled back has none.
      committed.catch(() => {});
      this.#group = { size: 0, committed, resolve, reject };
    }
    this.#run(`savepoint ${SAVEPOINT}`);
    this.#group.size++;
    this.#inTransaction = true;
  }

  async commitTransaction(): Promise<void> {
    this.#run(`release savepoint ${SAVEPOINT}`);
    this.#inTransaction = false;
    this.#committedInto = this.#group;
  }

  async rollbackTransaction(): Promise<void> {
    this.#inTransaction = false;
    try {
      this.#run(`rollback to savepoint ${SAVEPOINT}`);
      this.#run(`release savepoint ${SAVEPOINT}`);
    } catch (error) {
      // SQLite rolled the whole transaction back already: the group is lost with it.
      this.#failGroup(error);
      return;
    }
    if (!this.#statements.inTransaction()) this.#failGroup(new Error('SQLite rolled the transaction back'));
  }

  async savepoint(_connection: DatabaseConnection, name: string): Promise<void> {
    this.#run(`savepoint ${quote(name)}`);
  }

  async rollbackToSavepoint(_connection: DatabaseConnection, name: string): Promise<void> {
    this.#run(`rollback to savepoint ${quote(name)}`);
  }

  async releaseSavepoint(_connection: DatabaseConnection, name: string): Promise<void> {
    this.#run(`release savepoint ${quote(name)}`);
  }

  async releaseConnection(): Promise<void> {
    const committedInto = this.#committedInto;
    this.#committedInto = undefined;
    if (this.#inTransaction) {
      // Released inside a transaction (Kysely never does): nothing of it may stay open.
      this.#inTransaction = false;
      this.#failGroup(new Error('connection released inside a transaction'));
    }
    if (this.#group && this.#group.size >= MAX_GROUP_SIZE) this.#commitGroup();
    const next = this.#waiters.shift();
    if (next) next();
    else {
      this.#locked = false;
      if (this.#group) this.#scheduleCommit();
    }
    if (committedInto) await committedInto.committed;
  }

  async destroy(): Promise<void> {
    this.#commitGroup();
    this.#statements.close();
  }

  #scheduleCommit(): void {
    if (this.#commitScheduled) return;
    this.#commitScheduled = true;
    setImmediate(() => {
      this.#commitScheduled = false;
      // Held meanwhile: its holder commits or schedules again when it lets go.
      if (!this.#locked) this.#commitGroup();
    });
  }

  #commitGroup(): void {
    const group = this.#group;
    if (!group) return;
    this.#group = undefined;
    try {
      this.#run('commit');
    } catch (error) {
      this.#rollbackAll();
      group.reject(error);
      return;
    }
    group.resolve();
  }

  #failGroup(error: unknown): void {
    const group = this.#group;
    this.#group = undefined;
    this.#rollbackAll();
    group?.reject(error);
  }

  #rollbackAll(): void {
    if (!this.#statements.inTransaction()) return;
    try {
      this.#run('rollback');
    } catch {
      // Nothing left to roll back.
    }
  }

  #run(sql: string): void {
    this.#statements.prepare(sql).run([]);
  }

  #execute(sql: string, parameters: readonly unknown[]): QueryResult<unknown> {
    const statement = this.#statements.prepare(sql);
    if (statement.reader) return { rows: statement.all(parameters) };
    const { changes, lastInsertRowid } = statement.run(parameters);
    return {
      numAffectedRows: changes !== undefined && changes !== null ? BigInt(changes) : undefined,
      insertId:
        lastInsertRowid !== undefined && lastInsertRowid !== null ? BigInt(lastInsertRowid) : undefined,
      rows: [],
    };
  }

  async *#stream<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!this.#inTransaction) this.#commitGroup();
    for (const row of this.#statements.prepare(compiled.sql).iterate(compiled.parameters)) {
      yield { rows: [row as R] };
    }
  }
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
