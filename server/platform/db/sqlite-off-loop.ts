import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import { foldCase } from '../text/case-fold';
import { BOOLEAN_COLUMN } from './sqlite-reader';

/**
 * Costly reads of an SQLite database on a worker thread with a read-only connection of its own,
 * so the event loop stays free for everyone else while they run (issue 18).
 *
 * better-sqlite3 is synchronous: a query runs on the thread that calls it. An exact count over a
 * large organization, or a substring too short for the trigram index, takes hundreds of
 * milliseconds, during which every other request of the process waited. Here the compiled SQL
 * goes to the thread, which runs it and posts the rows back; the event loop only waits for a
 * message. The thread reads in WAL mode, so it never blocks the writer, and each statement sees
 * the latest committed data: what this process committed before sending the query (group commit
 * acknowledges a transaction only after its COMMIT) and what other processes committed.
 *
 * Statements run one after another on the one thread: costly reads queue behind each other, not
 * in front of the cheap ones. SELECT only; no transactions.
 */
export type OffLoopDialect = Dialect & {
  /** Stops the thread, if it was started (it starts with the first query). */
  close(): Promise<void>;
};

// CommonJS, evaluated in the worker: a bundle (scripts/build-server.ts) has no file of its own to
// start a thread from. `fold_case` is the same function as the main connection's (sqlite-functions.ts).
const WORKER_SOURCE = (foldCaseSource: string) => `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('query_only = ON');
db.pragma('busy_timeout = 5000');
const foldCase = ${foldCaseSource};
db.function('fold_case', { deterministic: true }, (value) => (typeof value === 'string' ? foldCase(value) : value));
const statements = new Map();
const prepare = (sql) => {
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    if (!statement.reader) throw new Error('The off-loop reader runs SELECT statements only.');
    if (statements.size >= 200) statements.delete(statements.keys().next().value);
    statements.set(sql, statement);
  }
  return statement;
};
parentPort.on('message', ({ id, sql, parameters }) => {
  try {
    parentPort.postMessage({ id, rows: prepare(sql).all(parameters) });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;

type Pending = { resolve(rows: Record<string, unknown>[]): void; reject(error: Error): void };
type Reply = { id: number; rows?: Record<string, unknown>[]; error?: { message: string; code?: string } };

/** A Kysely dialect whose queries run on a worker thread's read-only connection to `file`. */
export function offLoopSqliteDialect(file: string): OffLoopDialect {
  let worker: Worker | undefined;
  const pending = new Map<number, Pending>();
  let nextId = 0;
  const settle = (reply: Reply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    // The thread keeps the process alive only while a query waits for it.
    if (pending.size === 0) worker?.unref();
    if (!waiting) return;
    if (reply.error) {
      waiting.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
    } else {
      waiting.resolve(withBooleans(reply.rows ?? []));
    }
  };
  const failAll = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
    worker = undefined;
  };
  const start = (): Worker => {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const started = new Worker(WORKER_SOURCE(foldCase.toString()), {
      eval: true,
      workerData: { file, driver },
    });
    started.on('message', settle);
    started.on('error', failAll);
    started.on('exit', () => failAll(new Error('The off-loop SQLite reader stopped.')));
    return started;
  };
  const run = (sql: string, parameters: readonly unknown[]) =>
    new Promise<Record<string, unknown>[]>((resolve, reject) => {
      worker ??= start();
      const id = nextId++;
      pending.set(id, { resolve, reject });
      if (pending.size === 1) worker.ref();
      const bound = parameters.map((value) => (typeof value === 'boolean' ? (value ? 1 : 0) : value));
      worker.postMessage({ id, sql, parameters: bound });
    });
  const connection: DatabaseConnection = {
    async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
      return { rows: (await run(compiled.sql, compiled.parameters)) as R[] };
    },
    // biome-ignore lint/correctness/useYield: streaming is refused, not implemented
    async *streamQuery() {
      throw new Error('The off-loop SQLite reader does not stream.');
    },
  };
  const driver: Driver = {
    async init() {},
    async acquireConnection() {
      return connection;
    },
    async beginTransaction() {
      throw new Error('The off-loop SQLite reader runs no transactions.');
    },
    async commitTransaction() {},
    async rollbackTransaction() {},
    async releaseConnection() {},
    async destroy() {},
  };
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => driver,
    createQueryCompiler: () => new SqliteQueryCompiler(),
    createIntrospector: (db: Kysely<unknown>) => new SqliteIntrospector(db),
    async close() {
      const running = worker;
      worker = undefined;
      if (running) await running.terminate();
    },
  };
}

/** SQLite stores booleans as 0/1: the columns named as booleans (schema.ts's convention) become booleans. */
function withBooleans(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  const first = rows[0];
  if (!first) return rows;
  const booleans = Object.keys(first).filter((column) => BOOLEAN_COLUMN.test(column));
  if (booleans.length === 0) return rows;
  for (const row of rows) {
    for (const column of booleans) if (typeof row[column] === 'number') row[column] = row[column] === 1;
  }
  return rows;
}
