import { columnHelpers, type MigrationDb } from '../columns';

export async function up(db: MigrationDb): Promise<void> {
  const c = columnHelpers(db);
  await db.schema
    .createTable('mail_outbox')
    .$call((t) => c.id(t))
    .addColumn('organization_id', 'text')
    .addColumn('message_id', 'text', (col) => col.notNull().unique())
    .addColumn('template', 'text', (col) => col.notNull())
    .addColumn('to_address', 'text', (col) => col.notNull())
    .addColumn('to_name', 'text')
    .addColumn('from_address', 'text', (col) => col.notNull())
    .addColumn('reply_to', 'text')
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('text_body', 'text', (col) => col.notNull())
    .addColumn('html_body', 'text')
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('queued'))
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .$call((t) => c.timestamp(t, 'next_attempt_at'))
    .addColumn('claimed_by', 'text')
    .$call((t) => c.timestamp(t, 'claimed_at', (col) => col))
    .addColumn('last_error', 'text')
    .$call((t) => c.timestamp(t, 'sent_at', (col) => col))
    .$call((t) => c.timestamp(t, 'created_at'))
    .$call((t) => c.timestamp(t, 'updated_at'))
    .execute();
  await db.schema
    .createIndex('mail_outbox_due')
    .on('mail_outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('mail_outbox_created')
    .on('mail_outbox')
    .columns(['created_at', 'id'])
    .execute();
}
