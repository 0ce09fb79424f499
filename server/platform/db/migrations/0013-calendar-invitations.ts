import { columnHelpers, type MigrationDb } from '../columns';

/**
 * Invitations, answers and feeds of calendar events (issue 14, items 2 and 4).
 * - `mail_outbox.calendar`: the iCalendar text (RFC 5545, with its METHOD) an invitation or a
 *   cancellation carries as its `text/calendar; method=…` part; null for every other message.
 * - `calendar_event_attendees.answer_token_digest`: SHA-256 (hex) of the random token in the
 *   link of the latest invitation a guest was sent (the token itself is never stored); the link
 *   answers for that guest until the event ends.
 * - `calendar_feeds`: one private iCalendar feed per user and organization, by the SHA-256 of
 *   its random token.
 */
export async function up(db: MigrationDb): Promise<void> {
  const c = columnHelpers(db);
  await db.schema.alterTable('mail_outbox').addColumn('calendar', 'text').execute();
  await db.schema.alterTable('calendar_event_attendees').addColumn('answer_token_digest', 'text').execute();
  await db.schema
    .createIndex('calendar_event_attendees_answer_token_digest')
    .on('calendar_event_attendees')
    .column('answer_token_digest')
    .unique()
    .execute();
  await db.schema
    .createTable('calendar_feeds')
    .$call((t) => c.id(t))
    .addColumn('organization_id', 'text', (col) =>
      col.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_digest', 'text', (col) => col.notNull().unique())
    .$call((t) => c.timestamp(t, 'created_at'))
    .addUniqueConstraint('calendar_feeds_organization_user', ['organization_id', 'user_id'])
    .execute();
}
