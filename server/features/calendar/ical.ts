import ical, {
  type ICalAttendeeData,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import type { PersonName } from '../../../common/person-name';
import type { AttendeeStatus } from '../../platform/db/schema';
import { htmlToPlainText } from '../emails/body';
import type { AttendeeRecord, CalendarEventRecord } from './store';

/**
 * iCalendar objects (RFC 5545, iTIP RFC 5546) of Atrium's events, written by ical-generator:
 * invitations (METHOD:REQUEST), cancellations (CANCEL), single-event downloads and feeds.
 *
 * - Timed events carry `DTSTART;TZID=<the event's IANA zone>` in wall-clock time, with a
 *   VTIMEZONE for each zone (generated from the zone's transitions, below), so a weekly 09:00
 *   Europe/Berlin event stays at 09:00 Berlin time in every client across daylight-saving changes.
 * - All-day events are `VALUE=DATE` with the exclusive end (RFC 5545 §3.6.1: the day after the
 *   last day); Atrium stores the last day inclusive.
 * - A series carries its RRULE and its cancelled occurrences as EXDATE; each changed occurrence
 *   is a VEVENT of its own with the same UID and a RECURRENCE-ID (its original start).
 */

/** An event's series (or single event) with its changed occurrences, their guests, and the organizer. */
export type EventFamily = {
  root: CalendarEventRecord;
  exceptions: CalendarEventRecord[];
  /** by event id */
  attendees: Map<string, AttendeeRecord[]>;
  /** `name`: the full name as the family's reader writes it (`readBy` in invitations.ts). */
  organizer: { name: string; email: string; person: PersonName };
};

export type CalendarKind = 'REQUEST' | 'CANCEL' | 'PUBLISH' | 'feed';

const partstat: Record<AttendeeStatus, ICalAttendeeStatus> = {
  none: ICalAttendeeStatus.NEEDSACTION,
  accepted: ICalAttendeeStatus.ACCEPTED,
  tentative: ICalAttendeeStatus.TENTATIVE,
  declined: ICalAttendeeStatus.DECLINED,
};

const PRODUCT_ID = { company: 'Atrium', product: 'Calendar', language: 'EN' };

function zoned(iso: string, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.from(iso).toZonedDateTimeISO(timeZone).round({ smallestUnit: 'second' });
}

/** `YYYYMMDDTHHMMSS` of a ZonedDateTime's wall-clock time. */
function localStamp(value: Temporal.ZonedDateTime | Temporal.PlainDateTime): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(value.year, 4)}${pad(value.month)}${pad(value.day)}T${pad(value.hour)}${pad(value.minute)}${pad(value.second)}`;
}

function offsetText(nanoseconds: number): string {
  const minutes = Math.round(nanoseconds / 60e9);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/**
 * A VTIMEZONE (RFC 5545 §3.6.5) for an IANA zone as of `year`: the zone's two yearly
 * transitions as STANDARD/DAYLIGHT observances with a yearly RRULE (the nth or last weekday of
 * the month, as every zone with daylight saving defines them today), or one STANDARD observance
 * for a zone without daylight saving that year. Derived from the zone database the runtime ships
 * (Temporal), so it agrees with the expansion of the recurrence.
 */
export function vtimezone(timeZone: string, year: number): string {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const transitions: Temporal.ZonedDateTime[] = [];
  let cursor: Temporal.ZonedDateTime | null = Temporal.ZonedDateTime.from({
    timeZone,
    year,
    month: 1,
    day: 1,
  });
  const end = Temporal.ZonedDateTime.from({ timeZone, year: year + 1, month: 1, day: 1 });
  for (;;) {
    cursor = cursor.getTimeZoneTransition('next');
    if (!cursor || Temporal.ZonedDateTime.compare(cursor, end) >= 0) break;
    transitions.push(cursor);
  }
  if (transitions.length !== 2) {
    const first = Temporal.ZonedDateTime.from({ timeZone, year, month: 1, day: 1 });
    const at = transitions.length > 0 ? (transitions.at(-1) as Temporal.ZonedDateTime) : first;
    const offset = offsetText(at.offsetNanoseconds);
    lines.push(
      'BEGIN:STANDARD',
      `DTSTART:${localStamp(at.toPlainDateTime())}`,
      `TZOFFSETFROM:${offset}`,
      `TZOFFSETTO:${offset}`,
      'END:STANDARD',
    );
  } else {
    const offsets = transitions.map((at) => at.offsetNanoseconds);
    for (const at of transitions) {
      const before = at.subtract({ nanoseconds: 1 }).offsetNanoseconds;
      const isDaylight = at.offsetNanoseconds === Math.max(...offsets) && at.offsetNanoseconds > before;
      // The wall-clock time the transition happens at, in the offset in force before it.
      const wall = at.toInstant().toZonedDateTimeISO('UTC').add({ nanoseconds: before }).toPlainDateTime();
      const daysInMonth = wall.toPlainDate().daysInMonth;
      const nth = wall.day + 7 > daysInMonth ? -1 : Math.ceil(wall.day / 7);
      const kind = isDaylight ? 'DAYLIGHT' : 'STANDARD';
      lines.push(
        `BEGIN:${kind}`,
        `DTSTART:${localStamp(wall)}`,
        `RRULE:FREQ=YEARLY;BYMONTH=${wall.month};BYDAY=${nth}${weekdays[wall.dayOfWeek - 1]}`,
        `TZOFFSETFROM:${offsetText(before)}`,
        `TZOFFSETTO:${offsetText(at.offsetNanoseconds)}`,
        `END:${kind}`,
      );
    }
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

function plainDescription(html: string | null): string | undefined {
  if (!html) return undefined;
  const text = htmlToPlainText(html).trim();
  return text === '' ? undefined : text;
}

function nextDay(date: string): Temporal.PlainDate {
  return Temporal.PlainDate.from(date).add({ days: 1 });
}

/** The RRULE and EXDATE lines of a series, as ical-generator inserts a string rule. */
function repeatingLines(event: CalendarEventRecord): string | null {
  if (!event.recurrence) return null;
  const lines = [`RRULE:${event.recurrence}`];
  if (event.exDates.length > 0) {
    lines.push(
      event.isAllDay
        ? `EXDATE;VALUE=DATE:${event.exDates.map((d) => d.replaceAll('-', '')).join(',')}`
        : `EXDATE;TZID=${event.timeZone}:${event.exDates.map((at) => localStamp(zoned(at, event.timeZone))).join(',')}`,
    );
  }
  return lines.join('\n');
}

/**
 * The iCalendar text of an event family. `kind`: `REQUEST` (an invitation or its update),
 * `CANCEL` (the event is deleted or the recipient no longer invited: every VEVENT
 * STATUS:CANCELLED, SEQUENCE `cancelSequence`), `PUBLISH` (a download) or `feed` (no METHOD).
 * `stamp` is DTSTAMP (ISO), the time the object was made.
 */
export function familyCalendar(
  family: EventFamily,
  kind: CalendarKind,
  options: { stamp: string; cancelSequence?: number; name?: string },
): string {
  return eventsCalendar([family], kind, options);
}

/** Like `familyCalendar` for several families in one calendar (the feed). */
export function eventsCalendar(
  families: readonly EventFamily[],
  kind: CalendarKind,
  options: { stamp: string; cancelSequence?: number; name?: string },
): string {
  const zones = new Map<string, number>();
  for (const family of families) {
    for (const event of [family.root, ...family.exceptions]) {
      if (event.isAllDay) continue;
      const year = Number.parseInt(event.startsAt.slice(0, 4), 10);
      // The observances start a year before the first event, so every date of it has its offset.
      zones.set(event.timeZone, Math.min(zones.get(event.timeZone) ?? year - 1, year - 1));
    }
  }
  const calendar = ical({
    prodId: PRODUCT_ID,
    ...(kind === 'feed' ? {} : { method: ICalCalendarMethod[kind] }),
    ...(options.name ? { name: options.name } : {}),
    timezone: {
      name: null,
      generator: (timeZone) => vtimezone(timeZone, zones.get(timeZone) ?? new Date().getUTCFullYear()),
    },
  });
  const stamp = new Date(options.stamp);
  for (const family of families) {
    for (const event of [family.root, ...family.exceptions]) {
      const attendees: ICalAttendeeData[] = (family.attendees.get(event.id) ?? []).map((attendee) => ({
        email: attendee.email,
        ...(attendee.displayName ? { name: attendee.displayName } : {}),
        status: partstat[attendee.status],
        rsvp: kind === 'REQUEST',
      }));
      const isException = event.recurringEventId !== null && event.originalStart !== null;
      const timing = event.isAllDay
        ? {
            allDay: true,
            start: Temporal.PlainDate.from(event.startDate as string),
            end: nextDay(event.endDate as string),
          }
        : {
            timezone: event.timeZone,
            start: zoned(event.startsAt, event.timeZone),
            end: zoned(event.endsAt, event.timeZone),
          };
      const recurrenceId = isException
        ? event.isAllDay
          ? Temporal.PlainDate.from(event.originalStart as string)
          : zoned(event.originalStart as string, event.timeZone)
        : null;
      calendar.createEvent({
        id: event.uid,
        sequence: kind === 'CANCEL' ? (options.cancelSequence ?? event.sequence + 1) : event.sequence,
        stamp,
        ...timing,
        ...(recurrenceId ? { recurrenceId } : {}),
        repeating: isException ? null : repeatingLines(event),
        summary: event.title,
        ...(plainDescription(event.description) ? { description: plainDescription(event.description) } : {}),
        organizer: family.organizer,
        attendees,
        created: new Date(event.createdAt),
        lastModified: new Date(event.updatedAt),
        ...(kind === 'CANCEL' ? { status: ICalEventStatus.CANCELLED } : {}),
      });
    }
  }
  return calendar.toString();
}
