import { sql } from 'kysely';
import { isPostgres, type MigrationDb } from '../columns';

/**
 * Exact counts of the Audit Log by day (issue 18, `X-Include: totalCount`): how many events each
 * organization's log shows per UTC day and action, kept by triggers whatever code writes, so a
 * count over a date range adds up its whole days here and counts only its two edge days' events
 * (audit/store.ts). Counting the events themselves read every one in the range: half of
 * 1,000,000 took 256 ms on SQLite and 275 ms on PostgreSQL, most of it probing each account-level
 * event's subject for membership.
 *
 * An organization's log is its own events and the account-level events (no organization: failed
 * sign-ins, lockouts) of its current members, so the counts follow both:
 * - an event written, deleted or changed counts for its organization, or for every organization
 *   its subject is a member of;
 * - a membership added or removed (a user deleted removes theirs) adds or takes away its user's
 *   account-level events, day by day.
 *
 * `shard`: on PostgreSQL each connection adds to a row of its own (`pg_backend_pid() % 64`), so
 * concurrent writers of the same day and action (every profile save writes an event) do not wait
 * for each other's commit on one counter row; a count sums the shards. SQLite has one writer:
 * always 0. A shard may go below zero (a deletion counted elsewhere); only the sum means anything.
 */
export async function up(db: MigrationDb): Promise<void> {
  const pg = isPostgres(db);
  await db.schema
    .createTable('audit_event_day_counts')
    .addColumn('organization_id', 'text', (col) => col.notNull())
    .addColumn('day', pg ? 'timestamptz' : 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('shard', 'integer', (col) => col.notNull())
    .addColumn('count', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('audit_event_day_counts_pk', ['organization_id', 'day', 'action', 'shard'])
    .execute();
  const day = (column: string) =>
    pg ? `date_trunc('day', ${column}, 'UTC')` : `substr(${column}, 1, 10) || 'T00:00:00.000Z'`;
  await sql
    .raw(`insert into audit_event_day_counts (organization_id, day, action, shard, count)
      select organization_id, day, action, 0, sum(n) from (
        select organization_id, ${day('occurred_at')} as day, action, count(*) as n
          from audit_events where organization_id is not null group by 1, 2, 3
        union all
        select m.organization_id, ${day('e.occurred_at')}, e.action, count(*)
          from audit_events e join memberships m on m.user_id = e.subject_user_id
          where e.organization_id is null group by 1, 2, 3
      ) counted group by 1, 2, 3`)
    .execute(db);
  for (const statement of pg ? postgresTriggers(day) : sqliteTriggers(day)) {
    await sql.raw(statement).execute(db);
  }
}

const UPSERT = `on conflict (organization_id, day, action, shard)
  do update set count = audit_event_day_counts.count + excluded.count`;

/** Row triggers: `delta` of event `e` (new or old) for its organization or its subject's. */
function sqliteTriggers(day: (column: string) => string): string[] {
  const insert = 'insert into audit_event_day_counts (organization_id, day, action, shard, count)';
  const event = (e: 'new' | 'old', delta: number) => [
    `${insert} select ${e}.organization_id, ${day(`${e}.occurred_at`)}, ${e}.action, 0, ${delta}
      where ${e}.organization_id is not null ${UPSERT};`,
    `${insert} select m.organization_id, ${day(`${e}.occurred_at`)}, ${e}.action, 0, ${delta}
      from memberships m where ${e}.organization_id is null and m.user_id = ${e}.subject_user_id ${UPSERT};`,
  ];
  const membership = (m: 'new' | 'old', sign: string) =>
    `${insert} select ${m}.organization_id, ${day('e.occurred_at')}, e.action, 0, ${sign}count(*)
      from audit_events e where e.organization_id is null and e.subject_user_id = ${m}.user_id
      group by 2, 3 ${UPSERT};`;
  return [
    `create trigger audit_events_day_counts_ai after insert on audit_events begin
      ${event('new', 1).join('\n')} end`,
    `create trigger audit_events_day_counts_ad after delete on audit_events begin
      ${event('old', -1).join('\n')} end`,
    `create trigger audit_events_day_counts_au
      after update of organization_id, subject_user_id, action, occurred_at on audit_events begin
      ${[...event('old', -1), ...event('new', 1)].join('\n')} end`,
    `create trigger memberships_audit_day_counts_ai after insert on memberships begin
      ${membership('new', '')} end`,
    `create trigger memberships_audit_day_counts_ad after delete on memberships begin
      ${membership('old', '-')} end`,
    `create trigger memberships_audit_day_counts_au after update of user_id, organization_id on memberships begin
      ${membership('old', '-')} ${membership('new', '')} end`,
  ];
}

/**
 * Statement triggers with transition tables: a statement writing many rows (the demo seeder's
 * batches of events and members) updates each counter row once. The functions' search_path is
 * pinned at creation: they read the tables of their own schema.
 */
function postgresTriggers(day: (column: string) => string): string[] {
  const insert = `insert into audit_event_day_counts (organization_id, day, action, shard, count)
    select organization_id, day, action, pg_backend_pid() % 64, sum(delta) from`;
  const events = (table: string, delta: number) => `${insert} (
      select e.organization_id, ${day('e.occurred_at')} as day, e.action, ${delta} as delta
        from ${table} e where e.organization_id is not null
      union all
      select m.organization_id, ${day('e.occurred_at')}, e.action, ${delta}
        from ${table} e join memberships m on m.user_id = e.subject_user_id
        where e.organization_id is null
    ) changes group by organization_id, day, action ${UPSERT};`;
  const members = (table: string, delta: number) => `${insert} (
      select m.organization_id, ${day('e.occurred_at')} as day, e.action, ${delta} as delta
        from ${table} m join audit_events e on e.subject_user_id = m.user_id and e.organization_id is null
    ) changes group by organization_id, day, action ${UPSERT};`;
  // An UPDATE counts only the rows whose counted columns changed (a status copied onto a
  // membership, say, changes no count).
  const changed = (side: 'o' | 'n', columns: string[]) =>
    `(select ${side}.* from old_rows o join new_rows n on n.id = o.id
      where (${columns.map((c) => `o.${c}`).join(', ')}) is distinct from (${columns.map((c) => `n.${c}`).join(', ')}))`;
  const fn = (name: string, body: (table: string, delta: number) => string, columns: string[]) => `
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN ${body('new_rows', 1)}
      ELSIF TG_OP = 'DELETE' THEN ${body('old_rows', -1)}
      ELSE ${body(changed('o', columns), -1)} ${body(changed('n', columns), 1)}
      END IF;
      RETURN NULL;
    END
    $$`;
  const triggers = (table: string, name: string) => [
    `CREATE TRIGGER ${table}_day_counts_ai AFTER INSERT ON ${table}
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`,
    `CREATE TRIGGER ${table}_day_counts_ad AFTER DELETE ON ${table}
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`,
    `CREATE TRIGGER ${table}_day_counts_au AFTER UPDATE ON ${table}
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`,
  ];
  return [
    fn('atrium_audit_event_day_counts', events, [
      'organization_id',
      'subject_user_id',
      'action',
      'occurred_at',
    ]),
    fn('atrium_membership_audit_day_counts', members, ['user_id', 'organization_id']),
    ...triggers('audit_events', 'atrium_audit_event_day_counts'),
    ...triggers('memberships', 'atrium_membership_audit_day_counts'),
  ];
}
