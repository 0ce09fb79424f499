import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { Dialect } from '../../platform/db/kysely';
import type { DB, ReminderStatus, RemindersTable } from '../../platform/db/schema';
import { newId } from '../../platform/ids';
import type { DueReminder } from './kinds';

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

/** A reminder to schedule: what it reminds of, whom, when. */
export type ReminderRow = Pick<
  Selectable<RemindersTable>,
  'organizationId' | 'kind' | 'recordId' | 'occurrenceKey' | 'recipientId' | 'minutesBefore' | 'fireAt'
>;

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

function isDue(now: string) {
  return (eb: ExpressionBuilder<DB, 'reminders'>) =>
    eb.and([eb('status', '=', 'pending'), eb('nextAttemptAt', '<=', now)]);
}

/**
 * Claims up to `limit` due reminders inside the caller's transaction: on PostgreSQL the rows are
 * locked `FOR UPDATE SKIP LOCKED` (a racing worker takes others or none); on SQLite one
 * conditional UPDATE takes the database's write lock first. Whatever the pass then does (mail
 * queued, status set) commits with the claim or not at all, so a reminder fires exactly once
 * even when a process dies mid-pass: its transaction rolls back and the row is due again.
 */
export async function claimDueReminders(
  trx: Kysely<DB>,
  dialect: Dialect,
  now: string,
  limit: number,
): Promise<DueReminder[]> {
  const due = isDue(now);
  const claim = (ids: string[] | null) => {
    const query = trx
      .updateTable('reminders')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), updatedAt: now }))
      .where(due);
    return (
      ids
        ? query.where('id', 'in', ids)
        : query.where('id', 'in', (eb) =>
            eb
              .selectFrom('reminders')
              .select('id')
              .where(due)
              .orderBy('nextAttemptAt')
              .orderBy('id')
              .limit(limit),
          )
    )
      .returningAll()
      .execute();
  };
  if (dialect === 'postgres') {
    const rows = await trx
      .selectFrom('reminders')
      .select('id')
      .where(due)
      .orderBy('nextAttemptAt')
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    return rows.length === 0 ? [] : claim(rows.map((row) => row.id));
  }
  return claim(null);
}

/** A reminder's recipient while still a member of its organization, with their name and status. */
export async function findReminderRecipient(
  db: Kysely<DB>,
  reminder: Pick<DueReminder, 'recipientId' | 'organizationId'>,
) {
  return db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.userId', 'users.id')
    .select([
      'users.email',
      'users.namePrefix',
      'users.firstName',
      'users.middleName',
      'users.lastName',
      'users.nameSuffix',
      'users.status',
    ])
    .where('users.id', '=', reminder.recipientId)
    .where('memberships.organizationId', '=', reminder.organizationId)
    .executeTakeFirst();
}

/** A failed attempt: due again at `nextAttemptAt`, or `failed` for good. */
export async function scheduleReminderRetry(
  db: Kysely<DB>,
  id: string,
  retry: { failed: boolean; nextAttemptAt: string; error: string; now: string },
): Promise<void> {
  await db
    .updateTable('reminders')
    .set({
      status: retry.failed ? 'failed' : 'pending',
      nextAttemptAt: retry.nextAttemptAt,
      lastError: retry.error,
      updatedAt: retry.now,
    })
    .where('id', '=', id)
    .execute();
}

/** A reminder's end: sent, missed or cancelled (with why). */
export async function setReminderOutcome(
  db: Kysely<DB>,
  id: string,
  outcome: {
    status: Exclude<ReminderStatus, 'pending' | 'failed'>;
    sentAt: string | null;
    lastError: string | null;
    now: string;
  },
): Promise<void> {
  await db
    .updateTable('reminders')
    .set({
      status: outcome.status,
      sentAt: outcome.sentAt,
      lastError: outcome.lastError,
      updatedAt: outcome.now,
    })
    .where('id', '=', id)
    .execute();
}
