import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../../platform/db/columns';
import { sqliteReaderOf } from '../../platform/db/kysely';
import type { DB } from '../../platform/db/schema';

const ANY_STALE = 'select 1 as stale from user_search_stale limit 1';

/**
 * SQLite: brings the users' substring index (`user_search` and its FTS5 trigram table) up to date
 * with the users marked stale since (migration 0025), in one transaction, before a substring search
 * reads it. A no-op on PostgreSQL (its trigram indexes are on `users` itself) and when nothing is
 * stale: one read, served from the reader connection's cache until the database next changes.
 * Several processes (or requests) may refresh at once: SQLite runs their transactions one after the
 * other, and a later one finds nothing left. Inside a transaction it refreshes in that transaction.
 */
export async function refreshUserSearch(db: Kysely<DB>): Promise<void> {
  if (isPostgres(db)) return;
  const reader = db.isTransaction ? undefined : sqliteReaderOf(db);
  const stale = reader ? reader.all(ANY_STALE, []) : (await sql.raw(ANY_STALE).execute(db)).rows;
  if (stale.length === 0) return;
  if (db.isTransaction) return copyStaleUsers(db);
  await db.transaction().execute(copyStaleUsers);
}

/** Copies the stale users' folded columns into `user_search` (whose triggers re-index them) and unmarks them. */
async function copyStaleUsers(trx: Kysely<DB>): Promise<void> {
  await sql`
    update user_search
      set name = users.first_name_folded || ' ' || users.last_name_folded,
          username = users.username_folded,
          email = users.email_folded
      from users
      where users.id = user_search.user_id
        and user_search.user_id in (select user_id from user_search_stale)`.execute(trx);
  await sql`delete from user_search_stale`.execute(trx);
}
