import { describe, expect, it } from 'vitest';
import type { CalendarEventResource } from './api';
import { addDays, apiTimeOf, eventTimes, shiftedSeriesTimes } from './times';

function series(attributes: Partial<CalendarEventResource['attributes']>): CalendarEventResource {
  return { attributes } as CalendarEventResource;
}

describe('calendar times', () => {
  it('counts days on the calendar, across months and years', () => {
    expect(addDays('2026-03-31', 1)).toBe('2026-04-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
  });

  it("reads FullCalendar's dates: with an offset, as wall time in the viewer's zone, or a date", () => {
    expect(apiTimeOf('2026-03-02T09:00:00+01:00', false, 'Europe/Berlin')).toBe('2026-03-02T08:00:00.000Z');
    expect(apiTimeOf('2026-07-02T09:00:00', false, 'Europe/Berlin')).toBe('2026-07-02T07:00:00.000Z');
    expect(apiTimeOf('2026-07-02', true, 'Europe/Berlin')).toBe('2026-07-02');
  });

  it("turns the form's dates and wall times in the viewer's zone into the API's times", () => {
    const timed = {
      allDay: false,
      startDate: '2026-03-29',
      startTime: '09:00',
      endDate: '2026-03-29',
      endTime: '10:30',
    };
    // The morning daylight saving began in Berlin: 09:00 is UTC+2.
    expect(eventTimes(timed, 'Europe/Berlin')).toEqual({
      start: '2026-03-29T07:00:00.000Z',
      end: '2026-03-29T08:30:00.000Z',
    });
    expect(eventTimes({ ...timed, allDay: true, endDate: '2026-03-30' }, 'Europe/Berlin')).toEqual({
      start: '2026-03-29',
      end: '2026-03-30',
    });
    expect(eventTimes({ ...timed, startDate: null }, 'UTC')).toBeUndefined();
    expect(eventTimes({ ...timed, startTime: '' }, 'UTC')).toBeUndefined();
  });

  it('moves a whole series by as much as one occurrence moved (All events)', () => {
    const weekly = series({
      allDay: false,
      start: '2026-03-02T09:00:00+01:00',
      end: '2026-03-02T10:00:00+01:00',
    });
    // The occurrence of 16 March moved two hours later and made 30 minutes longer.
    expect(
      shiftedSeriesTimes(
        weekly,
        { start: '2026-03-16T09:00:00+01:00', end: '2026-03-16T10:00:00+01:00' },
        { start: '2026-03-16T10:00:00.000Z', end: '2026-03-16T11:30:00.000Z' },
        false,
      ),
    ).toEqual({ start: '2026-03-02T10:00:00.000Z', end: '2026-03-02T11:30:00.000Z', allDay: false });
    const allDay = series({ allDay: true, start: '2026-03-02', end: '2026-03-02' });
    expect(
      shiftedSeriesTimes(
        allDay,
        { start: '2026-03-16', end: '2026-03-16' },
        { start: '2026-03-17', end: '2026-03-18' },
        true,
      ),
    ).toEqual({ start: '2026-03-03', end: '2026-03-04', allDay: true });
  });
});
