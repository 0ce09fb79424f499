import { fromZonedWallTime } from '../../../common/zoned-time';
import type { CalendarEventResource } from './api';

/**
 * Times between the calendar's forms, FullCalendar and the API: the API takes instants (ISO 8601
 * with an offset) or, for all-day events, dates with the end inclusive; FullCalendar's all-day
 * end is exclusive; forms hold a date and a wall time in the viewer's zone.
 */

const DAY = 24 * 60 * 60_000;

/** A `YYYY-MM-DD` date `days` later (earlier when negative), on the calendar (no zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/**
 * A date FullCalendar gives back (`startStr`): a date for all-day, else a date-time, with an
 * offset or as wall time in the calendar's zone; as the API takes it (an instant, or a date).
 */
export function apiTimeOf(value: string, allDay: boolean, timeZone: string | undefined): string {
  if (allDay) return value.slice(0, 10);
  if (/(Z|[+-]\d{2}:\d{2})$/.test(value)) return new Date(Date.parse(value)).toISOString();
  return fromZonedWallTime(value.slice(0, 16), timeZone) ?? value;
}

/** The start and end as the API takes them, or undefined when a date or time is missing. */
export function eventTimes(
  values: {
    allDay: boolean;
    startDate: string | null;
    startTime: string;
    endDate: string | null;
    endTime: string;
  },
  timeZone: string | undefined,
): { start: string; end: string } | undefined {
  if (!values.startDate || !values.endDate) return undefined;
  if (values.allDay) return { start: values.startDate, end: values.endDate };
  const start = fromZonedWallTime(`${values.startDate}T${values.startTime}`, timeZone);
  const end = fromZonedWallTime(`${values.endDate}T${values.endTime}`, timeZone);
  return start && end ? { start, end } : undefined;
}

/**
 * The series' own start and end moved by as much as the occurrence moved (a change for **All
 * events** made from a later occurrence must not move the series to that occurrence's day).
 */
export function shiftedSeriesTimes(
  series: CalendarEventResource,
  occurrence: { start: string; end: string },
  times: { start: string; end: string },
  allDay: boolean,
): { start: string; end: string; allDay: boolean } {
  const a = series.attributes;
  if (allDay) {
    const asDay = (date: string) => Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
    const seriesStart = a.allDay ? a.start : new Date(Date.parse(a.start)).toISOString().slice(0, 10);
    const shift = asDay(times.start) - asDay(occurrence.start);
    const length = asDay(times.end) - asDay(times.start);
    const start = new Date(asDay(seriesStart) + shift);
    return {
      start: start.toISOString().slice(0, 10),
      end: new Date(start.getTime() + length).toISOString().slice(0, 10),
      allDay,
    };
  }
  const occurrenceStart = a.allDay
    ? Date.parse(`${occurrence.start.slice(0, 10)}T00:00:00Z`)
    : Date.parse(occurrence.start);
  const seriesStart = a.allDay ? Date.parse(`${a.start}T00:00:00Z`) : Date.parse(a.start);
  const shift = Date.parse(times.start) - occurrenceStart;
  const length = Date.parse(times.end) - Date.parse(times.start);
  const start = seriesStart + shift;
  return {
    start: new Date(start).toISOString(),
    end: new Date(start + Math.max(length, DAY / (24 * 60))).toISOString(),
    allDay,
  };
}
