import { sql } from 'kysely';
import { foldCase } from '../../text/case-fold';
import { isPostgres, type MigrationDb } from '../columns';

/**
 * Lists at scale (issue 18):
 * - folded copies of the searchable user columns (`foldCase`, filled by the users store), so
 *   case-insensitive filters fold all of Unicode the same way on both databases, and the name
 *   sorts agree on both;
 * - an index behind every sort of every list, ending in `id` (the tiebreak), led by the column
 *   that scopes the list (organization, user) where the list's own table has it;
 * - substring search: pg_trgm GIN indexes on PostgreSQL, an FTS5 trigram index on SQLite;
 * - `fold_case(text)` on PostgreSQL for the columns without a folded copy (SQLite registers its
 *   own, the JavaScript `foldCase`, on every connection: see db/kysely.ts).
 */
export async function up(db: MigrationDb): Promise<void> {
  const pg = isPostgres(db);
  for (const column of ['first_name_folded', 'last_name_folded', 'username_folded', 'email_folded']) {
    await db.schema
      .alterTable('users')
      .addColumn(column, 'text', (col) => col.notNull().defaultTo(''))
      .execute();
  }
  await backfillFoldedColumns(db);

  const indexes: [name: string, table: string, columns: string[]][] = [
    ['users_first_name_folded_id', 'users', ['first_name_folded', 'id']],
    ['users_last_name_folded_id', 'users', ['last_name_folded', 'id']],
    ['users_username_normalized_id', 'users', ['username_normalized', 'id']],
    ['users_email_normalized_id', 'users', ['email_normalized', 'id']],
    ['users_created_at_id', 'users', ['created_at', 'id']],
    ['users_last_sign_in_at_id', 'users', ['last_sign_in_at', 'id']],
    ['memberships_organization_user', 'memberships', ['organization_id', 'user_id']],
    ['roles_organization_created_at_id', 'roles', ['organization_id', 'created_at', 'id']],
    ['roles_organization_updated_at_id', 'roles', ['organization_id', 'updated_at', 'id']],
    ['roles_organization_name_id', 'roles', ['organization_id', 'name', 'id']],
    ['sessions_user_last_seen_at_id', 'sessions', ['user_id', 'last_seen_at', 'id']],
    ['sessions_user_created_at_id', 'sessions', ['user_id', 'created_at', 'id']],
    ['sessions_user_expires_at_id', 'sessions', ['user_id', 'expires_at', 'id']],
    ['organizations_created_at_id', 'organizations', ['created_at', 'id']],
    ['organizations_name_normalized_id', 'organizations', ['name_normalized', 'id']],
  ];
  for (const column of [
    'created_at',
    'sent_at',
    'next_attempt_at',
    'status',
    'attempts',
    'to_address',
    'subject',
  ]) {
    indexes.push([`mail_outbox_organization_${column}_id`, 'mail_outbox', ['organization_id', column, 'id']]);
  }
  for (const [name, table, columns] of indexes) {
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  }

  if (pg) {
    await createPostgresSearch(db);
  } else {
    await createSqliteSearch(db);
  }
}

const BACKFILL_BATCH = 1_000;

/** Folds the names of existing users in batches of BACKFILL_BATCH, in id order. */
async function backfillFoldedColumns(db: MigrationDb): Promise<void> {
  let after = '';
  for (;;) {
    const rows: { id: string; first_name: string; last_name: string; username: string; email: string }[] =
      await db
        .selectFrom('users')
        .select(['id', 'first_name', 'last_name', 'username', 'email'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(BACKFILL_BATCH)
        .execute();
    for (const row of rows) {
      await db
        .updateTable('users')
        .set({
          first_name_folded: foldCase(row.first_name),
          last_name_folded: foldCase(row.last_name),
          username_folded: foldCase(row.username),
          email_folded: foldCase(row.email),
        })
        .where('id', '=', row.id)
        .execute();
    }
    const last = rows.at(-1);
    if (!last || rows.length < BACKFILL_BATCH) return;
    after = last.id;
  }
}

/**
 * pg_trgm (a trusted extension since PostgreSQL 13: the database owner may create it) lives in
 * `public`, not in the schema being migrated, so dropping one schema never drops the extension
 * under another's indexes; its operator class is named with that schema.
 */
async function createPostgresSearch(db: MigrationDb): Promise<void> {
  await sql`create extension if not exists pg_trgm with schema public`.execute(db);
  const { rows } = await sql<{ schema: string }>`
    select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace
    where e.extname = 'pg_trgm'`.execute(db);
  const opclass = sql.raw(`${quoteIdentifier(rows[0]?.schema ?? 'public')}.gin_trgm_ops`);
  await sql`create index users_name_folded_trgm on users
    using gin ((first_name_folded || ' ' || last_name_folded) ${opclass})`.execute(db);
  await sql`create index users_username_folded_trgm on users using gin (username_folded ${opclass})`.execute(
    db,
  );
  await sql`create index users_email_folded_trgm on users using gin (email_folded ${opclass})`.execute(db);
  // The same folding as foldCase for the columns without a folded copy, as far as PostgreSQL's
  // own case mapping goes (one character to one; ß → ss and the final sigma by hand).
  await sql`create function fold_case(value text) returns text language sql immutable strict parallel safe
    as $$ select replace(replace(lower(upper(normalize(value, NFKC))), 'ß', 'ss'), 'ς', 'σ') $$`.execute(db);
}

/**
 * FTS5 with the trigram tokenizer over a copy of the folded columns. The copy (`user_search`) has
 * an INTEGER PRIMARY KEY, a rowid VACUUM keeps (users' own rowid is not stable), and triggers
 * keep it and the index in step with `users`. Case-sensitive: the text is folded already.
 */
async function createSqliteSearch(db: MigrationDb): Promise<void> {
  const statements = [
    `create table user_search (
      id integer primary key,
      user_id text not null unique references users(id) on delete cascade,
      name text not null,
      username text not null,
      email text not null
    )`,
    `create virtual table user_search_fts using fts5(
      name, username, email, content='user_search', content_rowid='id', tokenize='trigram case_sensitive 1'
    )`,
    `create trigger user_search_ai after insert on user_search begin
      insert into user_search_fts(rowid, name, username, email) values (new.id, new.name, new.username, new.email);
    end`,
    `create trigger user_search_ad after delete on user_search begin
      insert into user_search_fts(user_search_fts, rowid, name, username, email)
        values ('delete', old.id, old.name, old.username, old.email);
    end`,
    `create trigger user_search_au after update on user_search begin
      insert into user_search_fts(user_search_fts, rowid, name, username, email)
        values ('delete', old.id, old.name, old.username, old.email);
      insert into user_search_fts(rowid, name, username, email) values (new.id, new.name, new.username, new.email);
    end`,
    `create trigger users_search_ai after insert on users begin
      insert into user_search(user_id, name, username, email)
        values (new.id, new.first_name_folded || ' ' || new.last_name_folded, new.username_folded, new.email_folded);
    end`,
    `create trigger users_search_au
      after update of first_name_folded, last_name_folded, username_folded, email_folded on users begin
      update user_search
        set name = new.first_name_folded || ' ' || new.last_name_folded,
            username = new.username_folded, email = new.email_folded
        where user_id = new.id;
    end`,
    `insert into user_search(user_id, name, username, email)
      select id, first_name_folded || ' ' || last_name_folded, username_folded, email_folded from users`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
