import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CalendarEventCreate, CalendarEventUpdate, OccurrenceScope } from '../../../common/calendar';
import { errorMeta } from '../../../common/error-particulars';
import { normalizeEmail } from '../../../common/login-keys';
import type { DB } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import type { Actor } from '../../platform/http/access';
import { resolveUserId } from '../../platform/http/access';
import { AppError, invalidField, notFound, relatedNotFound } from '../../platform/http/errors';
import { resolveSettings } from '../../platform/settings';
import { sanitizeRichText } from '../../platform/text/rich-text';
import { isMember } from '../memberships/store';
import { deleteReminders } from '../reminders/store';
import { syncEventActivities } from './activity';
import { loadFamily, notifyGuests, rootIdOf } from './invitations';
import {
  authorizeCalendarView,
  authorizeEventAssignment,
  authorizeEventChange,
  canSeeCalendarOf,
} from './policy';
import {
  checkRecurrence,
  type EventTiming,
  expandOccurrences,
  isOccurrence,
  type Occurrence,
  seriesEnd,
  splitRule,
  timingOf,
} from './recurrence';
import { scheduleEventReminders } from './reminders';
import {
  type AttendeeInput,
  type CalendarEventRecord,
  deleteEvent,
  type EventChanges,
  findEvent,
  findMembersByEmail,
  insertEvent,
  isGuest,
  listEventsForRange,
  listExceptions,
  listSeriesAttendees,
  lockEvent,
  replaceAttendees,
  updateEvent,
} from './store';
import { resolveTiming } from './timing';

/** Where a change of a recurring event applies: one occurrence (by its original start) and onwards, or all. */
export type OccurrenceTarget = { occurrence?: string | undefined; scope?: OccurrenceScope | undefined };

const eventNotFound = () => notFound('calendar event');

/** The most occurrences one range answers (a year of ten daily events fits). */
export const MAX_OCCURRENCES_PER_REQUEST = 5000;
/** The longest range of one occurrences request: a year (issue 14). */
export const MAX_RANGE_DAYS = 366;

async function resolveAttendees(
  db: Kysely<DB>,
  organizationId: string,
  attendees: CalendarEventCreate['attendees'],
): Promise<AttendeeInput[]> {
  const list = attendees ?? [];
  const seen = new Set<string>();
  const normalized = list.map((attendee, index) => {
    const key = normalizeEmail(attendee.email);
    if (seen.has(key)) {
      throw invalidField(`attendees/${index}/email`, 'attendee_duplicate', 'This guest is listed twice.');
    }
    seen.add(key);
    return { ...attendee, key };
  });
  const members = await findMembersByEmail(
    db,
    organizationId,
    normalized.map((attendee) => attendee.key),
  );
  return normalized.map((attendee) => ({
    email: attendee.email,
    emailNormalized: attendee.key,
    displayName: attendee.displayName ?? null,
    userId: members.get(attendee.key) ?? null,
  }));
}

/** Resolves and checks the timing and rule of an event; a changed occurrence cannot repeat. */
function checkedTiming(
  input: { start: string; end: string; allDay: boolean; timeZone: string; recurrence: string | null },
  options: { isException?: boolean } = {},
): EventTiming {
  if (options.isException && input.recurrence) {
    throw invalidField(
      'recurrence',
      'recurrence_on_occurrence',
      'One occurrence of a series cannot repeat itself.',
    );
  }
  const timing = resolveTiming({ ...input, recurrence: null });
  const recurrence = input.recurrence ? checkRecurrence(input.recurrence, timing) : null;
  return { ...timing, recurrence };
}

function timingColumns(timing: EventTiming) {
  return {
    isAllDay: timing.isAllDay,
    startsAt: timing.startsAt,
    endsAt: timing.endsAt,
    startDate: timing.startDate,
    endDate: timing.endDate,
    timeZone: timing.timeZone,
    recurrence: timing.recurrence,
    seriesEndsAt: seriesEnd(timing),
  };
}

/**
 * "Assign Event" (or an event in my own calendar): creates the event in the owner's calendar,
 * its guests, in one transaction. The owner defaults to the actor; another member needs
 * `calendar_events.assign`. The time zone defaults to the owner's (their Timezone setting).
 * @throws AppError 403 without the permission; 404 `user_not_found` for an owner outside the
 *   organization; 422 with a pointer for bad times, rules, guests.
 */
export async function createCalendarEvent(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'mail'>,
  actor: Actor,
  input: { attributes: CalendarEventCreate; ownerId?: string | undefined },
): Promise<CalendarEventRecord> {
  const ownerId = resolveUserId(actor, input.ownerId ?? 'me');
  authorizeEventAssignment(actor, ownerId);
  const { attributes } = input;
  let invited = 0;
  const created = await deps.db.transaction().execute(async (trx) => {
    if (!(await isMember(trx, ownerId, actor.organizationId))) {
      throw relatedNotFound('user_not_found', 'The owner was not found in your organization.', 'owner');
    }
    const timeZone =
      attributes.timeZone ??
      (await resolveSettings(trx, { organizationId: actor.organizationId, userId: ownerId }))[
        'localization.timezone'
      ];
    const timing = checkedTiming({
      start: attributes.start,
      end: attributes.end,
      allDay: attributes.allDay ?? false,
      timeZone,
      recurrence: attributes.recurrence ?? null,
    });
    const attendees = await resolveAttendees(trx, actor.organizationId, attributes.attendees);
    const now = deps.clock.now().toISOString();
    const event = await insertEvent(trx, {
      organizationId: actor.organizationId,
      ownerId,
      createdById: actor.via.kind === 'system' ? null : actor.userId,
      uid: `${randomUUID()}@atrium`,
      title: attributes.title,
      description: sanitizeRichText(attributes.description),
      ...timingColumns(timing),
      backgroundColor: attributes.backgroundColor ?? null,
      exDates: [],
      recurringEventId: null,
      originalStart: null,
      reminders: attributes.reminders ?? [],
      createdAt: now,
      updatedAt: now,
    });
    await replaceAttendees(trx, event.id, attendees);
    await scheduleEventReminders(trx, event, now);
    await syncEventActivities(trx, actor.organizationId, [event.id], now);
    invited = await notifyGuests(trx, deps, {
      organizationId: actor.organizationId,
      afterRootIds: [event.id],
      now,
    });
    return event;
  });
  if (invited > 0) deps.mail.wake();
  return created;
}

/**
 * Brings the reminders of the events a change touched in line with them (in its transaction):
 * the ones still there are re-scheduled, the deleted ones lose theirs.
 */
async function rescheduleReminders(
  trx: Kysely<DB>,
  organizationId: string,
  ids: readonly string[],
  now: string,
): Promise<void> {
  for (const id of new Set(ids)) {
    const event = await findEvent(trx, organizationId, id);
    if (event) await scheduleEventReminders(trx, event, now);
    else await deleteReminders(trx, 'calendar_event', [id]);
  }
}

/** One event of the actor's organization that the actor may see or is a guest of (404 when not in it; 403). */
export async function getCalendarEvent(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  id: string,
): Promise<CalendarEventRecord> {
  const event = await findEvent(deps.db, actor.organizationId, id);
  if (!event) throw eventNotFound();
  // A guest sees the event they are invited to, also in a calendar they may not see.
  if (!canSeeCalendarOf(actor, event.ownerId) && !(await isGuest(deps.db, event.id, actor.userId))) {
    authorizeCalendarView(actor, event.ownerId);
  }
  return event;
}

/** The event to change: found in the organization, visible, and changeable by the actor. */
async function eventToChange(trx: Kysely<DB>, actor: Actor, id: string): Promise<CalendarEventRecord> {
  const event = await findEvent(trx, actor.organizationId, id);
  if (!event) throw eventNotFound();
  authorizeCalendarView(actor, event.ownerId);
  authorizeEventChange(actor, event);
  return event;
}

/** Checks `occurrence` names an occurrence of the series (not cancelled). */
function checkOccurrence(event: CalendarEventRecord, occurrence: string): void {
  if (!event.recurrence) {
    throw new AppError('bad_request', 'not_recurring', 'This event does not repeat: leave out occurrence.', {
      source: { parameter: 'occurrence' },
    });
  }
  if (event.exDates.includes(occurrence) || !isOccurrence(timingOf(event), occurrence)) {
    throw new AppError('not_found', 'occurrence_not_found', 'The series has no such occurrence.', {
      source: { parameter: 'occurrence' },
    });
  }
}

/** The occurrence of a series that `originalStart` names (checked by `checkOccurrence` before). */
function occurrenceAt(series: CalendarEventRecord, originalStart: string): Occurrence {
  const at = Date.parse(series.isAllDay ? `${originalStart}T00:00:00Z` : originalStart);
  const day = 86_400_000;
  const found = expandOccurrences(timingOf(series), {
    from: new Date(at - 2 * day).toISOString(),
    to: new Date(at + 2 * day).toISOString(),
  }).find((candidate) => candidate.originalStart === originalStart);
  if (!found) throw new AppError('not_found', 'occurrence_not_found', 'The series has no such occurrence.');
  return found;
}

function isFirstOccurrence(event: CalendarEventRecord, occurrence: string): boolean {
  return occurrence === (event.isAllDay ? event.startDate : event.startsAt);
}

/** The attributes an event has after `changes` (what the request does not name stays). */
function mergedInput(event: CalendarEventRecord, changes: CalendarEventUpdate, occurrence?: Occurrence) {
  const base = occurrence ?? {
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    startDate: event.startDate,
    endDate: event.endDate,
  };
  const allDay = changes.allDay ?? event.isAllDay;
  const keepsKind = allDay === event.isAllDay;
  const start = changes.start ?? (keepsKind ? (allDay ? base.startDate : base.startsAt) : undefined);
  const end = changes.end ?? (keepsKind ? (allDay ? base.endDate : base.endsAt) : undefined);
  if (start === undefined || start === null) {
    throw invalidField('start', 'start_required', 'Give the start when switching between all-day and timed.');
  }
  if (end === undefined || end === null) {
    throw invalidField('end', 'end_required', 'Give the end when switching between all-day and timed.');
  }
  return {
    start,
    end,
    allDay,
    timeZone: changes.timeZone ?? event.timeZone,
    recurrence: changes.recurrence === undefined ? event.recurrence : changes.recurrence,
  };
}

function plainChanges(changes: CalendarEventUpdate): EventChanges {
  return {
    ...(changes.title !== undefined ? { title: changes.title } : {}),
    ...(changes.description !== undefined ? { description: sanitizeRichText(changes.description) } : {}),
    ...(changes.backgroundColor !== undefined ? { backgroundColor: changes.backgroundColor } : {}),
    ...(changes.reminders !== undefined ? { reminders: changes.reminders } : {}),
  };
}

const timingFields = ['start', 'end', 'allDay', 'timeZone', 'recurrence'] as const;

/**
 * Changes an event. For a series, `target` says which occurrences (RFC 5545 / OroCRM):
 * - `all` (default): the series itself. When its timing or rule changes, its changed and
 *   cancelled occurrences are dropped (they named occurrences of the old rule), as Odoo does.
 * - `this` with `occurrence`: that occurrence becomes a changed occurrence of its own (a row with
 *   `recurringEvent` and `originalStart`, the RECURRENCE-ID); it cannot repeat.
 * - `following` with `occurrence`: the series ends before it (UNTIL; COUNT carried over) and a
 *   new series with a new UID starts there with the changes; later changed occurrences go.
 * Every change raises SEQUENCE of what it changes; SEQUENCE is never lowered.
 * @throws AppError 404 (no such event or occurrence), 403, 400 `not_recurring`, 422 with a pointer.
 */
export async function updateCalendarEvent(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'mail'>,
  actor: Actor,
  id: string,
  changes: CalendarEventUpdate,
  target: OccurrenceTarget = {},
): Promise<CalendarEventRecord> {
  let invited = 0;
  const result = await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now().toISOString();
    const before = await lockedFamily(trx, actor, id);
    const exceptionsBefore = (await listExceptions(trx, id)).map((row) => row.id);
    const changed = await applyEventChange(trx, actor, id, changes, target, now);
    const touched = [
      id,
      changed.id,
      ...(changed.recurringEventId ? [changed.recurringEventId] : []),
      ...exceptionsBefore,
    ];
    await rescheduleReminders(trx, actor.organizationId, touched, now);
    await syncEventActivities(trx, actor.organizationId, touched, now);
    invited = await notifyGuests(trx, deps, {
      organizationId: actor.organizationId,
      before,
      afterRootIds: [...(before ? [before.root.id] : []), rootIdOf(changed)],
      now,
    });
    return changed;
  });
  if (invited > 0) deps.mail.wake();
  return result;
}

/**
 * Locks the event a change names and its series (PostgreSQL: `FOR UPDATE`, so two changes of
 * one event run one after the other and each raises the SEQUENCE the other left; SQLite writes
 * one transaction at a time) and answers the series as it is before the change.
 */
async function lockedFamily(trx: Kysely<DB>, actor: Actor, id: string) {
  const event = await lockEvent(trx, actor.organizationId, id);
  if (!event) return undefined;
  const rootId = rootIdOf(event);
  if (rootId !== id) await lockEvent(trx, actor.organizationId, rootId);
  return loadFamily(trx, actor.organizationId, rootId);
}

async function applyEventChange(
  trx: Kysely<DB>,
  actor: Actor,
  id: string,
  changes: CalendarEventUpdate,
  target: OccurrenceTarget,
  now: string,
): Promise<CalendarEventRecord> {
  {
    const event = await eventToChange(trx, actor, id);
    const scope = target.occurrence === undefined ? 'all' : (target.scope ?? 'this');
    if (target.occurrence !== undefined && scope !== 'all') {
      checkOccurrence(event, target.occurrence);
      if (scope === 'this') return changeOneOccurrence(trx, actor, event, target.occurrence, changes, now);
      if (!isFirstOccurrence(event, target.occurrence)) {
        return changeFollowing(trx, actor, event, target.occurrence, changes, now);
      }
    } else if (target.occurrence !== undefined) {
      checkOccurrence(event, target.occurrence);
    }
    const timingChanged = timingFields.some((field) => changes[field] !== undefined);
    let timing: Partial<EventChanges> = {};
    if (timingChanged) {
      const next = checkedTiming(mergedInput(event, changes), {
        isException: event.recurringEventId !== null,
      });
      timing = timingColumns(next);
      if (event.recurrence !== null && event.recurringEventId === null) {
        for (const exception of await listExceptions(trx, event.id)) await deleteEvent(trx, exception);
        timing = { ...timing, exDates: [] };
      }
    }
    if (changes.attendees !== undefined) {
      await replaceAttendees(
        trx,
        event.id,
        await resolveAttendees(trx, actor.organizationId, changes.attendees),
      );
    }
    return updateEvent(trx, event, {
      ...plainChanges(changes),
      ...timing,
      sequence: event.sequence + 1,
      updatedAt: now,
    });
  }
}

async function changeOneOccurrence(
  trx: Kysely<DB>,
  actor: Actor,
  series: CalendarEventRecord,
  originalStart: string,
  changes: CalendarEventUpdate,
  now: string,
): Promise<CalendarEventRecord> {
  const occurrence = occurrenceAt(series, originalStart);
  const timing = checkedTiming(mergedInput({ ...series, recurrence: null }, { ...changes }, occurrence), {
    isException: true,
  });
  const existing = (await listExceptions(trx, series.id)).find((row) => row.originalStart === originalStart);
  if (existing) {
    // The occurrence was changed before: this is a change of that row.
    if (changes.attendees !== undefined) {
      await replaceAttendees(
        trx,
        existing.id,
        await resolveAttendees(trx, actor.organizationId, changes.attendees),
      );
    }
    return updateEvent(trx, existing, {
      ...plainChanges(changes),
      ...timingColumns(timing),
      sequence: existing.sequence + 1,
      updatedAt: now,
    });
  }
  const exception = await insertEvent(trx, {
    organizationId: series.organizationId,
    ownerId: series.ownerId,
    createdById: series.createdById,
    uid: series.uid,
    title: changes.title ?? series.title,
    description:
      changes.description !== undefined ? sanitizeRichText(changes.description) : series.description,
    ...timingColumns(timing),
    backgroundColor: changes.backgroundColor !== undefined ? changes.backgroundColor : series.backgroundColor,
    exDates: [],
    recurringEventId: series.id,
    originalStart,
    reminders: changes.reminders ?? series.reminders,
    sequence: series.sequence + 1,
    createdAt: now,
    updatedAt: now,
  });
  const attendees =
    changes.attendees !== undefined
      ? await resolveAttendees(trx, actor.organizationId, changes.attendees)
      : await listSeriesAttendees(trx, series);
  await replaceAttendees(trx, exception.id, attendees);
  return exception;
}

async function changeFollowing(
  trx: Kysely<DB>,
  actor: Actor,
  series: CalendarEventRecord,
  originalStart: string,
  changes: CalendarEventUpdate,
  now: string,
): Promise<CalendarEventRecord> {
  const split = splitRule(timingOf(series), originalStart);
  const occurrence = occurrenceAt(series, originalStart);
  const timing = checkedTiming(mergedInput({ ...series, recurrence: split.after }, changes, occurrence));
  await truncateSeries(trx, series, originalStart, split.before, now);
  const next = await insertEvent(trx, {
    organizationId: series.organizationId,
    ownerId: series.ownerId,
    createdById: series.createdById,
    uid: `${randomUUID()}@atrium`,
    title: changes.title ?? series.title,
    description:
      changes.description !== undefined ? sanitizeRichText(changes.description) : series.description,
    ...timingColumns(timing),
    backgroundColor: changes.backgroundColor !== undefined ? changes.backgroundColor : series.backgroundColor,
    exDates: [],
    recurringEventId: null,
    originalStart: null,
    reminders: changes.reminders ?? series.reminders,
    createdAt: now,
    updatedAt: now,
  });
  const attendees =
    changes.attendees !== undefined
      ? await resolveAttendees(trx, actor.organizationId, changes.attendees)
      : await listSeriesAttendees(trx, series);
  await replaceAttendees(trx, next.id, attendees);
  return next;
}

/** Ends a series before `originalStart`: UNTIL, and its changed/cancelled occurrences from there go. */
async function truncateSeries(
  trx: Kysely<DB>,
  series: CalendarEventRecord,
  originalStart: string,
  rule: string,
  now: string,
): Promise<void> {
  const cut = series.isAllDay ? originalStart : Date.parse(originalStart);
  const atOrAfter = (key: string) =>
    series.isAllDay ? key >= (cut as string) : Date.parse(key) >= (cut as number);
  for (const exception of await listExceptions(trx, series.id)) {
    if (atOrAfter(exception.originalStart as string)) await deleteEvent(trx, exception);
  }
  const timing = { ...timingOf(series), recurrence: rule };
  await updateEvent(trx, series, {
    recurrence: rule,
    seriesEndsAt: seriesEnd(timing),
    exDates: series.exDates.filter((key) => !atOrAfter(key)),
    sequence: series.sequence + 1,
    updatedAt: now,
  });
}

/**
 * Deletes an event, or for a series with `occurrence`: `this` cancels that occurrence (EXDATE;
 * a changed occurrence of it goes too), `following` ends the series before it (all of it when it
 * is the first). Deleting a changed occurrence's own row cancels that occurrence.
 */
export async function deleteCalendarEvent(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'mail'>,
  actor: Actor,
  id: string,
  target: OccurrenceTarget = {},
): Promise<void> {
  let invited = 0;
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now().toISOString();
    const before = await lockedFamily(trx, actor, id);
    const event = await eventToChange(trx, actor, id);
    const touched = [
      event.id,
      ...(event.recurringEventId ? [event.recurringEventId] : []),
      ...(await listExceptions(trx, event.id)).map((row) => row.id),
    ];
    await deleteOccurrences(trx, actor, event, target, now);
    await rescheduleReminders(trx, actor.organizationId, touched, now);
    await syncEventActivities(trx, actor.organizationId, touched, now);
    invited = await notifyGuests(trx, deps, {
      organizationId: actor.organizationId,
      before,
      afterRootIds: before ? [before.root.id] : [],
      now,
    });
  });
  if (invited > 0) deps.mail.wake();
}

async function deleteOccurrences(
  trx: Kysely<DB>,
  actor: Actor,
  event: CalendarEventRecord,
  target: OccurrenceTarget,
  now: string,
): Promise<void> {
  {
    const scope = target.occurrence === undefined ? 'all' : (target.scope ?? 'this');
    if (target.occurrence !== undefined) checkOccurrence(event, target.occurrence);
    if (target.occurrence !== undefined && scope === 'this') {
      await cancelOccurrence(trx, event, target.occurrence, now);
      return;
    }
    if (
      target.occurrence !== undefined &&
      scope === 'following' &&
      !isFirstOccurrence(event, target.occurrence)
    ) {
      await truncateSeries(
        trx,
        event,
        target.occurrence,
        splitRule(timingOf(event), target.occurrence).before,
        now,
      );
      return;
    }
    if (event.recurringEventId !== null && event.originalStart !== null) {
      const series = await findEvent(trx, actor.organizationId, event.recurringEventId);
      if (series) await cancelOccurrence(trx, series, event.originalStart, now);
      return;
    }
    await deleteEvent(trx, event);
  }
}

async function cancelOccurrence(
  trx: Kysely<DB>,
  series: CalendarEventRecord,
  originalStart: string,
  now: string,
): Promise<void> {
  const changed = (await listExceptions(trx, series.id)).find((row) => row.originalStart === originalStart);
  if (changed) await deleteEvent(trx, changed);
  await updateEvent(trx, series, {
    exDates: [...new Set([...series.exDates, originalStart])].sort(),
    sequence: series.sequence + 1,
    updatedAt: now,
  });
}

/** One occurrence of a calendar in a range, with the row that holds it. */
export type ListedOccurrence = Occurrence & {
  event: CalendarEventRecord;
  /** the series of a recurring occurrence, else null */
  seriesId: string | null;
};

/**
 * The occurrences of a user's calendar (`me` or an id) that overlap [from, to): single events,
 * each occurrence of each series (in its own time zone, EXDATEs left out), and changed
 * occurrences in place of the ones they replace. Ordered by start, then event id.
 * @throws AppError 400 for a range over a year or with too many occurrences; 403; 404 for a
 *   user outside the organization.
 */
export async function listCalendarOccurrences(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: { ownerId: string; from: string; to: string; invitations?: boolean },
): Promise<ListedOccurrence[]> {
  const ownerId = resolveUserId(actor, input.ownerId);
  authorizeCalendarView(actor, ownerId);
  if (input.invitations && ownerId !== actor.userId) {
    throw new AppError(
      'bad_request',
      'invalid_filter_value',
      'Invitations are listed only in your own calendar (filter[owner]=me).',
      {
        source: { parameter: 'filter[invitations]' },
        meta: errorMeta('invalid_filter_value', { reason: 'invitations', parameter: 'filter[invitations]' }),
      },
    );
  }
  if (Date.parse(input.to) <= Date.parse(input.from)) {
    throw new AppError(
      'bad_request',
      'invalid_range',
      'filter[start][lt] must be after filter[start][gte].',
      {
        source: { parameter: 'filter[start][lt]' },
      },
    );
  }
  if (Date.parse(input.to) - Date.parse(input.from) > MAX_RANGE_DAYS * 86_400_000) {
    throw new AppError('bad_request', 'range_too_long', `Ask for at most ${MAX_RANGE_DAYS} days at a time.`, {
      source: { parameter: 'filter[start][lt]' },
      meta: errorMeta('range_too_long', { maxDays: MAX_RANGE_DAYS }),
    });
  }
  if (!(await isMember(deps.db, ownerId, actor.organizationId))) {
    throw new AppError('not_found', 'user_not_found', 'The user was not found.', {
      source: { parameter: 'filter[owner]' },
    });
  }
  const range = { from: input.from, to: input.to };
  const own = await listEventsForRange(deps.db, actor.organizationId, ownerId, range);
  // My own calendar may also show the events of others I am a guest of (their owner is the organizer).
  const invited = input.invitations
    ? await listEventsForRange(deps.db, actor.organizationId, ownerId, range, { invitations: true })
    : { series: [], exceptions: [] };
  const series = [...own.series, ...invited.series];
  const exceptions = [...own.exceptions, ...invited.exceptions];
  const replaced = new Set(exceptions.map((row) => `${row.recurringEventId}|${row.originalStart}`));
  const listed: ListedOccurrence[] = [];
  const add = (occurrence: ListedOccurrence) => {
    listed.push(occurrence);
    if (listed.length > MAX_OCCURRENCES_PER_REQUEST) {
      throw new AppError(
        'bad_request',
        'too_many_occurrences',
        `This range holds more than ${MAX_OCCURRENCES_PER_REQUEST} occurrences: ask for a shorter one.`,
        {
          source: { parameter: 'filter[start][lt]' },
          meta: errorMeta('too_many_occurrences', { maximum: MAX_OCCURRENCES_PER_REQUEST }),
        },
      );
    }
  };
  for (const event of series) {
    const exDates = new Set(event.exDates);
    for (const occurrence of expandOccurrences(timingOf(event), range, exDates)) {
      if (event.recurrence && replaced.has(`${event.id}|${occurrence.originalStart}`)) continue;
      add({ ...occurrence, event, seriesId: event.recurrence ? event.id : null });
    }
  }
  for (const exception of exceptions) {
    for (const occurrence of expandOccurrences({ ...timingOf(exception), recurrence: null }, range)) {
      add({
        ...occurrence,
        originalStart: exception.originalStart as string,
        event: exception,
        seriesId: exception.recurringEventId,
      });
    }
  }
  return listed.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.event.id.localeCompare(b.event.id));
}
