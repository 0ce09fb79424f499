import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema';
import { newId } from '../../platform/ids';

/**
 * Reminder rows (issue 14, item 7): one per reminder × occurrence (or task due date) ×
 * recipient, with the time it fires. Written in the transaction that writes the event or task.
 * A row is keyed by what it reminds of (`occurrence_key`: an occurrence's original start, a
 * task's due date), so re-scheduling after an edit never repeats a reminder already sent, and a
 * moved due date or occurrence gets a new one. A series has a row for its next occurrence only;
 * the worker schedules the following one when a reminder fires.
 *
 * This store knows no event or task: calendar/reminders.ts and tasks/reminders.ts compute their
 * rows and register what the worker needs of them (`registerReminderKind`, ./kinds.ts).
 */

export type ReminderRow = {
  organizationId: string;
  kind: 'calendar_event' | 'task';
  recordId: string;
  occurrenceKey: string;
  recipientId: string;
  minutesBefore: number;
  fireAt: string;
};

/** Inserts the rows that do not exist yet (sent, missed or pending ones stay as they are). */
export async function insertMissingReminders(
  db: Kysely<DB>,
  rows: readonly ReminderRow[],
  now: string,
): Promise<void> {
  for (const row of rows) {
    const existing = await db
      .selectFrom('reminders')
      .select('id')
      .where('kind', '=', row.kind)
      .where('recordId', '=', row.recordId)
      .where('occurrenceKey', '=', row.occurrenceKey)
      .where('recipientId', '=', row.recipientId)
      .where('minutesBefore', '=', row.minutesBefore)
      .executeTakeFirst();
    if (existing) continue;
    await db
      .insertInto('reminders')
      .values({
        id: newId(),
        ...row,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: row.fireAt,
        lastError: null,
        sentAt: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
  }
}

/** Drops the reminders of a record that have not fired yet. */
export async function cancelPendingReminders(
  db: Kysely<DB>,
  kind: 'calendar_event' | 'task',
  recordIds: readonly string[],
): Promise<void> {
  if (recordIds.length === 0) return;
  await db
    .deleteFrom('reminders')
    .where('kind', '=', kind)
    .where('recordId', 'in', recordIds)
    .where('status', '=', 'pending')
    .execute();
}

/** Every reminder row of records (when they are deleted). */
export async function deleteReminders(
  db: Kysely<DB>,
  kind: 'calendar_event' | 'task',
  recordIds: readonly string[],
): Promise<void> {
  if (recordIds.length === 0) return;
  await db.deleteFrom('reminders').where('kind', '=', kind).where('recordId', 'in', recordIds).execute();
}

/** When a reminder `minutesBefore` a start (or due time, ISO) fires: the one computation of reminder times. */
export function reminderFireAt(startsAt: string, minutesBefore: number): string {
  return new Date(Date.parse(startsAt) - minutesBefore * 60_000).toISOString();
}

/** The start (or due time) a reminder that fires at `fireAt` is for: the inverse of `reminderFireAt`. */
export function reminderSubjectAt(fireAt: string, minutesBefore: number): string {
  return new Date(Date.parse(fireAt) + minutesBefore * 60_000).toISOString();
}

/** The `occurrenceKey|minutesBefore` of every reminder row a recipient has for a record, in any status. */
export async function listReminderKeys(
  db: Kysely<DB>,
  kind: 'calendar_event' | 'task',
  recordId: string,
  recipientId: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('reminders')
    .select(['occurrenceKey', 'minutesBefore'])
    .where('kind', '=', kind)
    .where('recordId', '=', recordId)
    .where('recipientId', '=', recipientId)
    .execute();
  return new Set(rows.map((row) => `${row.occurrenceKey}|${row.minutesBefore}`));
}
