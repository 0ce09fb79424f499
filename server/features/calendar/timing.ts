import { Temporal } from 'temporal-polyfill';
import { isCalendarDate } from '../../../common/dates';
import { errorMeta } from '../../../common/error-particulars';
import { hasInstantForm, parseInstant } from '../../../common/instant';
import { invalidField } from '../../platform/http/errors';
import { dayStart, type EventTiming } from './recurrence';

const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;
/** The years a date may take, in an error's `meta`: the SPA words the limit in the reader's language. */
const YEARS = errorMeta('date_out_of_range', { minimum: FIRST_YEAR, maximum: LAST_YEAR });

/** What the API writes for a stored start or end: a date, or the instant with its offset in `timeZone`. */
export function formatEventTime(iso: string, date: string | null, timeZone: string): string {
  if (date !== null) return date;
  return Temporal.Instant.from(iso)
    .toZonedDateTimeISO(timeZone)
    .toString({ timeZoneName: 'never', fractionalSecondDigits: 0 });
}

function instantOf(field: 'start' | 'end', value: string): string {
  if (!hasInstantForm(value)) {
    throw invalidField(
      field,
      'invalid_date_time',
      'Use an ISO 8601 date-time with an offset, such as 2026-03-02T09:00:00+01:00.',
      errorMeta('invalid_date_time', { reason: 'format' }),
    );
  }
  const instant = parseInstant(value);
  if (instant === undefined) {
    throw invalidField(
      field,
      'invalid_date_time',
      'This date or time does not exist.',
      errorMeta('invalid_date_time', { reason: 'not_existing' }),
    );
  }
  const year = new Date(instant).getUTCFullYear();
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    throw invalidField(
      field,
      'date_out_of_range',
      `Choose a year from ${FIRST_YEAR} to ${LAST_YEAR}.`,
      YEARS,
    );
  }
  return instant;
}

function dateOf(field: 'start' | 'end', value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw invalidField(
      field,
      'invalid_date',
      'An all-day event takes dates (YYYY-MM-DD).',
      errorMeta('invalid_date', { reason: 'format', expected: 'YYYY-MM-DD' }),
    );
  }
  if (!isCalendarDate(value)) {
    throw invalidField(
      field,
      'invalid_date',
      'This date does not exist.',
      errorMeta('invalid_date', { reason: 'not_existing' }),
    );
  }
  const year = Number(value.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    throw invalidField(
      field,
      'date_out_of_range',
      `Choose a year from ${FIRST_YEAR} to ${LAST_YEAR}.`,
      YEARS,
    );
  }
  return value;
}

/**
 * The stored timing of an event from what the API was given. Timed: two instants, the end after
 * the start. All-day: two dates, the end on or after the start (the last day, inclusive — in
 * iCalendar it becomes an exclusive DTEND of the next day), kept as dates and placed at the start
 * of those days in `timeZone` for range queries.
 * @throws AppError 422 at `/data/attributes/start` or `/end`: `invalid_date_time`, `invalid_date`,
 *   `date_out_of_range`, `end_before_start`.
 */
export function resolveTiming(input: {
  start: string;
  end: string;
  allDay: boolean;
  timeZone: string;
  recurrence: string | null;
}): EventTiming {
  if (input.allDay) {
    const startDate = dateOf('start', input.start);
    const endDate = dateOf('end', input.end);
    if (endDate < startDate)
      throw invalidField(
        'end',
        'end_before_start',
        'The end must be on or after the start.',
        errorMeta('end_before_start', { reason: 'all_day' }),
      );
    return {
      isAllDay: true,
      startDate,
      endDate,
      startsAt: dayStart(startDate, input.timeZone),
      endsAt: dayStart(Temporal.PlainDate.from(endDate).add({ days: 1 }), input.timeZone),
      timeZone: input.timeZone,
      recurrence: input.recurrence,
    };
  }
  const startsAt = instantOf('start', input.start);
  const endsAt = instantOf('end', input.end);
  if (endsAt <= startsAt) {
    throw invalidField(
      'end',
      'end_before_start',
      'The end must be after the start.',
      errorMeta('end_before_start', { reason: 'timed' }),
    );
  }
  return {
    isAllDay: false,
    startDate: null,
    endDate: null,
    startsAt,
    endsAt,
    timeZone: input.timeZone,
    recurrence: input.recurrence,
  };
}
