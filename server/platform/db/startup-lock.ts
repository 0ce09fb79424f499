import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import type { Config } from '../config';
import type { Database } from './kysely';

/** How long a process waits for another one's start-up work before giving up (ms). */
const WAIT_LIMIT_MS = 5 * 60_000;
/** SQLite: how often a waiting process tries the lock again (ms). */
const RETRY_MS = 25;

/**
 * Runs `work` (migrations, the first organization and administrator, any seeding) while holding a
 * lock that every Atrium process starting on the same database takes first, so that when several
 * start at once one does the work and the others wait, then find it done and start normally.
 *
 * - PostgreSQL: a session-level advisory lock (`pg_advisory_lock`) on one reserved connection of
 *   the pool, keyed by the schema in use (`current_schema()`), so that separate schemas of one
 *   database (the tests use one each) do not wait for each other. `work` runs on the pool; the
 *   lock ends with the connection if the process dies.
 * - SQLite: an exclusive transaction (`BEGIN EXCLUSIVE`) on a small lock file beside the database
 *   (`<file>-startup-lock`), a file lock the operating system releases if the process dies. It is
 *   not the database file itself, whose writer lock `work`'s own transactions need. The attempt is
 *   repeated asynchronously (never a blocking busy wait), so several connections of one process
 *   can also take turns. An in-memory database belongs to one connection: nothing to lock.
 *
 * Throws what `work` throws (the lock is released first), or an Error after 5 minutes of waiting.
 */
export async function withStartupLock<T>(
  database: Pick<Database, 'db' | 'dialect'>,
  config: Pick<Config, 'database'>,
  work: () => Promise<T>,
): Promise<T> {
  if (database.dialect === 'postgres') {
    return database.db.connection().execute(async (connection) => {
      const key = sql`hashtext(${'atrium.startup:'} || current_schema())`;
      await sql`select pg_advisory_lock(${key})`.execute(connection);
      try {
        return await work();
      } finally {
        await sql`select pg_advisory_unlock(${key})`.execute(connection);
      }
    });
  }
  if (config.database.kind !== 'sqlite' || config.database.file === ':memory:') return work();
  const lock = new SqliteDatabase(`${config.database.file}-startup-lock`);
  try {
    lock.pragma('busy_timeout = 0');
    const deadline = Date.now() + WAIT_LIMIT_MS;
    for (;;) {
      try {
        lock.exec('BEGIN EXCLUSIVE');
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
    try {
      return await work();
    } finally {
      lock.exec('ROLLBACK');
    }
  } finally {
    lock.close();
  }
}
