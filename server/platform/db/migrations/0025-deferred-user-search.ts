import { sql } from 'kysely';
import { isPostgres, type MigrationDb } from '../columns';

/**
 * SQLite: a change of a user's name, username or email no longer rewrites the FTS5 trigram index
 * (`user_search_fts`, migration 0008) in the writing transaction. It marks the user in
 * `user_search_stale`, and the index catches up in one batch before the next substring search
 * reads it (`refreshUserSearch`, server/features/users/search-store.ts), as PostgreSQL's GIN
 * indexes keep a pending list (`fastupdate`) for the same reason. Re-indexing one user's three
 * columns deleted and inserted about a hundred trigrams and wrote a new FTS5 segment at every
 * commit, merged later: most of a profile write's cost (issue 17). A search still sees every
 * committed change, of any process, since it refreshes first.
 *
 * `user_search` keeps holding exactly what the index holds (its triggers keep the two in step);
 * only its copy from `users` waits. A new user is still copied at once (insert trigger unchanged).
 * PostgreSQL needs none of it.
 */
export async function up(db: MigrationDb): Promise<void> {
  if (isPostgres(db)) return;
  const statements = [
    'create table user_search_stale (user_id text not null primary key) without rowid',
    'drop trigger users_search_au',
    `create trigger users_search_au
      after update of first_name_folded, last_name_folded, username_folded, email_folded on users
      when old.first_name_folded is not new.first_name_folded
        or old.last_name_folded is not new.last_name_folded
        or old.username_folded is not new.username_folded
        or old.email_folded is not new.email_folded
      begin
        insert or ignore into user_search_stale(user_id) values (new.id);
      end`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
