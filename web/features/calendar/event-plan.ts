import type { OccurrenceScope, Reminder } from '../../../common/calendar';
import { toZonedWallTime } from '../../../common/zoned-time';
import { addressOf, namedAddress } from '../../ui/addresses';
import type { CalendarEventInput, CalendarEventResource, EventTarget } from './api';
import { fromRRule, type RepeatValue, toRRule } from './recurrence';
import { eventTimes, shiftedSeriesTimes } from './times';

/** An occurrence of a series being edited: which one, and where it is now. */
export type EditedOccurrence = {
  /** the series' id */
  seriesId: string;
  /** its original start (`?occurrence=`) */
  originalStart: string;
  /** its start and end now, as the occurrences list gives them */
  start: string;
  end: string;
};

/** What the event dialog opens on: an event (or one of its occurrences), or a new event's range. */
export type EventDialogOpening = {
  /** Edit this event (a series, a single event, or a changed occurrence) instead of creating one. */
  event?: CalendarEventResource | undefined;
  /** With `event` a series: the occurrence opened (the dialog asks this / following / all). */
  occurrence?: EditedOccurrence | undefined;
  /** A new event's start and end (e.g. a range chosen in the calendar). */
  initialRange?: { start: string; end: string; allDay: boolean } | undefined;
};

export type EventFormValues = {
  title: string;
  description: string;
  allDay: boolean;
  /** `YYYY-MM-DD` in the viewer's zone */
  startDate: string | null;
  /** `HH:mm` in the viewer's zone */
  startTime: string;
  endDate: string | null;
  endTime: string;
  backgroundColor: string | null;
  repeat: RepeatValue;
  reminders: Reminder[];
  /** `Name <address>` or `address` */
  guests: string[];
  scope: OccurrenceScope;
};

function splitWallTime(value: string, allDay: boolean, timeZone: string | undefined) {
  if (allDay || /^\d{4}-\d{2}-\d{2}$/.test(value)) return { date: value.slice(0, 10), time: '09:00' };
  const wall = toZonedWallTime(value, timeZone);
  return { date: wall.slice(0, 10), time: wall.slice(11, 16) };
}

function nextHour(): Date {
  const date = new Date();
  date.setMinutes(0, 0, 0);
  date.setHours(date.getHours() + 1);
  return date;
}

/** The form's first values: the event (or the occurrence) opened, or a new event at the next full hour. */
export function initialEventValues(
  opening: EventDialogOpening,
  timeZone: string | undefined,
): EventFormValues {
  const a = opening.event?.attributes;
  const allDay = a?.allDay ?? opening.initialRange?.allDay ?? false;
  const start =
    opening.occurrence?.start ?? a?.start ?? opening.initialRange?.start ?? nextHour().toISOString();
  const end =
    opening.occurrence?.end ??
    a?.end ??
    opening.initialRange?.end ??
    new Date(Date.parse(start) + 60 * 60_000).toISOString();
  const s = splitWallTime(start, allDay, timeZone);
  const e = splitWallTime(end, allDay, timeZone);
  return {
    title: a?.title ?? '',
    description: a?.description ?? '',
    allDay,
    startDate: s.date,
    startTime: s.time,
    endDate: e.date,
    endTime: allDay ? '10:00' : e.time,
    backgroundColor: a?.backgroundColor ?? null,
    repeat: fromRRule(a?.recurrence ?? null, a?.timeZone ?? timeZone),
    reminders: a?.reminders ?? [],
    guests: (a?.attendees ?? []).map((guest) =>
      guest.displayName ? namedAddress(guest.displayName, guest.email) : guest.email,
    ),
    scope: 'this',
  };
}

function guestOf(text: string): { email: string; displayName: string | null } {
  const email = addressOf(text) ?? text.trim();
  const named = /^(.*)<[^<>]+>$/.exec(text.trim());
  const displayName = named?.[1]?.trim() || null;
  return { email, displayName };
}

/** What saving the dialog does: create an event in the owner's calendar, or change the one opened. */
export type EventSave =
  | { kind: 'create'; ownerId: string; attributes: CalendarEventInput }
  | { kind: 'update'; target: EventTarget; attributes: Partial<CalendarEventInput> };

/**
 * The request the submitted form makes, or `undefined` when its start cannot be read. An event
 * repeats in `eventZone` (its own, or the viewer's for a new one); an edit sends only what changed,
 * and an occurrence of a series goes to the series with the scope chosen.
 */
export function planEventSave(options: {
  submitted: EventFormValues;
  initial: EventFormValues;
  opening: EventDialogOpening;
  ownerId: string;
  viewerZone: string | undefined;
  eventZone: string;
}): EventSave | undefined {
  const { submitted, initial, opening, ownerId, viewerZone, eventZone } = options;
  const { event, occurrence } = opening;
  const times = eventTimes(submitted, viewerZone);
  if (!times) return undefined;
  const recurrence = toRRule(submitted.repeat, submitted.startDate ?? '', eventZone, submitted.allDay);
  const attributes: CalendarEventInput = {
    title: submitted.title.trim(),
    description: submitted.description.replace(/<p><\/p>/g, '').trim() ? submitted.description : null,
    start: times.start,
    end: times.end,
    allDay: submitted.allDay,
    timeZone: eventZone,
    backgroundColor: submitted.backgroundColor,
    recurrence,
    reminders: submitted.reminders,
    attendees: submitted.guests.map(guestOf),
  };
  if (!event) return { kind: 'create', ownerId, attributes };
  const changes = changedAttributes(attributes, initial, submitted, event, viewerZone);
  let target: EventTarget = { id: event.id };
  if (occurrence) {
    target = { id: occurrence.seriesId, occurrence: occurrence.originalStart, scope: submitted.scope };
    // One occurrence does not repeat on its own.
    if (submitted.scope === 'this') delete changes.recurrence;
    // All of the series: its own times move by as much as this occurrence moved.
    if (submitted.scope === 'all' && (changes.start || changes.end)) {
      Object.assign(changes, shiftedSeriesTimes(event, occurrence, times, submitted.allDay));
    }
  }
  return { kind: 'update', target, attributes: changes };
}

/** What changed against the opened event (a PATCH sends only that; timing fields go together). */
function changedAttributes(
  next: CalendarEventInput,
  initial: EventFormValues,
  submitted: EventFormValues,
  event: CalendarEventResource,
  viewerZone: string | undefined,
): Partial<CalendarEventInput> {
  const a = event.attributes;
  const changes: Partial<CalendarEventInput> = {};
  if (next.title !== a.title) changes.title = next.title;
  if ((next.description ?? '') !== (a.description ?? '')) changes.description = next.description;
  if (next.backgroundColor !== a.backgroundColor) changes.backgroundColor = next.backgroundColor;
  if (next.recurrence !== a.recurrence) changes.recurrence = next.recurrence;
  if (JSON.stringify(next.reminders) !== JSON.stringify(a.reminders)) changes.reminders = next.reminders;
  const guests = a.attendees.map((guest) => guest.email.toLowerCase()).join(',');
  if (next.attendees.map((guest) => guest.email.toLowerCase()).join(',') !== guests)
    changes.attendees = next.attendees;
  const before = eventTimes(initial, viewerZone);
  const after = eventTimes(submitted, viewerZone);
  if (submitted.allDay !== initial.allDay || before?.start !== after?.start || before?.end !== after?.end) {
    changes.start = next.start;
    changes.end = next.end;
    changes.allDay = next.allDay;
  }
  return changes;
}
