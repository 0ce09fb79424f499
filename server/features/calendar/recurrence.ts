import { RRuleTemporal } from 'rrule-temporal';
import { Temporal } from 'temporal-polyfill';
import { type ErrorParticulars, errorMeta } from '../../../common/error-particulars';
import { invalidField } from '../../platform/http/errors';

/**
 * Recurring events (RFC 5545 §3.3.10 RRULE, §3.8.5.1 EXDATE, §3.8.4.4 RECURRENCE-ID), expanded
 * by rrule-temporal in the event's IANA time zone: the rule runs on wall-clock time there, so a
 * weekly 09:00 Europe/Berlin event stays at 09:00 Berlin across both daylight-saving changes
 * (the drift of odoo/odoo#9268 comes from expanding in UTC).
 *
 * An occurrence is named by its original start (its RECURRENCE-ID): the UTC instant
 * (`2026-03-16T08:00:00.000Z`) of a timed event, the date (`2026-03-16`) of an all-day one.
 */

/** The timing of an event as stored: instants for timed events, dates (end inclusive) for all-day. */
export type EventTiming = {
  isAllDay: boolean;
  /** UTC instants (ISO 8601); for all-day events the start of the dates in `timeZone` */
  startsAt: string;
  endsAt: string;
  /** all-day events: `YYYY-MM-DD`, the end date inclusive */
  startDate: string | null;
  endDate: string | null;
  timeZone: string;
  recurrence: string | null;
};

/**
 * The timing of a stored event (a `calendar_events` row): what expansion, checks and reminder
 * scheduling take. The one place that picks it, for the calendar service and the reminders.
 */
export function timingOf(event: EventTiming): EventTiming {
  return {
    isAllDay: event.isAllDay,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    startDate: event.startDate,
    endDate: event.endDate,
    timeZone: event.timeZone,
    recurrence: event.recurrence,
  };
}

/** One expanded occurrence. `start`/`end` as the API writes them (instants or dates). */
export type Occurrence = {
  originalStart: string;
  startsAt: string;
  endsAt: string;
  startDate: string | null;
  endDate: string | null;
};

/** Most occurrences a rule may produce in a year (issue 14: bounded cost). */
export const MAX_OCCURRENCES_PER_YEAR = 1000;

/** The rule parts Atrium accepts (RFC 5545 §3.3.10 minus BYSECOND; no RSCALE/SKIP). */
const allowedParts = new Set([
  'FREQ',
  'INTERVAL',
  'COUNT',
  'UNTIL',
  'BYDAY',
  'BYMONTHDAY',
  'BYMONTH',
  'BYYEARDAY',
  'BYWEEKNO',
  'BYSETPOS',
  'WKST',
]);
const frequencies = new Set(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);
const subDaily = new Set(['SECONDLY', 'MINUTELY', 'HOURLY']);
/** Periods the library may step through looking for an occurrence (a rule that never matches stops here). */
const MAX_ITERATIONS = 1000;
const MAX_COUNT = 999;
const MAX_INTERVAL = 999;

const badRule = (code: string, detail: string, meta?: Record<string, unknown>) =>
  invalidField('recurrence', code, detail, meta);
const invalidRule = (detail: string, meta: ErrorParticulars<'recurrence_invalid'>) =>
  badRule('recurrence_invalid', detail, errorMeta('recurrence_invalid', meta));

/** The rule's parts by name, after checking their syntax (not their meaning). */
function ruleParts(rule: string): Map<string, string> {
  const parts = new Map<string, string>();
  const body = rule.startsWith('RRULE:') ? rule.slice('RRULE:'.length) : rule;
  for (const part of body.split(';')) {
    const match = /^([A-Z]+)=([A-Z0-9,+\-:T]+)$/.exec(part);
    if (!match?.[1] || !match[2]) {
      throw invalidRule(
        `"${part.slice(0, 40)}" is not a recurrence rule part (RFC 5545 NAME=VALUE, such as FREQ=WEEKLY).`,
        { reason: 'not_a_part', part: part.slice(0, 40) },
      );
    }
    const [, name, value] = match;
    if (!allowedParts.has(name)) {
      throw invalidRule(`The rule part ${name} is not supported.`, {
        reason: 'unsupported_part',
        part: name,
      });
    }
    if (parts.has(name)) {
      throw invalidRule(`The rule gives ${name} twice.`, { reason: 'repeated_part', part: name });
    }
    parts.set(name, value);
  }
  return parts;
}

function checkParts(parts: Map<string, string>): void {
  const freq = parts.get('FREQ');
  if (freq && subDaily.has(freq)) {
    throw badRule(
      'recurrence_too_frequent',
      'Events repeat at most daily (FREQ=DAILY, WEEKLY, MONTHLY or YEARLY).',
      errorMeta('recurrence_too_frequent', { reason: 'sub_daily' }),
    );
  }
  if (!freq || !frequencies.has(freq)) {
    throw invalidRule('The rule needs FREQ (DAILY, WEEKLY, MONTHLY or YEARLY).', {
      reason: 'frequency_required',
    });
  }
  const interval = parts.get('INTERVAL');
  if (interval !== undefined) {
    if (!/^\d{1,4}$/.test(interval)) {
      throw invalidRule('INTERVAL must be a whole number.', { reason: 'interval_not_whole' });
    }
    if (Number(interval) === 0) throw badRule('recurrence_interval_zero', 'INTERVAL must be at least 1.');
    if (Number(interval) > MAX_INTERVAL) {
      throw invalidRule(`INTERVAL must be at most ${MAX_INTERVAL}.`, {
        reason: 'interval_too_large',
        maximum: MAX_INTERVAL,
      });
    }
  }
  const count = parts.get('COUNT');
  if (count !== undefined && (!/^\d{1,4}$/.test(count) || Number(count) < 1 || Number(count) > MAX_COUNT)) {
    throw invalidRule(`COUNT must be a whole number from 1 to ${MAX_COUNT}.`, {
      reason: 'count_out_of_range',
      minimum: 1,
      maximum: MAX_COUNT,
    });
  }
  if (count !== undefined && parts.has('UNTIL')) {
    throw invalidRule('Give COUNT or UNTIL, not both (RFC 5545).', { reason: 'count_and_until' });
  }
  const until = parts.get('UNTIL');
  if (until !== undefined && !/^\d{8}(T\d{6}Z?)?$/.test(until)) {
    throw invalidRule('UNTIL must be a date (20261231) or a UTC time (20261231T235959Z).', {
      reason: 'until_format',
    });
  }
}

/** The first occurrence: the event's start, on the wall clock of its time zone (UTC midnight for all-day). */
function firstStart(timing: EventTiming): Temporal.ZonedDateTime {
  if (timing.isAllDay) {
    return Temporal.PlainDate.from(timing.startDate as string).toZonedDateTime({ timeZone: 'UTC' });
  }
  return Temporal.Instant.from(timing.startsAt).toZonedDateTimeISO(timing.timeZone);
}

function buildRule(rule: string, timing: EventTiming): RRuleTemporal {
  return new RRuleTemporal({
    rruleString: rule.replace(/^RRULE:/, ''),
    dtstart: firstStart(timing),
    temporal: Temporal,
    maxIterations: MAX_ITERATIONS,
  });
}

/**
 * Checks a rule for an event and answers it normalized (without `RRULE:`).
 * @throws AppError 422 at `/data/attributes/recurrence`: `recurrence_invalid` (syntax, unknown
 *   or repeated part, COUNT with UNTIL, a rule the library refuses), `recurrence_interval_zero`,
 *   `recurrence_too_frequent` (more often than daily, or more than 1,000 occurrences in the
 *   first year), `recurrence_empty` (no occurrence within the library's iteration bound).
 */
export function checkRecurrence(rule: string, timing: EventTiming): string {
  const normalized = rule.trim().replace(/^RRULE:/, '');
  const parts = ruleParts(normalized);
  checkParts(parts);
  let parsed: RRuleTemporal;
  try {
    parsed = buildRule(normalized, timing);
  } catch (error) {
    throw invalidRule(`The rule cannot be read: ${(error as Error).message}`.slice(0, 300), {
      reason: 'unreadable',
    });
  }
  const start = firstStart(timing);
  const yearLater = start.add({ years: 1 });
  let count: number;
  let next: unknown;
  try {
    count = parsed.between(
      new Date(start.epochMilliseconds),
      new Date(yearLater.epochMilliseconds - 1),
      true,
    ).length;
    next = count > 0 ? true : parsed.next(new Date(start.epochMilliseconds), true);
  } catch {
    next = null;
    count = 0;
  }
  if (count > MAX_OCCURRENCES_PER_YEAR) {
    throw badRule(
      'recurrence_too_frequent',
      `The rule makes more than ${MAX_OCCURRENCES_PER_YEAR} occurrences a year: choose a longer interval.`,
      errorMeta('recurrence_too_frequent', { reason: 'per_year', maximum: MAX_OCCURRENCES_PER_YEAR }),
    );
  }
  if (!next) {
    throw badRule('recurrence_empty', 'The rule never produces an occurrence: check its days and months.');
  }
  return normalized;
}

/** The length of each occurrence: exact time for timed events, whole days for all-day ones. */
function occurrenceOf(timing: EventTiming, start: Temporal.ZonedDateTime): Occurrence {
  if (timing.isAllDay) {
    const first = Temporal.PlainDate.from(timing.startDate as string);
    const days = first.until(Temporal.PlainDate.from(timing.endDate as string)).days;
    const startDate = start.toPlainDate();
    const endDate = startDate.add({ days });
    return {
      originalStart: startDate.toString(),
      startDate: startDate.toString(),
      endDate: endDate.toString(),
      startsAt: dayStart(startDate, timing.timeZone),
      endsAt: dayStart(endDate.add({ days: 1 }), timing.timeZone),
    };
  }
  const length = Date.parse(timing.endsAt) - Date.parse(timing.startsAt);
  const startsAt = new Date(start.epochMilliseconds).toISOString();
  return {
    originalStart: startsAt,
    startsAt,
    endsAt: new Date(start.epochMilliseconds + length).toISOString(),
    startDate: null,
    endDate: null,
  };
}

/** The UTC instant (ISO) at which `date` begins in `timeZone`. */
export function dayStart(date: Temporal.PlainDate | string, timeZone: string): string {
  const plain = typeof date === 'string' ? Temporal.PlainDate.from(date) : date;
  return new Date(plain.toZonedDateTime({ timeZone }).epochMilliseconds).toISOString();
}

/**
 * The occurrences of a series that overlap [from, to) (UTC instants, ISO), in start order,
 * EXDATEs excluded. A single event answers itself when it overlaps.
 */
export function expandOccurrences(
  timing: EventTiming,
  range: { from: string; to: string },
  exDates: ReadonlySet<string> = new Set(),
): Occurrence[] {
  const from = Date.parse(range.from);
  const to = Date.parse(range.to);
  const overlaps = (occurrence: Occurrence) =>
    Date.parse(occurrence.endsAt) > from && Date.parse(occurrence.startsAt) < to;
  if (!timing.recurrence) {
    const single: Occurrence = {
      originalStart: timing.isAllDay ? (timing.startDate as string) : timing.startsAt,
      startsAt: timing.startsAt,
      endsAt: timing.endsAt,
      startDate: timing.startDate,
      endDate: timing.endDate,
    };
    return overlaps(single) ? [single] : [];
  }
  const rule = buildRule(timing.recurrence, timing);
  // Widen the search by the occurrence's length and a day (all-day dates run on UTC midnights).
  const length = Date.parse(timing.endsAt) - Date.parse(timing.startsAt);
  const day = 86_400_000;
  let starts: ReturnType<RRuleTemporal['between']>;
  try {
    starts = rule.between(new Date(from - length - day), new Date(to + day), true);
  } catch {
    // Only a rule stored before a stricter check could exceed the iteration bound: it has no occurrences to show.
    starts = [];
  }
  return starts
    .map((start) => occurrenceOf(timing, start))
    .filter((occurrence) => overlaps(occurrence) && !exDates.has(occurrence.originalStart));
}

/**
 * The end of the series' last occurrence (an upper bound for UNTIL), or null when it never ends.
 * Stored as `series_ends_at` so that range queries skip finished series.
 */
export function seriesEnd(timing: EventTiming): string | null {
  if (!timing.recurrence) return timing.endsAt;
  const parts = ruleParts(timing.recurrence);
  const length = Date.parse(timing.endsAt) - Date.parse(timing.startsAt);
  if (parts.has('COUNT')) {
    const all = buildRule(timing.recurrence, timing).all();
    const last = all.at(-1);
    const lastOccurrence = last ? occurrenceOf(timing, last) : undefined;
    return lastOccurrence?.endsAt ?? timing.endsAt;
  }
  const until = parts.get('UNTIL');
  if (until) {
    const untilMs = /T/.test(until)
      ? Date.parse(
          `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}T${until.slice(9, 11)}:${until.slice(11, 13)}:${until.slice(13, 15)}Z`,
        )
      : Date.parse(`${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}T23:59:59Z`);
    // Plus a day and a half: an all-day occurrence's end in any zone.
    return new Date(untilMs + length + 2 * 86_400_000).toISOString();
  }
  return null;
}

/** Whether `originalStart` names an occurrence of the series (EXDATEs not considered). */
export function isOccurrence(timing: EventTiming, originalStart: string): boolean {
  const at = timing.isAllDay ? Date.parse(`${originalStart}T00:00:00Z`) : Date.parse(originalStart);
  if (Number.isNaN(at)) return false;
  const found = expandOccurrences(timing, {
    from: new Date(at - 2 * 86_400_000).toISOString(),
    to: new Date(at + 2 * 86_400_000).toISOString(),
  });
  return found.some((occurrence) => occurrence.originalStart === originalStart);
}

/**
 * The series cut just before `originalStart` (for "this and following"): the rule gets an UNTIL
 * one second before that occurrence (a day before, for all-day), and COUNT is dropped; the second
 * rule continues with the remaining COUNT, if there was one.
 */
export function splitRule(timing: EventTiming, originalStart: string): { before: string; after: string } {
  const parts = ruleParts(timing.recurrence as string);
  const count = parts.get('COUNT');
  let remaining: number | undefined;
  if (count !== undefined) {
    const cut = timing.isAllDay ? `${originalStart}T00:00:00Z` : originalStart;
    const before = buildRule(timing.recurrence as string, timing)
      .all()
      .filter((start) => start.epochMilliseconds < Date.parse(cut)).length;
    remaining = Number(count) - before;
  }
  const until = timing.isAllDay
    ? Temporal.PlainDate.from(originalStart).subtract({ days: 1 }).toString().replaceAll('-', '')
    : new Date(Date.parse(originalStart) - 1000)
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '');
  const keep = [...parts].filter(([name]) => name !== 'COUNT' && name !== 'UNTIL');
  const text = (list: [string, string][]) => list.map(([name, value]) => `${name}=${value}`).join(';');
  return {
    before: text([...keep, ['UNTIL', until]]),
    after: text(
      remaining !== undefined
        ? [...keep, ['COUNT', String(remaining)]]
        : [
            ...keep,
            ...(parts.has('UNTIL') ? [['UNTIL', parts.get('UNTIL') as string] as [string, string]] : []),
          ],
    ),
  };
}
