import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/http/errors';
import { checkRecurrence, type EventTiming, expandOccurrences, seriesEnd, splitRule } from './recurrence';

const berlinMonday: EventTiming = {
  isAllDay: false,
  // Monday 2 March 2026, 09:00–10:00 in Berlin (CET, UTC+1).
  startsAt: '2026-03-02T08:00:00.000Z',
  endsAt: '2026-03-02T09:00:00.000Z',
  startDate: null,
  endDate: null,
  timeZone: 'Europe/Berlin',
  recurrence: 'FREQ=WEEKLY;BYDAY=MO',
};

const berlinTime = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Berlin',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? `${error.code} ${JSON.stringify(error.source)}` : String(error);
  }
  return 'accepted';
};

describe('recurrence', () => {
  it('keeps a weekly 09:00 Europe/Berlin event at 09:00 Berlin across both daylight-saving changes', () => {
    const march = expandOccurrences(berlinMonday, {
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-04-10T00:00:00.000Z',
    });
    const october = expandOccurrences(berlinMonday, {
      from: '2026-10-01T00:00:00.000Z',
      to: '2026-11-10T00:00:00.000Z',
    });
    // CEST begins 29 March and ends 25 October 2026: the UTC hour moves, Berlin's does not.
    expect(march.map((o) => o.startsAt)).toEqual([
      '2026-03-02T08:00:00.000Z',
      '2026-03-09T08:00:00.000Z',
      '2026-03-16T08:00:00.000Z',
      '2026-03-23T08:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
      '2026-04-06T07:00:00.000Z',
    ]);
    expect(october.map((o) => o.startsAt)).toEqual([
      '2026-10-05T07:00:00.000Z',
      '2026-10-12T07:00:00.000Z',
      '2026-10-19T07:00:00.000Z',
      '2026-10-26T08:00:00.000Z',
      '2026-11-02T08:00:00.000Z',
      '2026-11-09T08:00:00.000Z',
    ]);
    for (const occurrence of [...march, ...october]) {
      expect(berlinTime(occurrence.startsAt)).toBe('09:00');
      expect(berlinTime(occurrence.endsAt)).toBe('10:00');
    }
  });

  it('leaves out EXDATEs and lists occurrences that overlap the range', () => {
    const found = expandOccurrences(
      berlinMonday,
      { from: '2026-03-09T08:30:00.000Z', to: '2026-03-23T08:00:00.000Z' },
      new Set(['2026-03-16T08:00:00.000Z']),
    );
    expect(found.map((o) => o.originalStart)).toEqual(['2026-03-09T08:00:00.000Z']);
  });

  it('expands all-day series as dates', () => {
    const allDay: EventTiming = {
      isAllDay: true,
      startDate: '2026-01-31',
      endDate: '2026-02-01',
      startsAt: '2026-01-30T23:00:00.000Z',
      endsAt: '2026-02-01T23:00:00.000Z',
      timeZone: 'Europe/Berlin',
      recurrence: 'FREQ=MONTHLY;BYDAY=-1SA;COUNT=3',
    };
    const found = expandOccurrences(allDay, {
      from: '2026-01-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    });
    expect(found.map((o) => [o.startDate, o.endDate])).toEqual([
      ['2026-01-31', '2026-02-01'],
      ['2026-02-28', '2026-03-01'],
      ['2026-03-28', '2026-03-29'],
    ]);
    expect(seriesEnd(allDay)).toBe('2026-03-29T22:00:00.000Z');
  });

  it('refuses malformed and unbounded-cost rules with a pointer', () => {
    const check = (rule: string) => codeOf(() => checkRecurrence(rule, berlinMonday));
    const pointer = JSON.stringify({ pointer: '/data/attributes/recurrence' });
    expect(check('FREQ=DAILY;INTERVAL=0')).toBe(`recurrence_interval_zero ${pointer}`);
    expect(check('FREQ=HOURLY')).toBe(`recurrence_too_frequent ${pointer}`);
    expect(check('FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=30')).toBe(`recurrence_too_frequent ${pointer}`);
    expect(check('FREQ=DAILY;BYHOUR=1,2,3')).toBe(`recurrence_invalid ${pointer}`);
    expect(check('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30')).toBe(`recurrence_empty ${pointer}`);
    expect(check('FREQ=FORTNIGHTLY')).toBe(`recurrence_invalid ${pointer}`);
    expect(check('FREQ=DAILY;FOO=1')).toBe(`recurrence_invalid ${pointer}`);
    expect(check('FREQ=DAILY;COUNT=3;UNTIL=20261231T000000Z')).toBe(`recurrence_invalid ${pointer}`);
    expect(check('FREQ=DAILY;FREQ=WEEKLY')).toBe(`recurrence_invalid ${pointer}`);
    expect(check('FREQ=WEEKLY;BYDAY=XX')).toBe(`recurrence_invalid ${pointer}`);
    expect(check('')).toBe(`recurrence_invalid ${pointer}`);
    expect(check('FREQ=DAILY')).toBe('accepted');
    expect(check('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29')).toBe('accepted');
    expect(checkRecurrence('RRULE:FREQ=WEEKLY;BYDAY=MO,WE', berlinMonday)).toBe('FREQ=WEEKLY;BYDAY=MO,WE');
  });

  it('splits a series for "this and following", carrying the remaining COUNT', () => {
    const counted = { ...berlinMonday, recurrence: 'FREQ=WEEKLY;BYDAY=MO;COUNT=10' };
    const split = splitRule(counted, '2026-03-30T07:00:00.000Z');
    expect(split).toEqual({
      before: 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20260330T065959Z',
      after: 'FREQ=WEEKLY;BYDAY=MO;COUNT=6',
    });
    const before = expandOccurrences(
      { ...counted, recurrence: split.before },
      { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' },
    );
    expect(before).toHaveLength(4);
  });
});
