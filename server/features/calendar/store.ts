import type { Kysely, Selectable } from 'kysely';
import type { Reminder } from '../../../common/calendar';
import { isPostgres } from '../../platform/db/columns';
import type {
  AttendeeStatus,
  CalendarEventAttendeesTable,
  CalendarEventsTable,
  DB,
  UsersTable,
} from '../../platform/db/schema';
import { newId } from '../../platform/ids';

/** A stored event, its JSON columns parsed. */
export type CalendarEventRecord = Omit<Selectable<CalendarEventsTable>, 'exDates' | 'reminders'> & {
  exDates: string[];
  reminders: Reminder[];
};

/** A guest of an event as the store reads them (`attendeeColumns`). */
export type AttendeeRecord = Pick<
  Selectable<CalendarEventAttendeesTable>,
  'id' | 'eventId' | 'email' | 'displayName' | 'userId' | 'status' | 'answeredAt'
>;

const attendeeColumns = [
  'calendarEventAttendees.id',
  'calendarEventAttendees.eventId',
  'calendarEventAttendees.email',
  'calendarEventAttendees.displayName',
  'calendarEventAttendees.userId',
  'calendarEventAttendees.status',
  'calendarEventAttendees.answeredAt',
] as const;

/** The name parts and address of a user: an event's organizer, a feed's owner. */
export type PersonRecord = Pick<
  Selectable<UsersTable>,
  'email' | 'namePrefix' | 'firstName' | 'middleName' | 'lastName' | 'nameSuffix'
>;

const eventColumns = [
  'calendarEvents.id',
  'calendarEvents.organizationId',
  'calendarEvents.ownerId',
  'calendarEvents.createdById',
  'calendarEvents.uid',
  'calendarEvents.title',
  'calendarEvents.description',
  'calendarEvents.isAllDay',
  'calendarEvents.startsAt',
  'calendarEvents.endsAt',
  'calendarEvents.startDate',
  'calendarEvents.endDate',
  'calendarEvents.timeZone',
  'calendarEvents.backgroundColor',
  'calendarEvents.recurrence',
  'calendarEvents.exDates',
  'calendarEvents.seriesEndsAt',
  'calendarEvents.recurringEventId',
  'calendarEvents.originalStart',
  'calendarEvents.sequence',
  'calendarEvents.reminders',
  'calendarEvents.createdAt',
  'calendarEvents.updatedAt',
] as const;

type EventRow = Selectable<CalendarEventsTable>;

function parseEvent(row: EventRow): CalendarEventRecord {
  return {
    ...row,
    exDates: JSON.parse(row.exDates) as string[],
    reminders: JSON.parse(row.reminders) as Reminder[],
  };
}

function eventsQuery(db: Kysely<DB>, organizationId: string) {
  return db
    .selectFrom('calendarEvents')
    .select(eventColumns)
    .where('calendarEvents.organizationId', '=', organizationId);
}

/** An event of the organization (a series, a single event or a changed occurrence). */
export async function findEvent(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
): Promise<CalendarEventRecord | undefined> {
  const row = await eventsQuery(db, organizationId).where('calendarEvents.id', '=', id).executeTakeFirst();
  return row ? parseEvent(row) : undefined;
}

/**
 * Reads an event of the organization for a change: on PostgreSQL the row is locked
 * (`SELECT … FOR UPDATE`) until the transaction ends, so concurrent changes of one event are
 * serialized and none reads a SEQUENCE another is raising. SQLite runs one write transaction at
 * a time already.
 */
export async function lockEvent(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
): Promise<CalendarEventRecord | undefined> {
  const query = eventsQuery(db, organizationId).where('calendarEvents.id', '=', id);
  const row = await (isPostgres(db) ? query.forUpdate() : query).executeTakeFirst();
  return row ? parseEvent(row) : undefined;
}

export type NewEvent = Omit<CalendarEventRecord, 'id' | 'sequence'> & { sequence?: number };

export async function insertEvent(db: Kysely<DB>, event: NewEvent): Promise<CalendarEventRecord> {
  const record: CalendarEventRecord = { ...event, id: newId(), sequence: event.sequence ?? 0 };
  await db
    .insertInto('calendarEvents')
    .values({
      ...record,
      exDates: JSON.stringify(record.exDates),
      reminders: JSON.stringify(record.reminders),
    })
    .execute();
  return record;
}

export type EventChanges = Partial<
  Omit<
    CalendarEventRecord,
    'id' | 'organizationId' | 'uid' | 'createdAt' | 'createdById' | 'recurringEventId'
  >
>;

/** Writes the changes and answers the event as it is now. */
export async function updateEvent(
  db: Kysely<DB>,
  event: CalendarEventRecord,
  changes: EventChanges,
): Promise<CalendarEventRecord> {
  const { exDates, reminders, ...rest } = changes;
  await db
    .updateTable('calendarEvents')
    .set({
      ...rest,
      ...(exDates !== undefined ? { exDates: JSON.stringify(exDates) } : {}),
      ...(reminders !== undefined ? { reminders: JSON.stringify(reminders) } : {}),
    })
    .where('organizationId', '=', event.organizationId)
    .where('id', '=', event.id)
    .execute();
  return { ...event, ...changes };
}

/** Deletes an event; its changed occurrences and guests go with it (ON DELETE CASCADE). */
export async function deleteEvent(
  db: Kysely<DB>,
  event: Pick<CalendarEventRecord, 'organizationId' | 'id'>,
): Promise<void> {
  await db
    .deleteFrom('calendarEvents')
    .where('organizationId', '=', event.organizationId)
    .where('id', '=', event.id)
    .execute();
}

/** The changed occurrences of a series. */
export async function listExceptions(db: Kysely<DB>, seriesId: string): Promise<CalendarEventRecord[]> {
  const rows = await db
    .selectFrom('calendarEvents')
    .select(eventColumns)
    .where('calendarEvents.recurringEventId', '=', seriesId)
    .execute();
  return rows.map(parseEvent);
}

/**
 * What a range of one calendar needs: the series and single events that can reach [from, to),
 * and the changed occurrences that either fall in it or belong to one of those series (they
 * replace an occurrence of their series wherever they moved to).
 */
export async function listEventsForRange(
  db: Kysely<DB>,
  organizationId: string,
  ownerId: string,
  range: { from: string; to: string },
  /** Instead of the owner's events: the events of other calendars that `ownerId` is a guest of. */
  options: { invitations?: boolean } = {},
): Promise<{ series: CalendarEventRecord[]; exceptions: CalendarEventRecord[] }> {
  const series = (
    await eventsQuery(db, organizationId)
      .$if(!options.invitations, (query) => query.where('calendarEvents.ownerId', '=', ownerId))
      .$if(options.invitations === true, (query) =>
        query
          .where('calendarEvents.ownerId', '!=', ownerId)
          .where(({ exists, selectFrom }) =>
            exists(
              selectFrom('calendarEventAttendees')
                .select('calendarEventAttendees.id')
                .whereRef('calendarEventAttendees.eventId', '=', 'calendarEvents.id')
                .where('calendarEventAttendees.userId', '=', ownerId),
            ),
          ),
      )
      .where('calendarEvents.recurringEventId', 'is', null)
      .where('calendarEvents.startsAt', '<', range.to)
      .where((eb) =>
        eb.or([
          eb('calendarEvents.seriesEndsAt', 'is', null),
          eb('calendarEvents.seriesEndsAt', '>', range.from),
        ]),
      )
      .execute()
  ).map(parseEvent);
  const seriesIds = series.filter((event) => event.recurrence !== null).map((event) => event.id);
  if (options.invitations && seriesIds.length === 0 && series.length === 0) return { series, exceptions: [] };
  const exceptions = (
    await eventsQuery(db, organizationId)
      .$if(!options.invitations, (query) => query.where('calendarEvents.ownerId', '=', ownerId))
      // Of an invitation, the changed occurrences of the series the guest is invited to.
      .$if(options.invitations === true, (query) =>
        query.where('calendarEvents.recurringEventId', 'in', seriesIds.length > 0 ? seriesIds : ['']),
      )
      .where('calendarEvents.recurringEventId', 'is not', null)
      .where((eb) => {
        const inRange = eb.and([
          eb('calendarEvents.startsAt', '<', range.to),
          eb('calendarEvents.endsAt', '>', range.from),
        ]);
        return seriesIds.length > 0
          ? eb.or([inRange, eb('calendarEvents.recurringEventId', 'in', seriesIds)])
          : inRange;
      })
      .execute()
  ).map(parseEvent);
  return { series, exceptions };
}

export type AttendeeInput = {
  email: string;
  emailNormalized: string;
  displayName: string | null;
  userId: string | null;
};

/** The guests of events, in the order they were given. */
export async function listAttendees(db: Kysely<DB>, eventIds: readonly string[]): Promise<AttendeeRecord[]> {
  if (eventIds.length === 0) return [];
  return db
    .selectFrom('calendarEventAttendees')
    .select(attendeeColumns)
    .where('eventId', 'in', eventIds)
    .orderBy('eventId')
    .orderBy('position')
    .execute();
}

/**
 * Replaces an event's guests: an address that stays keeps its answer; new ones start at `none`.
 * Answers the guests removed (they get a cancellation) and added.
 */
export async function replaceAttendees(
  db: Kysely<DB>,
  eventId: string,
  attendees: readonly AttendeeInput[],
): Promise<{ removed: AttendeeRecord[]; added: AttendeeInput[] }> {
  const existing = await db
    .selectFrom('calendarEventAttendees')
    .select(['id', 'eventId', 'email', 'emailNormalized', 'displayName', 'userId', 'status', 'answeredAt'])
    .where('eventId', '=', eventId)
    .execute();
  const byKey = new Map(existing.map((row) => [row.emailNormalized, row]));
  const wanted = new Set(attendees.map((attendee) => attendee.emailNormalized));
  const removed = existing.filter((row) => !wanted.has(row.emailNormalized));
  if (removed.length > 0) {
    await db
      .deleteFrom('calendarEventAttendees')
      .where(
        'id',
        'in',
        removed.map((row) => row.id),
      )
      .execute();
  }
  const added: AttendeeInput[] = [];
  for (const [position, attendee] of attendees.entries()) {
    const kept = byKey.get(attendee.emailNormalized);
    if (kept) {
      await db
        .updateTable('calendarEventAttendees')
        .set({ email: attendee.email, displayName: attendee.displayName, userId: attendee.userId, position })
        .where('id', '=', kept.id)
        .execute();
    } else {
      added.push(attendee);
      await db
        .insertInto('calendarEventAttendees')
        .values({ id: newId(), eventId, ...attendee, status: 'none', answeredAt: null, position })
        .execute();
    }
  }
  return { removed: removed.map(({ emailNormalized: _, ...row }) => row), added };
}

/** The members of the organization whose (primary) address is among `emailsNormalized`. */
export async function findMembersByEmail(
  db: Kysely<DB>,
  organizationId: string,
  emailsNormalized: readonly string[],
): Promise<Map<string, string>> {
  if (emailsNormalized.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.userId', 'users.id')
    .select(['users.id', 'users.emailNormalized'])
    .where('memberships.organizationId', '=', organizationId)
    .where('users.emailNormalized', 'in', emailsNormalized)
    .execute();
  return new Map(rows.map((row) => [row.emailNormalized, row.id]));
}

/** Whether the user is a guest of the event (an attendee row with their id). */
export async function isGuest(db: Kysely<DB>, eventId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('calendarEventAttendees')
    .select('id')
    .where('eventId', '=', eventId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The original starts of a series' occurrences that were changed (each is an event of its own). */
export async function listReplacedOccurrenceStarts(
  db: Kysely<DB>,
  seriesId: string,
): Promise<Set<string | null>> {
  const rows = await db
    .selectFrom('calendarEvents')
    .select('originalStart')
    .where('recurringEventId', '=', seriesId)
    .execute();
  return new Set(rows.map((row) => row.originalStart));
}

/** Whether the occurrence of a series that starts (originally) at `originalStart` was changed. */
export async function isOccurrenceReplaced(
  db: Kysely<DB>,
  seriesId: string,
  originalStart: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('calendarEvents')
    .select('id')
    .where('recurringEventId', '=', seriesId)
    .where('originalStart', '=', originalStart)
    .executeTakeFirst();
  return row !== undefined;
}

/** The guests of a series as attendee inputs, in their order (to carry them to a split-off series). */
export async function listSeriesAttendees(
  db: Kysely<DB>,
  series: { id: string },
): Promise<{ email: string; emailNormalized: string; displayName: string | null; userId: string | null }[]> {
  return db
    .selectFrom('calendarEventAttendees')
    .select(['email', 'emailNormalized', 'displayName', 'userId'])
    .where('eventId', '=', series.id)
    .orderBy('position')
    .execute();
}

/** A user's name parts and address (an event's organizer, a feed's owner); undefined when gone. */
export async function findPerson(db: Kysely<DB>, userId: string): Promise<PersonRecord | undefined> {
  return db
    .selectFrom('users')
    .select(['email', 'namePrefix', 'firstName', 'middleName', 'lastName', 'nameSuffix'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** The signed-in user's row among an event's guests, if they are one. */
export async function findGuest(
  db: Kysely<DB>,
  eventId: string,
  userId: string,
): Promise<AttendeeRecord | undefined> {
  return db
    .selectFrom('calendarEventAttendees')
    .select(attendeeColumns)
    .where('eventId', '=', eventId)
    .where('userId', '=', userId)
    .executeTakeFirst();
}

/**
 * The guest whose latest invitation's answer link has this token digest, with the event's
 * organization and the organizer's name parts: one indexed lookup by the digest.
 */
export async function findGuestByAnswerDigest(db: Kysely<DB>, answerTokenDigest: string) {
  return db
    .selectFrom('calendarEventAttendees')
    .innerJoin('calendarEvents', 'calendarEvents.id', 'calendarEventAttendees.eventId')
    .innerJoin('users', 'users.id', 'calendarEvents.ownerId')
    .select(attendeeColumns)
    .select([
      'calendarEvents.organizationId',
      'users.namePrefix',
      'users.firstName',
      'users.middleName',
      'users.lastName',
      'users.nameSuffix',
    ])
    .where('calendarEventAttendees.answerTokenDigest', '=', answerTokenDigest)
    .executeTakeFirst();
}

/** Keeps the digest of a guest's newest answer link (the older links stop answering). */
export async function setAnswerTokenDigest(
  db: Kysely<DB>,
  attendeeId: string,
  digest: string,
): Promise<void> {
  await db
    .updateTable('calendarEventAttendees')
    .set({ answerTokenDigest: digest })
    .where('id', '=', attendeeId)
    .execute();
}

/** Records a guest's answer on their row of the event. */
export async function setAttendeeAnswer(
  db: Kysely<DB>,
  input: { eventId: string; attendeeId: string; status: AttendeeStatus; answeredAt: string },
): Promise<void> {
  await db
    .updateTable('calendarEventAttendees')
    .set({ status: input.status, answeredAt: input.answeredAt })
    .where('id', '=', input.attendeeId)
    .where('eventId', '=', input.eventId)
    .execute();
}

/**
 * The ids of a user's series and single events in an organization (changed occurrences come
 * with their series) that end after `since` or repeat without end, by start: at most `limit`.
 */
export async function listOwnerEventRootIds(
  db: Kysely<DB>,
  input: { organizationId: string; ownerId: string; since: string; limit: number },
): Promise<string[]> {
  const rows = await db
    .selectFrom('calendarEvents')
    .select('id')
    .where('organizationId', '=', input.organizationId)
    .where('ownerId', '=', input.ownerId)
    .where('recurringEventId', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('recurrence', 'is not', null), eb('seriesEndsAt', 'is', null)]),
        eb('seriesEndsAt', '>', input.since),
        eb.and([eb('recurrence', 'is', null), eb('endsAt', '>', input.since)]),
      ]),
    )
    .orderBy('startsAt')
    .orderBy('id')
    .limit(input.limit)
    .execute();
  return rows.map((row) => row.id);
}
