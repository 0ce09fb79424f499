import { sql } from 'kysely';
import { columnHelpers, isPostgres, type MigrationDb } from '../columns';

/** The permissions this migration adds, and the seeded roles (by name) that get each. */
const grants: Record<string, readonly string[]> = {
  'calendar_events.assign': ['Administrator', 'Manager', 'User'],
  'calendar_events.manage': ['Administrator', 'Manager'],
  'tasks.assign': ['Administrator', 'Manager', 'User'],
  'tasks.manage': ['Administrator', 'Manager'],
};

/**
 * Calendar events (with their RFC 5545 recurrence, exceptions and guests) and tasks (issue 14).
 * - `calendar_events`: one row per series or single event, and one per changed occurrence of a
 *   series (`recurring_event_id` + `original_start`, the RFC 5545 RECURRENCE-ID). `starts_at` /
 *   `ends_at` are UTC instants (for all-day events: UTC midnight of the dates, which are kept
 *   as written in `start_date` / `end_date`); `series_ends_at` is the end of a series' last
 *   occurrence (null: never ends), so a range query reads only the series that can reach it.
 * - `calendar_event_attendees`: the guests, one per address and event.
 * - `tasks`: OroCRM's task (subject, description, due date, priority, status, owner).
 * - `reminders`: one row per reminder × occurrence (or task) × recipient with its fire time,
 *   claimed by the reminder worker like the outbox's mail (`pending` → `sent` | `missed` |
 *   `failed`); the next occurrence of a series is scheduled when one fires.
 * Existing organizations' seeded roles get the new permissions by name.
 */
export async function up(db: MigrationDb): Promise<void> {
  const c = columnHelpers(db);
  await db.schema
    .createTable('calendar_events')
    .$call((t) => c.id(t))
    .addColumn('organization_id', 'text', (col) =>
      col.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('owner_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_by_id', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('uid', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('description', 'text')
    .$call((t) => c.boolean(t, 'is_all_day', false))
    .$call((t) => c.timestamp(t, 'starts_at'))
    .$call((t) => c.timestamp(t, 'ends_at'))
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('time_zone', 'text', (col) => col.notNull())
    .addColumn('background_color', 'text')
    .addColumn('recurrence', 'text')
    .$call((t) => c.json(t, 'ex_dates', (col) => col.notNull()))
    .$call((t) => c.timestamp(t, 'series_ends_at', (col) => col))
    .addColumn('recurring_event_id', 'text', (col) =>
      col.references('calendar_events.id').onDelete('cascade'),
    )
    .addColumn('original_start', 'text')
    .addColumn('sequence', 'integer', (col) => col.notNull().defaultTo(0))
    .$call((t) => c.json(t, 'reminders', (col) => col.notNull()))
    .$call((t) => c.timestamp(t, 'created_at'))
    .$call((t) => c.timestamp(t, 'updated_at'))
    .addUniqueConstraint('calendar_events_exception', ['recurring_event_id', 'original_start'])
    .execute();
  await db.schema
    .createIndex('calendar_events_organization_owner_starts_at_id')
    .on('calendar_events')
    .columns(['organization_id', 'owner_id', 'starts_at', 'id'])
    .execute();
  await db.schema
    .createIndex('calendar_events_recurring_event_id')
    .on('calendar_events')
    .column('recurring_event_id')
    .execute();

  await db.schema
    .createTable('calendar_event_attendees')
    .$call((t) => c.id(t))
    .addColumn('event_id', 'text', (col) =>
      col.notNull().references('calendar_events.id').onDelete('cascade'),
    )
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('email_normalized', 'text', (col) => col.notNull())
    .addColumn('display_name', 'text')
    .addColumn('user_id', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('none'))
    .$call((t) => c.timestamp(t, 'answered_at', (col) => col))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addUniqueConstraint('calendar_event_attendees_event_email', ['event_id', 'email_normalized'])
    .execute();

  await db.schema
    .createTable('tasks')
    .$call((t) => c.id(t))
    .addColumn('organization_id', 'text', (col) =>
      col.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('owner_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_by_id', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('description', 'text')
    .$call((t) => c.timestamp(t, 'due_at', (col) => col))
    .addColumn('priority', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .$call((t) => c.json(t, 'reminders', (col) => col.notNull()))
    .$call((t) => c.timestamp(t, 'created_at'))
    .$call((t) => c.timestamp(t, 'updated_at'))
    .execute();
  for (const column of ['due_at', 'created_at', 'priority', 'status', 'subject']) {
    await db.schema
      .createIndex(`tasks_organization_owner_${column}_id`)
      .on('tasks')
      .columns(['organization_id', 'owner_id', column, 'id'])
      .execute();
  }

  await db.schema
    .createTable('reminders')
    .$call((t) => c.id(t))
    .addColumn('organization_id', 'text', (col) =>
      col.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('record_id', 'text', (col) => col.notNull())
    .addColumn('occurrence_key', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('recipient_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('minutes_before', 'integer', (col) => col.notNull())
    .$call((t) => c.timestamp(t, 'fire_at'))
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .$call((t) => c.timestamp(t, 'next_attempt_at'))
    .addColumn('last_error', 'text')
    .$call((t) => c.timestamp(t, 'sent_at', (col) => col))
    .$call((t) => c.timestamp(t, 'created_at'))
    .$call((t) => c.timestamp(t, 'updated_at'))
    .addUniqueConstraint('reminders_once', [
      'kind',
      'record_id',
      'occurrence_key',
      'recipient_id',
      'minutes_before',
    ])
    .execute();
  await db.schema
    .createIndex('reminders_due')
    .on('reminders')
    .columns(['status', 'next_attempt_at', 'id'])
    .execute();
  await db.schema.createIndex('reminders_record').on('reminders').columns(['kind', 'record_id']).execute();

  await grantToSeededRoles(db);
}

async function grantToSeededRoles(db: MigrationDb): Promise<void> {
  const pg = isPostgres(db);
  const roles = await db.selectFrom('roles').select(['id', 'name', 'permissions']).execute();
  for (const role of roles) {
    const parsed: unknown =
      typeof role.permissions === 'string' ? JSON.parse(role.permissions) : role.permissions;
    const held = Array.isArray(parsed) ? parsed.map(String) : [];
    const added = Object.entries(grants)
      .filter(([permission, roleNames]) => roleNames.includes(role.name) && !held.includes(permission))
      .map(([permission]) => permission);
    if (added.length === 0) continue;
    const permissions = JSON.stringify([...held, ...added]);
    await db
      .updateTable('roles')
      .set({ permissions: pg ? sql`${permissions}::jsonb` : permissions })
      .where('id', '=', role.id)
      .execute();
  }
}
