import { z } from 'zod';
import {
  ATTENDEES_MAX,
  attendeeStatuses,
  DESCRIPTION_MAX,
  EVENT_TITLE_MAX,
  RECURRENCE_MAX,
  REMINDER_MINUTES_MAX,
  REMINDERS_MAX,
} from '../../../common/calendar';
import type { ResourceObject } from '../../platform/http/jsonapi';
import {
  apiPath,
  integer,
  resourceSchema,
  text,
  timestamp,
  toOneRelationship,
} from '../../platform/http/openapi';
import type { ListedOccurrence } from './service';
import type { AttendeeRecord, CalendarEventRecord } from './store';
import { formatEventTime } from './timing';

export const calendarEventPath = (id: string) => `/api/calendarevents/${id}`;

/** A `calendarevents` resource (OroCRM's CalendarEvent; times as the API takes them). */
export function presentCalendarEvent(
  event: CalendarEventRecord,
  attendees: readonly AttendeeRecord[],
): ResourceObject {
  return {
    type: 'calendarevents',
    id: event.id,
    attributes: {
      title: event.title,
      description: event.description,
      start: formatEventTime(event.startsAt, event.startDate, event.timeZone),
      end: formatEventTime(event.endsAt, event.endDate, event.timeZone),
      allDay: event.isAllDay,
      timeZone: event.timeZone,
      backgroundColor: event.backgroundColor,
      recurrence: event.recurrence,
      originalStart: event.originalStart,
      cancelledOccurrences: event.exDates,
      reminders: event.reminders,
      attendees: attendees.map((attendee) => ({
        email: attendee.email,
        displayName: attendee.displayName,
        status: attendee.status,
        user: attendee.userId,
      })),
      uid: event.uid,
      sequence: event.sequence,
      createdAt: event.createdAt,
      updatedAt: event.updatedAt,
    },
    relationships: {
      owner: { data: { type: 'users', id: event.ownerId } },
      createdBy: { data: event.createdById ? { type: 'users', id: event.createdById } : null },
      recurringEvent: {
        data: event.recurringEventId ? { type: 'calendarevents', id: event.recurringEventId } : null,
      },
    },
    links: { self: calendarEventPath(event.id) },
  };
}

/** `start`/`end`: an ISO 8601 date-time with the offset of the event's time zone, or a date for all-day. */
const eventTime = text(40).describe(
  '`2026-03-02T09:00:00+01:00`, or `2026-03-02` for all-day events (end inclusive)',
);

const reminder = z.strictObject({
  method: z.literal('email'),
  minutesBefore: integer(0, REMINDER_MINUTES_MAX),
});

export const calendarEventResource = resourceSchema('calendarevents', {
  attributes: {
    title: text(EVENT_TITLE_MAX * 2 + 16),
    description: text(DESCRIPTION_MAX * 2)
      .nullable()
      .describe('Sanitized HTML'),
    start: eventTime,
    end: eventTime,
    allDay: z.boolean(),
    timeZone: text(64).describe('IANA time zone the event repeats in'),
    backgroundColor: text(7).nullable(),
    recurrence: text(RECURRENCE_MAX).nullable().describe('RFC 5545 RRULE value, e.g. `FREQ=WEEKLY;BYDAY=MO`'),
    originalStart: text(40)
      .nullable()
      .describe('A changed occurrence: the original start it replaces (RECURRENCE-ID)'),
    cancelledOccurrences: z
      .array(text(40))
      .max(10_000)
      .describe('Original starts of the cancelled occurrences (EXDATE)'),
    reminders: z.array(reminder).max(REMINDERS_MAX),
    attendees: z
      .array(
        z.strictObject({
          email: text(600),
          displayName: text(600).nullable(),
          status: z.enum(attendeeStatuses),
          user: text(36).nullable().describe('The organization user with this address, if any'),
        }),
      )
      .max(ATTENDEES_MAX),
    uid: text(64).describe('RFC 5545 UID, stable for the life of the event'),
    sequence: integer(0, 2_147_483_647).describe('RFC 5545 SEQUENCE: raised on every change'),
    createdAt: timestamp,
    updatedAt: timestamp,
  },
  relationships: {
    owner: toOneRelationship('users'),
    createdBy: toOneRelationship('users', { nullable: true }),
    recurringEvent: toOneRelationship('calendarevents', { nullable: true }),
  },
  links: { self: apiPath },
}).meta({ id: 'CalendarEvent' });

/** An occurrence's id: its event's id and its original start. */
export function occurrenceId(occurrence: ListedOccurrence): string {
  return `${occurrence.seriesId ?? occurrence.event.id}:${occurrence.originalStart}`;
}

/** A `calendar-occurrences` resource: one expanded occurrence, pointing at the event to open. */
export function presentOccurrence(occurrence: ListedOccurrence): ResourceObject {
  const { event } = occurrence;
  return {
    type: 'calendar-occurrences',
    id: occurrenceId(occurrence),
    attributes: {
      title: event.title,
      start: formatEventTime(occurrence.startsAt, occurrence.startDate, event.timeZone),
      end: formatEventTime(occurrence.endsAt, occurrence.endDate, event.timeZone),
      allDay: event.isAllDay,
      backgroundColor: event.backgroundColor,
      originalStart: occurrence.seriesId ? occurrence.originalStart : null,
      isRecurring: occurrence.seriesId !== null,
      isChanged: event.recurringEventId !== null,
    },
    relationships: {
      event: { data: { type: 'calendarevents', id: event.id } },
      recurringEvent: {
        data: occurrence.seriesId ? { type: 'calendarevents', id: occurrence.seriesId } : null,
      },
      owner: { data: { type: 'users', id: event.ownerId } },
    },
  };
}

export const occurrenceResource = resourceSchema('calendar-occurrences', {
  id: text(80).describe('`<series or event id>:<original start>`'),
  attributes: {
    title: text(EVENT_TITLE_MAX * 2 + 16),
    start: eventTime,
    end: eventTime,
    allDay: z.boolean(),
    backgroundColor: text(7).nullable(),
    originalStart: text(40)
      .nullable()
      .describe('Of a recurring occurrence: its original start, to change or cancel it (`?occurrence=`)'),
    isRecurring: z.boolean(),
    isChanged: z.boolean().describe('A changed occurrence of a series (its own event row)'),
  },
  relationships: {
    event: toOneRelationship('calendarevents'),
    recurringEvent: toOneRelationship('calendarevents', { nullable: true }),
    owner: toOneRelationship('users'),
  },
}).meta({ id: 'CalendarOccurrence' });

/** A `calendar-event-answers` resource: one guest's answer (id: the guest's row). */
export function presentAnswer(event: CalendarEventRecord, attendee: AttendeeRecord): ResourceObject {
  return {
    type: 'calendar-event-answers',
    id: attendee.id,
    attributes: { status: attendee.status, email: attendee.email, answeredAt: attendee.answeredAt },
    relationships: { event: { data: { type: 'calendarevents', id: event.id } } },
  };
}

export const answerResource = resourceSchema('calendar-event-answers', {
  attributes: {
    status: z.enum(attendeeStatuses),
    email: text(600),
    answeredAt: timestamp.nullable(),
  },
  relationships: { event: toOneRelationship('calendarevents') },
}).meta({ id: 'CalendarEventAnswer' });

/** A `calendar-feeds` resource: my feed; `url` only in the answer that created it. */
export function presentFeed(feed: { id: string; createdAt: string }, url: string | null): ResourceObject {
  return { type: 'calendar-feeds', id: feed.id, attributes: { url, createdAt: feed.createdAt } };
}

export const feedResource = resourceSchema('calendar-feeds', {
  attributes: {
    url: text(2048)
      .nullable()
      .describe('`<PUBLIC_URL>/calendar-feeds/<token>.ics`: in the answer that created the feed only'),
    createdAt: timestamp,
  },
}).meta({ id: 'CalendarFeed' });
