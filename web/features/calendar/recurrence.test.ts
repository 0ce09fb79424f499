import { describe, expect, it } from 'vitest';
import {
  fromRRule,
  noRepeat,
  type RepeatValue,
  summarizeRepeat,
  toRRule,
  weekdayPosition,
} from './recurrence';

const words = {
  never: 'Does not repeat',
  every: (unit: string, count: number) => (count === 1 ? `Every ${unit}` : `Every ${count} ${unit}s`),
  onDays: (days: string) => `on ${days}`,
  onMonthDay: (day: number) => `on day ${day}`,
  onNthWeekday: (nth: number, weekday: string) => `on the ${nth}. ${weekday}`,
  onLastWeekday: (weekday: string) => `on the last ${weekday}`,
  times: (count: number) => `${count} times`,
  until: (date: string) => `until ${date}`,
};

const value = (patch: Partial<RepeatValue>): RepeatValue => ({ ...noRepeat, ...patch });

describe('the Repeat field', () => {
  it('writes RFC 5545 rules', () => {
    expect(toRRule(noRepeat, '2026-03-02', 'Europe/Berlin', false)).toBeNull();
    expect(toRRule(value({ frequency: 'daily' }), '2026-03-02', 'UTC', false)).toBe('FREQ=DAILY');
    // Weekly without chosen days: the start's day.
    expect(toRRule(value({ frequency: 'weekly' }), '2026-03-02', 'UTC', false)).toBe('FREQ=WEEKLY;BYDAY=MO');
    expect(
      toRRule(
        value({ frequency: 'weekly', interval: 2, weekdays: ['WE', 'MO'], ends: 'count', count: 6 }),
        '2026-03-02',
        'UTC',
        false,
      ),
    ).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=6');
    expect(toRRule(value({ frequency: 'monthly' }), '2026-03-17', 'UTC', false)).toBe(
      'FREQ=MONTHLY;BYMONTHDAY=17',
    );
    expect(toRRule(value({ frequency: 'monthly', monthlyBy: 'nth' }), '2026-03-17', 'UTC', false)).toBe(
      'FREQ=MONTHLY;BYDAY=3TU',
    );
    expect(toRRule(value({ frequency: 'monthly', monthlyBy: 'last' }), '2026-03-31', 'UTC', false)).toBe(
      'FREQ=MONTHLY;BYDAY=-1TU',
    );
    expect(toRRule(value({ frequency: 'yearly', interval: 3 }), '2026-03-02', 'UTC', false)).toBe(
      'FREQ=YEARLY;INTERVAL=3',
    );
  });

  it('ends on a date: the last minute of that day in the event zone, in UTC; a date for all-day', () => {
    const until = value({ frequency: 'daily', ends: 'until', until: '2026-07-31' });
    // Berlin is UTC+2 in summer: 23:59:59 local is 21:59:59Z.
    expect(toRRule(until, '2026-07-01', 'Europe/Berlin', false)).toBe('FREQ=DAILY;UNTIL=20260731T215959Z');
    expect(toRRule(until, '2026-07-01', 'Europe/Berlin', true)).toBe('FREQ=DAILY;UNTIL=20260731');
  });

  it('reads back what it wrote', () => {
    const choices: RepeatValue[] = [
      value({ frequency: 'weekly', interval: 2, weekdays: ['MO', 'FR'], ends: 'count', count: 4 }),
      value({ frequency: 'monthly', monthlyBy: 'last', ends: 'until', until: '2026-12-31' }),
      value({ frequency: 'monthly', monthlyBy: 'nth' }),
      value({ frequency: 'yearly' }),
    ];
    for (const choice of choices) {
      const rule = toRRule(choice, '2026-03-27', 'America/New_York', false);
      expect(fromRRule(rule, 'America/New_York')).toEqual(choice);
    }
    expect(fromRRule(null, 'UTC')).toEqual(noRepeat);
  });

  it('knows the nth and last weekday of a month', () => {
    expect(weekdayPosition('2026-03-02')).toEqual({ nth: 1, isLast: false });
    expect(weekdayPosition('2026-03-25')).toEqual({ nth: 4, isLast: true });
    expect(weekdayPosition('2026-02-22')).toEqual({ nth: 4, isLast: true });
  });

  it('summarizes in words, with weekday names in the locale', () => {
    const format = (date: string) => date;
    expect(summarizeRepeat(noRepeat, '2026-03-02', 'en-US', words, format)).toBe('Does not repeat');
    expect(
      summarizeRepeat(
        value({ frequency: 'weekly', interval: 2, weekdays: ['MO', 'WE'], ends: 'count', count: 10 }),
        '2026-03-02',
        'en-US',
        words,
        format,
      ),
    ).toBe('Every 2 weeks on Monday and Wednesday, 10 times');
    expect(summarizeRepeat(value({ frequency: 'weekly' }), '2026-03-02', 'de-DE', words, format)).toBe(
      'Every week on Montag',
    );
    expect(
      summarizeRepeat(
        value({ frequency: 'monthly', monthlyBy: 'last', ends: 'until', until: '2026-12-31' }),
        '2026-03-31',
        'en-US',
        words,
        format,
      ),
    ).toBe('Every month on the last Tuesday, until 2026-12-31');
  });
});
