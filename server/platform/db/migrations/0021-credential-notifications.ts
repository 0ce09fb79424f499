import { sql } from 'kysely';
import { isPostgres, type MigrationDb } from '../columns';

/**
 * PostgreSQL: every change that can end or narrow a credential notifies `atrium_credentials` (see
 * postgres-cache.ts, `rememberCredential`), from triggers, so no write path (API, CLI, a later
 * feature, an administrator's SQL) can forget it. Statement-level: one notification per statement
 * (PostgreSQL folds equal ones of a transaction into one, sent on commit, none on rollback). The
 * payload is the schema of the table. What changes on every request (a session's last use, a
 * key's last use) is left out, so those writes do not empty every process's cache.
 * SQLite (one process) needs none of it.
 */
const TRIGGERS: { table: string; events: string }[] = [
  {
    table: 'sessions',
    events: 'UPDATE OF token_hash, user_id, organization_id, created_at, expires_at OR DELETE',
  },
  { table: 'api_keys', events: 'UPDATE OF key_hash, user_id, organization_id OR DELETE' },
  {
    table: 'users',
    events: 'UPDATE OF status, must_change_password, is_instance_administrator, password_hash OR DELETE',
  },
  { table: 'memberships', events: 'INSERT OR UPDATE OR DELETE' },
  { table: 'membership_roles', events: 'INSERT OR UPDATE OR DELETE' },
  { table: 'roles', events: 'INSERT OR UPDATE OR DELETE' },
];

export async function up(db: MigrationDb): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`
    CREATE FUNCTION atrium_credentials_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('atrium_credentials', TG_TABLE_SCHEMA);
      RETURN NULL;
    END
    $$`.execute(db);
  for (const { table, events } of TRIGGERS) {
    await sql
      .raw(
        `CREATE TRIGGER ${table}_credentials_changed AFTER ${events} ON ${table} ` +
          'FOR EACH STATEMENT EXECUTE FUNCTION atrium_credentials_changed()',
      )
      .execute(db);
  }
}
