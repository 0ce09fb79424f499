import type { MigrationDb } from '../columns';

/**
 * The language a system email was written in (its catalog's tag, e.g. `de`), sent as its
 * `Content-Language` header on every attempt (issue 15 item 4: every email in the recipient's
 * language, locale and time zone). Null for a person's email and for mail queued before.
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('mail_outbox').addColumn('content_language', 'text').execute();
}
