import { sql } from 'kysely';
import { isPostgres, type MigrationDb } from '../columns';

/**
 * PostgreSQL: every change to what the signed-in user's profile shows beyond their credential (any
 * column of their row, an organization's name, an avatar) notifies `atrium_user_documents`, from
 * triggers, so no write path can forget it (see postgres-cache.ts, `rememberUserDocument`;
 * memberships and roles already notify `atrium_credentials`, which empties the documents too).
 * Statement-level, as migration 0021: one notification per statement and transaction, on commit.
 * No table written on every request is among them (a session's or key's last use is elsewhere).
 * SQLite (one process) needs none of it.
 */
const TRIGGERS: { table: string; events: string }[] = [
  { table: 'users', events: 'UPDATE OR DELETE' },
  { table: 'organizations', events: 'UPDATE OR DELETE' },
  { table: 'avatars', events: 'INSERT OR UPDATE OR DELETE' },
];

export async function up(db: MigrationDb): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`
    CREATE FUNCTION atrium_user_documents_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('atrium_user_documents', TG_TABLE_SCHEMA);
      RETURN NULL;
    END
    $$`.execute(db);
  for (const { table, events } of TRIGGERS) {
    await sql
      .raw(
        `CREATE TRIGGER ${table}_user_documents_changed AFTER ${events} ON ${table} ` +
          'FOR EACH STATEMENT EXECUTE FUNCTION atrium_user_documents_changed()',
      )
      .execute(db);
  }
}
