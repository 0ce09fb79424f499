import type { MigrationDb } from '../columns';

/**
 * The Audit Log filtered by action (`filter[action]=…`, issue 18): read in the list's order from
 * (organization_id, action, occurred_at, id), so a page of a rare action reads only its rows
 * instead of walking the organization's whole log (800 ms at 1,000,000 events for an action with
 * no events, on SQLite).
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createIndex('audit_events_organization_action_occurred')
    .on('audit_events')
    .columns(['organization_id', 'action', 'occurred_at', 'id'])
    .execute();
}
