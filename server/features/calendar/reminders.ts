import type { Kysely } from 'kysely';
import { paths } from '../../../common/paths';
import type { DB } from '../../platform/db/schema';
import { registerReminderKind } from '../reminders/kinds';
import {
  cancelPendingReminders,
  insertMissingReminders,
  listReminderKeys,
  type ReminderRow,
  reminderFireAt,
  reminderSubjectAt,
} from '../reminders/store';
import { expandOccurrences, timingOf } from './recurrence';
import {
  type CalendarEventRecord,
  findEvent,
  isOccurrenceReplaced,
  listReplacedOccurrenceStarts,
} from './store';

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
  const replaced = await listReplacedOccurrenceStarts(db, event.id);
  const from = new Date(Date.parse(after) + 1).toISOString();
  const to = new Date(Date.parse(after) + 366 * 86_400_000).toISOString();
  return expandOccurrences(timingOf(event), { from, to }, new Set(event.exDates))
    .filter((occurrence) => occurrence.startsAt > after && !replaced.has(occurrence.originalStart))
    .slice(0, limit);
}

/** The first occurrence of a series starting after `after` (see `nextSeriesOccurrences`). */
async function nextSeriesOccurrence(
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
  const fired = await listReminderKeys(db, 'calendar_event', event.id, event.ownerId);
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
  await insertMissingReminders(db, rows, now);
}

/** After a series' reminder fired: the same reminder for the next occurrence. */
async function scheduleFollowingReminder(
  db: Kysely<DB>,
  event: CalendarEventRecord,
  fired: { occurrenceStart: string; minutesBefore: number; recipientId: string },
  now: string,
): Promise<void> {
  if (!event.recurrence || !event.reminders.some((r) => r.minutesBefore === fired.minutesBefore)) return;
  const next = await nextSeriesOccurrence(db, event, fired.occurrenceStart);
  if (!next) return;
  await insertMissingReminders(
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

registerReminderKind({
  kind: 'calendar_event',
  async contentOf(trx, reminder, now) {
    const event = await findEvent(trx, reminder.organizationId, reminder.recordId);
    if (!event) return { cancelled: 'event deleted' };
    if (event.recurrence) {
      if (
        event.exDates.includes(reminder.occurrenceKey) ||
        (await isOccurrenceReplaced(trx, event.id, reminder.occurrenceKey))
      ) {
        return { cancelled: 'occurrence cancelled or changed' };
      }
    }
    const startsAt = reminderSubjectAt(reminder.fireAt, reminder.minutesBefore);
    await scheduleFollowingReminder(
      trx,
      event,
      { occurrenceStart: startsAt, minutesBefore: reminder.minutesBefore, recipientId: reminder.recipientId },
      now,
    );
    return {
      kind: 'event',
      title: event.title,
      at: startsAt,
      allDayDate: event.isAllDay ? reminder.occurrenceKey : null,
      path: paths.myCalendar,
    };
  },
});
