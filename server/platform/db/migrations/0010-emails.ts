import { columnHelpers, isPostgres, type MigrationDb } from '../columns';

/**
 * Send Email (issue 13): uploaded files, organization email templates, sent emails and their
 * attachments; the outbox learns several recipients, extra headers and attachments (`envelope`)
 * and a `cancelled` status (a scheduled email waits as `queued` until its `next_attempt_at`).
 */
export async function up(db: MigrationDb): Promise<void> {
  const c = columnHelpers(db);
  await db.schema
    .createTable('files')
    .$call((t) => c.id(t))
    .addColumn('organization_id', 'text', (col) =>
      col.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('uploader_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('content_type', 'text', (col) => col.notNull())
    .addColumn('size', 'integer', (col) => col.notNull())
    .addColumn('storage_key', 'text', (col) => col.notNull().unique())
    .$call((t) => c.timestamp(t, 'created_at'))
    .execute();
  await db.schema
    .createIndex('files_organization_uploader')
    .on('files')
    .columns(['organization_id', 'uploader_id'])
    .execute();

  await db.schema
    .createTable('email_templates')
    .$call((t) => c.id(t))
    .addColumn('organization_id', 'text', (col) =>
      col.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('body_type', 'text', (col) => col.notNull())
    .addColumn('content', 'text', (col) => col.notNull())
    .$call((t) => c.timestamp(t, 'created_at'))
    .$call((t) => c.timestamp(t, 'updated_at'))
    .addUniqueConstraint('email_templates_organization_name', ['organization_id', 'name'])
    .execute();

  await db.schema
    .createTable('emails')
    .$call((t) => c.id(t))
    .addColumn('organization_id', 'text', (col) =>
      col.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('author_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('from_address', 'text', (col) => col.notNull())
    .addColumn('from_name', 'text')
    .$call((t) => c.json(t, 'to_recipients', (col) => col.notNull()))
    .$call((t) => c.json(t, 'cc_recipients', (col) => col.notNull()))
    .$call((t) => c.json(t, 'bcc_recipients', (col) => col.notNull()))
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('body_type', 'text', (col) => col.notNull())
    .addColumn('body_html', 'text', (col) => col.notNull())
    .addColumn('body_text', 'text', (col) => col.notNull())
    .$call((t) => c.json(t, 'activity_target_ids', (col) => col.notNull()))
    .$call((t) => c.timestamp(t, 'send_at', (col) => col))
    .addColumn('message_id', 'text', (col) => col.notNull().unique())
    .addColumn('in_reply_to_id', 'text', (col) => col.references('emails.id').onDelete('set null'))
    .addColumn('references_header', 'text')
    .addColumn('outbox_id', 'text', (col) => col.notNull().references('mail_outbox.id'))
    .$call((t) => c.timestamp(t, 'created_at'))
    .execute();
  await db.schema
    .createIndex('emails_organization_author')
    .on('emails')
    .columns(['organization_id', 'author_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('email_attachments')
    .addColumn('email_id', 'text', (col) => col.notNull().references('emails.id').onDelete('cascade'))
    .addColumn('file_id', 'text', (col) => col.notNull().references('files.id'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('email_attachments_pk', ['email_id', 'file_id'])
    .execute();
  await db.schema.createIndex('email_attachments_file').on('email_attachments').column('file_id').execute();

  // Several recipients (to, cc, bcc), In-Reply-To/References and attachments of a person's email;
  // null for the one-recipient system mail, which the columns above already describe.
  await db.schema
    .alterTable('mail_outbox')
    .addColumn('envelope', isPostgres(db) ? 'jsonb' : 'text')
    .execute();
}
