import { ensureFirstAdministrator } from './features/users/bootstrap';
import type { Config } from './platform/config';
import type { Database } from './platform/db/kysely';
import { migrateToLatest } from './platform/db/migrate';
import { withStartupLock } from './platform/db/startup-lock';
import type { Deps } from './platform/deps';

/**
 * The start-up work on the database, done once however many processes start together: under the
 * start-up lock (platform/db/startup-lock.ts) the schema is brought up to date and, on a new
 * database, the first organization and administrator are created (features/users/bootstrap.ts).
 * A process that waited finds both done and goes on. Returns the migrations this process applied
 * and whether it created the administrator; throws what either step throws.
 */
export async function prepareDatabase(
  database: Pick<Database, 'db' | 'dialect' | 'schema'>,
  deps: Pick<Deps, 'clock' | 'hasher'> & { config: Config },
  print: (line: string) => void,
): Promise<{ applied: string[]; administratorCreated: boolean }> {
  return withStartupLock(database, deps.config, async () => {
    const applied = await migrateToLatest(database.db, database.schema ? { schema: database.schema } : {});
    const { created } = await ensureFirstAdministrator({ ...deps, db: database.db }, print);
    return { applied, administratorCreated: created };
  });
}
