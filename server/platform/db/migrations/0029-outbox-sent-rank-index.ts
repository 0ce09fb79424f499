import { sql } from 'kysely';
import type { MigrationDb } from '../columns';

/**
 * The outbox sorted by when its messages were sent (`sort=sentAt`): `sentAt` is NULL until a
 * message is sent, so the list orders by its null rank first (`nullableSorts`, see migration 0020)
 * and this index, led like the outbox's other sorts by the organization, serves that order on both
 * databases. It replaces the index on the bare column (0008), which no query uses any more.
 */
export async function up(db: MigrationDb): Promise<void> {
  await sql`create index mail_outbox_organization_sent_rank on mail_outbox
    (organization_id, (case when sent_at is null then 1 else 0 end), sent_at, id)`.execute(db);
  await db.schema.dropIndex('mail_outbox_organization_sent_at_id').execute();
}
