import { type Clock, systemClock } from '../platform/clock';
import { type Config, loadConfig } from '../platform/config';
import { type Database, openDatabase } from '../platform/db/kysely';
import { migrateToLatest } from '../platform/db/migrate';
import { withStartupLock } from '../platform/db/startup-lock';
import { createPasswordHasher, type PasswordHasher } from '../platform/hashing';

/** How a command talks to the person at the shell (injected, so tests can run commands in-process). */
export type CliIo = {
  out(line: string): void;
  err(line: string): void;
  /** All of standard input (for `--password-stdin`). */
  readStdin(): Promise<string>;
};

/** What commands are built from: the configuration, the database, a clock and the hasher. */
export type CliContext = {
  config: Config;
  database: Database;
  clock: Clock;
  hasher: PasswordHasher;
};

export type CliOptions = {
  env?: Record<string, string | undefined>;
  /** Replaces the configured database (tests: the PostgreSQL schema of the test). */
  database?: Database;
  clock?: Clock;
  /** Bring the schema up to date before the command (default true). */
  migrate?: boolean;
};

/**
 * Opens what a command needs. Like the server, the CLI brings the schema up to date first, so
 * `npx atrium user:create` works on a fresh install before the first start.
 */
export async function openCliContext(
  options: CliOptions = {},
): Promise<CliContext & { close(): Promise<void> }> {
  const config = loadConfig(options.env ?? process.env);
  const database = options.database ?? openDatabase(config);
  if (options.migrate !== false) await migrateUnderLock({ config, database });
  return {
    config,
    database,
    clock: options.clock ?? systemClock,
    hasher: createPasswordHasher({ concurrency: 1 }),
    // A database handed in belongs to the caller.
    close: options.database ? async () => {} : () => database.close(),
  };
}

/**
 * Brings the schema up to date under the start-up lock that servers take (a server may be
 * starting on the same database at this moment). Returns the names of the migrations applied.
 */
export async function migrateUnderLock(context: Pick<CliContext, 'config' | 'database'>): Promise<string[]> {
  const { database } = context;
  return withStartupLock(database, context.config, () =>
    migrateToLatest(database.db, database.schema ? { schema: database.schema } : {}),
  );
}

/** A problem the person at the shell can fix: printed without a stack, exit status 1 (or `exitCode`). */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
