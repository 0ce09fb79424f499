import { sql } from 'kysely';
import { isPostgres, type MigrationDb } from '../columns';

/**
 * PostgreSQL: writes to `users` no longer notify `atrium_user_documents` (migration 0024). A NOTIFY
 * takes, at commit, a lock that serializes every notifying transaction with its WAL flush, and
 * every profile write and sign-in writes the row: 50 concurrent `PATCH /api/users/me` committed one
 * at a time (88 requests/s, p50 480 ms). A kept user document is checked instead against its row's
 * version, read on each use (postgres-cache.ts, `rememberUserDocument`). Organizations and avatars
 * still notify; the credential columns of `users` still notify `atrium_credentials` (0021).
 */
export async function up(db: MigrationDb): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`DROP TRIGGER users_user_documents_changed ON users`.execute(db);
}
