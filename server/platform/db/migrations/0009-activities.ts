import { sql } from 'kysely';
import { columnHelpers, isPostgres, type MigrationDb } from '../columns';

/**
 * Activities I (issue 13): the shared timeline index and the calls.
 *
 * `activities` is the denormalized index the My User "Activity" section reads (DESIGN.md §5): one
 * row per record × target user, written by the owning feature in the same transaction as the
 * record (server/features/activities/store.ts). It holds what an item needs to render without a
 * join (kind, subject, author, time, a short status). Reads are keyset on (occurred_at, id), newest
 * first, within one organization and target user, optionally narrowed to some kinds.
 *
 * `calls` follows OroCRM's Call entity (OroCRMCallBundle Entity/Call.php): subject, phone number,
 * notes ("Additional comments"), call date-time, status, direction, duration in seconds, owner.
 * Its activity targets are its `activities` rows (kind `call`).
 *
 * The new permissions are granted to every organization's seeded roles by name.
 */
export async function up(db: MigrationDb): Promise<void> {
  const c = columnHelpers(db);
  await db.schema
    .createTable('activities')
    .$call((t) => c.id(t))
    .addColumn('organization_id', 'text', (col) =>
      col.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('record_id', 'text', (col) => col.notNull())
    .addColumn('target_user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (col) => col.references('users.id').onDelete('set null'))
    .$call((t) => c.timestamp(t, 'occurred_at'))
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('status', 'text')
    .$call((t) => c.timestamp(t, 'created_at'))
    .$call((t) => c.timestamp(t, 'updated_at'))
    .addUniqueConstraint('activities_kind_record_target', ['kind', 'record_id', 'target_user_id'])
    .execute();
  // The timeline: newest first, keyset on (occurred_at, id).
  await sql`create index activities_timeline on activities
    (organization_id, target_user_id, occurred_at desc, id desc)`.execute(db);
  // The timeline narrowed by kind (filter[type]).
  await sql`create index activities_timeline_kind on activities
    (organization_id, target_user_id, kind, occurred_at desc, id desc)`.execute(db);

  await db.schema
    .createTable('calls')
    .$call((t) => c.id(t))
    .addColumn('organization_id', 'text', (col) =>
      col.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('author_id', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('phone_number', 'text', (col) => col.notNull())
    .addColumn('notes', 'text')
    .$call((t) => c.timestamp(t, 'call_date_time'))
    .addColumn('call_status', 'text', (col) => col.notNull())
    .addColumn('direction', 'text', (col) => col.notNull())
    .addColumn('duration', 'integer', (col) => col.notNull())
    .$call((t) => c.timestamp(t, 'created_at'))
    .$call((t) => c.timestamp(t, 'updated_at'))
    .execute();
  // The list's sorts, each ending in id (the tiebreak), led by the organization (issue 18's rule).
  for (const column of ['call_date_time', 'created_at', 'updated_at', 'subject', 'duration']) {
    await db.schema
      .createIndex(`calls_organization_${column}_id`)
      .on('calls')
      .columns(['organization_id', column, 'id'])
      .execute();
  }

  await grantPermissions(db, {
    Administrator: ['activities.view', 'calls.log', 'calls.manage', 'emails.send', 'email_templates.manage'],
    Manager: ['activities.view', 'calls.log', 'calls.manage', 'emails.send'],
    User: ['calls.log', 'emails.send'],
  });
}

/** Adds permissions to every organization's roles of these names (the seeded ones). */
async function grantPermissions(db: MigrationDb, grants: Record<string, string[]>): Promise<void> {
  const pg = isPostgres(db);
  const roles = await db
    .selectFrom('roles')
    .select(['id', 'name', 'permissions'])
    .where('name', 'in', Object.keys(grants))
    .execute();
  for (const role of roles) {
    const parsed: unknown =
      typeof role.permissions === 'string' ? JSON.parse(role.permissions) : role.permissions;
    const held = Array.isArray(parsed) ? parsed.map(String) : [];
    const added = (grants[role.name as string] ?? []).filter((name) => !held.includes(name));
    if (added.length === 0) continue;
    const value = JSON.stringify([...held, ...added]);
    await db
      .updateTable('roles')
      .set({ permissions: pg ? sql`${value}::jsonb` : value })
      .where('id', '=', role.id)
      .execute();
  }
}
