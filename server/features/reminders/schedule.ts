import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema';
import { newId } from '../../platform/ids';
import { expandOccurrences, timingOf } from '../calendar/recurrence';
import type { CalendarEventRecord } from '../calendar/store';
import type { TaskRecord } from '../tasks/store';

/**
 * Reminder rows (issue 14, item 7): one per reminder × occurrence (or task due date) ×
 * recipient, with the time it fires. Written in the transaction that writes the event or task.
 * A row is keyed by what it reminds of (`occurrence_key`: an occurrence's original start, a
 * task's due date), so re-scheduling after an edit never repeats a reminder already sent, and a
 * moved due date or occurrence gets a new one. A series has a row for its next occurrence only;
 * the worker schedules the following one when a reminder fires.
 */

type ReminderRow = {
  organizationId: string;
  kind: 'calendar_event' | 'task';
  recordId: string;
  occurrenceKey: string;
  recipientId: string;
  minutesBefore: number;
  fireAt: string;
};

/** Inserts the rows that do not exist yet (sent, missed or pending ones stay as they are). */
async function insertMissing(db: Kysely<DB>, rows: readonly ReminderRow[], now: string): Promise<void> {
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

/** (Re)schedules a task's reminders: none for a closed task or one without a due date. */
export async function scheduleTaskReminders(db: Kysely<DB>, task: TaskRecord, now: string): Promise<void> {
  await cancelPendingReminders(db, 'task', [task.id]);
  if (task.status === 'closed' || task.dueAt === null) return;
  const dueAt = task.dueAt;
  await insertMissing(
    db,
    task.reminders.map((reminder) => ({
      organizationId: task.organizationId,
      kind: 'task' as const,
      recordId: task.id,
      occurrenceKey: dueAt,
      recipientId: task.ownerId,
      minutesBefore: reminder.minutesBefore,
      fireAt: reminderFireAt(dueAt, reminder.minutesBefore),
    })),
    now,
  );
}

/**
 * The next occurrences of a series starting after `after` (ISO), at most `limit`, that are
 * neither cancelled nor replaced by a changed occurrence (those remind for themselves), looking
 * a year ahead.
 */
async function nextSeriesOccurrences(
  db: Kysely<DB>,
  event: CalendarEventRecord,
  after: string,
  limit: number,
): Promise<{ originalStart: string; startsAt: string }[]> {
  const replaced = new Set(
    (
      await db
        .selectFrom('calendarEvents')
        .select('originalStart')
        .where('recurringEventId', '=', event.id)
        .execute()
    ).map((row) => row.originalStart),
  );
  const from = new Date(Date.parse(after) + 1).toISOString();
  const to = new Date(Date.parse(after) + 366 * 86_400_000).toISOString();
  return expandOccurrences(timingOf(event), { from, to }, new Set(event.exDates))
    .filter((occurrence) => occurrence.startsAt > after && !replaced.has(occurrence.originalStart))
    .slice(0, limit);
}

/** The first occurrence of a series starting after `after` (see `nextSeriesOccurrences`). */
export async function nextSeriesOccurrence(
  db: Kysely<DB>,
  event: CalendarEventRecord,
  after: string,
): Promise<{ originalStart: string; startsAt: string } | undefined> {
  return (await nextSeriesOccurrences(db, event, after, 1))[0];
}

/**
 * (Re)schedules an event's reminders for its owner: a single event or a changed occurrence once;
 * a series, each reminder for the first occurrence still to come that it has not fired for.
 */
export async function scheduleEventReminders(
  db: Kysely<DB>,
  event: CalendarEventRecord,
  now: string,
): Promise<void> {
  await cancelPendingReminders(db, 'calendar_event', [event.id]);
  if (event.reminders.length === 0) return;
  const upcoming = event.recurrence
    ? await nextSeriesOccurrences(db, event, now, 3)
    : [{ originalStart: event.originalStart ?? event.startsAt, startsAt: event.startsAt }];
  const fired = new Set(
    (
      await db
        .selectFrom('reminders')
        .select(['occurrenceKey', 'minutesBefore'])
        .where('kind', '=', 'calendar_event')
        .where('recordId', '=', event.id)
        .where('recipientId', '=', event.ownerId)
        .execute()
    ).map((row) => `${row.occurrenceKey}|${row.minutesBefore}`),
  );
  const rows: ReminderRow[] = [];
  for (const reminder of event.reminders) {
    const occurrence = upcoming.find(
      (candidate) => !fired.has(`${candidate.originalStart}|${reminder.minutesBefore}`),
    );
    if (!occurrence) continue;
    rows.push({
      organizationId: event.organizationId,
      kind: 'calendar_event',
      recordId: event.id,
      occurrenceKey: occurrence.originalStart,
      recipientId: event.ownerId,
      minutesBefore: reminder.minutesBefore,
      fireAt: reminderFireAt(occurrence.startsAt, reminder.minutesBefore),
    });
  }
  await insertMissing(db, rows, now);
}

/** After a series' reminder fired: the same reminder for the next occurrence. */
export async function scheduleFollowingReminder(
  db: Kysely<DB>,
  event: CalendarEventRecord,
  fired: { occurrenceStart: string; minutesBefore: number; recipientId: string },
  now: string,
): Promise<void> {
  if (!event.recurrence || !event.reminders.some((r) => r.minutesBefore === fired.minutesBefore)) return;
  const next = await nextSeriesOccurrence(db, event, fired.occurrenceStart);
  if (!next) return;
  await insertMissing(
    db,
    [
      {
        organizationId: event.organizationId,
        kind: 'calendar_event',
        recordId: event.id,
        occurrenceKey: next.originalStart,
        recipientId: fired.recipientId,
        minutesBefore: fired.minutesBefore,
        fireAt: reminderFireAt(next.startsAt, fired.minutesBefore),
      },
    ],
    now,
  );
}
