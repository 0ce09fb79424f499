import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Moves SQLite's WAL checkpoints off the event loop.
 *
 * In WAL mode every commit appends the pages it changed to the `-wal` file, and by default the
 * connection that commits copies the log back into the database file (and syncs it) each time
 * the log passes 1,000 pages: one request in a few hundred pays for all of them, on the event
 * loop, and every other request waits behind it. Profiling `PATCH /api/users/me` (issue 17) put
 * that copy at about half of the time its commit took.
 *
 * A checkpointer is a worker thread with a connection of its own that runs
 * `PRAGMA wal_checkpoint(PASSIVE)` every `intervalMs` (PASSIVE: it never waits for or blocks
 * the writer or readers; SQLite restarts the log at the next commit once all of it is copied).
 * The writing connection keeps a backstop, `wal_autocheckpoint` = BACKSTOP_PAGES, should the
 * thread ever fall behind.
 */
export type SqliteCheckpointer = {
  /** Stops the thread (after a last checkpoint). */
  close(): Promise<void>;
};

/** The writer's own checkpoint threshold while a checkpointer runs (pages of 4 KiB: 40 MiB). */
export const BACKSTOP_PAGES = 10_000;

/** How often the thread checkpoints. */
export const CHECKPOINT_INTERVAL_MS = 200;

// CommonJS, evaluated in the worker: a bundle (scripts/build-server.ts) has no file of its own
// to start a thread from. The driver's path comes from here, so it resolves the same package.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // SQLITE_BUSY or a locked file: the next round tries again; the writer has its backstop.
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

/**
 * Starts a checkpointer for the SQLite file `file` (in WAL mode, opened by the caller). The
 * thread does not keep the process alive. Throws what `new Worker` throws.
 */
export function startSqliteCheckpointer(
  file: string,
  intervalMs: number = CHECKPOINT_INTERVAL_MS,
): SqliteCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, intervalMs } });
  worker.unref();
  // An error in the thread (the file removed under it, say) leaves the writer's backstop.
  worker.on('error', () => {});
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async close() {
      // Unreferenced, the thread would not keep the process alive while it is awaited here: a
      // process whose last work is this close would end with the close unsettled (exit code 13).
      worker.ref();
      worker.postMessage('close');
      await exited;
    },
  };
}
