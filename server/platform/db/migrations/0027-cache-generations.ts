import { sql } from 'kysely';
import { isPostgres, type MigrationDb } from '../columns';

/**
 * SQLite: named generations of what the reader keeps (sqlite-reader.ts). Until now every commit of
 * any process emptied all it kept (`PRAGMA data_version` moves with any commit), so each profile
 * write cost the next request its credential lookup and the profile's extras (issue 17). Now the
 * triggers below count, in `cache_generations`, every change that can alter a kept credential or
 * a user's extras, in the writing transaction itself, so no write path (API, CLI, a later feature,
 * an administrator's SQL) can forget it. When the data changed, the reader reads the counters and
 * keeps what a generation guards while that generation is unchanged: a profile write keeps the
 * credentials and the extras, a revocation by any process still applies to the next request.
 *
 * - `credentials`: the tables and columns of PostgreSQL's `atrium_credentials` notification
 *   (migration 0021); a session's or key's last use is left out (written every minute).
 * - `user_extras`: what `loadUserExtras` (users/profile-store.ts) reads besides the row: additional
 *   emails, custom field values and definitions, memberships and their roles, avatars.
 *
 * PostgreSQL keeps its credentials by notification and needs none of it.
 */
export const CACHE_GENERATION_TRIGGERS: Record<string, { table: string; events: string[] }[]> = {
  credentials: [
    {
      table: 'sessions',
      events: ['update of token_hash, user_id, organization_id, created_at, expires_at', 'delete'],
    },
    { table: 'api_keys', events: ['update of key_hash, user_id, organization_id', 'delete'] },
    {
      table: 'users',
      events: ['update of status, must_change_password, is_instance_administrator, password_hash', 'delete'],
    },
    { table: 'memberships', events: ['insert', 'update', 'delete'] },
    { table: 'membership_roles', events: ['insert', 'update', 'delete'] },
    { table: 'roles', events: ['insert', 'update', 'delete'] },
  ],
  user_extras: [
    'user_emails',
    'custom_field_values',
    'custom_field_definitions',
    'memberships',
    'membership_roles',
    'roles',
    'avatars',
  ].map((table) => ({ table, events: ['insert', 'update', 'delete'] })),
};

/** The name of the trigger counting `event` of `table` in `generation`. */
export function cacheGenerationTrigger(generation: string, table: string, event: string): string {
  return `${table}_${event.split(' ')[0]}_${generation}`;
}

export async function up(db: MigrationDb): Promise<void> {
  if (isPostgres(db)) return;
  await sql`create table cache_generations (
    name text not null primary key,
    generation integer not null default 0
  ) without rowid`.execute(db);
  for (const [generation, triggers] of Object.entries(CACHE_GENERATION_TRIGGERS)) {
    await sql`insert into cache_generations (name) values (${generation})`.execute(db);
    for (const { table, events } of triggers) {
      for (const event of events) {
        await sql
          .raw(
            `create trigger ${cacheGenerationTrigger(generation, table, event)} after ${event} on ${table} ` +
              `begin update cache_generations set generation = generation + 1 where name = '${generation}'; end`,
          )
          .execute(db);
      }
    }
  }
}
