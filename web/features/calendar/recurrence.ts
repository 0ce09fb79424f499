import { useTranslation } from 'react-i18next';
import { fromZonedWallTime } from '../../../common/zoned-time';

/**
 * The **Repeat** field's model and its RFC 5545 RRULE (§3.3.10): what the Assign Event dialog
 * offers — daily; weekly on chosen days; monthly on a day of the month, on the nth weekday or on
 * the last weekday; yearly; every N; ending never, after N occurrences or on a date. The rule is
 * stored with the event's IANA time zone (its `timeZone`) and expanded there by the server.
 */

export const weekdayCodes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof weekdayCodes)[number];

export type RepeatFrequency = 'none' | 'daily' | 'weekly' | 'monthly' | 'yearly';
/** Monthly: on the start's day of the month, on its nth weekday (2nd Tuesday), or its last weekday. */
export type MonthlyBy = 'day' | 'nth' | 'last';
export type RepeatEnds = 'never' | 'count' | 'until';

export type RepeatValue = {
  frequency: RepeatFrequency;
  /** every N days/weeks/months/years, 1–999 */
  interval: number;
  /** weekly: the days; empty means the start's day */
  weekdays: WeekdayCode[];
  monthlyBy: MonthlyBy;
  ends: RepeatEnds;
  /** ends after this many occurrences, 1–999 */
  count: number;
  /** ends on this date (`YYYY-MM-DD`, inclusive, in the event's zone) */
  until: string | null;
};

export const noRepeat: RepeatValue = {
  frequency: 'none',
  interval: 1,
  weekdays: [],
  monthlyBy: 'day',
  ends: 'never',
  count: 10,
  until: null,
};

/** The weekday code of a date (`2026-03-02` → `MO`). */
export function weekdayOf(date: string): WeekdayCode {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekdayCodes[(day + 6) % 7] as WeekdayCode;
}

/** Which weekday of its month a date is (1–5) and whether it is the last one. */
export function weekdayPosition(date: string): { nth: number; isLast: boolean } {
  const day = Number(date.slice(8, 10));
  const parsed = new Date(`${date}T00:00:00Z`);
  const lastDay = new Date(Date.UTC(parsed.getUTCFullYear(), parsed.getUTCMonth() + 1, 0)).getUTCDate();
  return { nth: Math.ceil(day / 7), isLast: day + 7 > lastDay };
}

const FREQ: Record<Exclude<RepeatFrequency, 'none'>, string> = {
  daily: 'DAILY',
  weekly: 'WEEKLY',
  monthly: 'MONTHLY',
  yearly: 'YEARLY',
};

/**
 * The RRULE value (without `RRULE:`) of a Repeat choice, or null for "does not repeat".
 * `startDate` is the event's first day (`YYYY-MM-DD`) in `timeZone`; an end date becomes UNTIL —
 * a date for all-day events, else the last minute of that day in `timeZone` as UTC (RFC 5545 wants
 * UNTIL in UTC when DTSTART has a TZID).
 */
export function toRRule(
  value: RepeatValue,
  startDate: string,
  timeZone: string | undefined,
  allDay: boolean,
): string | null {
  if (value.frequency === 'none') return null;
  const parts = [`FREQ=${FREQ[value.frequency]}`];
  if (value.interval > 1) parts.push(`INTERVAL=${value.interval}`);
  if (value.frequency === 'weekly') {
    const days = value.weekdays.length > 0 ? value.weekdays : [weekdayOf(startDate)];
    parts.push(`BYDAY=${weekdayCodes.filter((code) => days.includes(code)).join(',')}`);
  }
  if (value.frequency === 'monthly') {
    if (value.monthlyBy === 'day') parts.push(`BYMONTHDAY=${Number(startDate.slice(8, 10))}`);
    else {
      const { nth } = weekdayPosition(startDate);
      parts.push(`BYDAY=${value.monthlyBy === 'last' ? -1 : nth}${weekdayOf(startDate)}`);
    }
  }
  if (value.ends === 'count') parts.push(`COUNT=${value.count}`);
  if (value.ends === 'until' && value.until) {
    if (allDay) parts.push(`UNTIL=${value.until.replaceAll('-', '')}`);
    else {
      const instant = fromZonedWallTime(`${value.until}T23:59`, timeZone);
      if (instant) parts.push(`UNTIL=${instant.replace(/[-:]/g, '').slice(0, 13)}59Z`);
    }
  }
  return parts.join(';');
}

/**
 * A stored rule read back into the Repeat choice (for editing), in `timeZone`. Parts the dialog
 * does not offer are dropped; null when there is no rule.
 */
export function fromRRule(rule: string | null, timeZone: string | undefined): RepeatValue {
  if (!rule) return noRepeat;
  const parts = new Map(
    rule
      .replace(/^RRULE:/, '')
      .split(';')
      .map((part) => part.split('=') as [string, string]),
  );
  const freq = parts.get('FREQ');
  const frequency = (Object.entries(FREQ).find(([, code]) => code === freq)?.[0] ??
    'none') as RepeatFrequency;
  const byDay = parts.get('BYDAY') ?? '';
  const until = parts.get('UNTIL');
  let untilDate: string | null = null;
  if (until) {
    const date = `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}`;
    if (until.length > 8) {
      const iso = `${date}T${until.slice(9, 11)}:${until.slice(11, 13)}:${until.slice(13, 15)}Z`;
      untilDate = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      })
        .format(new Date(iso))
        .slice(0, 10);
    } else untilDate = date;
  }
  return {
    frequency,
    interval: Number(parts.get('INTERVAL') ?? 1),
    weekdays:
      frequency === 'weekly'
        ? (byDay
            .split(',')
            .filter((code) => (weekdayCodes as readonly string[]).includes(code)) as WeekdayCode[])
        : [],
    monthlyBy:
      frequency !== 'monthly' || parts.has('BYMONTHDAY') ? 'day' : byDay.startsWith('-1') ? 'last' : 'nth',
    ends: parts.has('COUNT') ? 'count' : until ? 'until' : 'never',
    count: Number(parts.get('COUNT') ?? 10),
    until: untilDate,
  };
}

/** The words a summary is made of (from the catalog, so they translate). */
export type SummaryWords = {
  never: string;
  every: (unit: 'day' | 'week' | 'month' | 'year', count: number) => string;
  onDays: (days: string) => string;
  onMonthDay: (day: number) => string;
  onNthWeekday: (nth: number, weekday: string) => string;
  onLastWeekday: (weekday: string) => string;
  times: (count: number) => string;
  until: (date: string) => string;
};

/** The words of a repeat's summary (`summarizeRepeat`), in the reader's language. */
export function useRepeatWords(): SummaryWords {
  const { t } = useTranslation('calendar');
  return {
    never: t('repeat.never'),
    every: (unit, count) => t(`repeat.every.${unit}`, { count }),
    onDays: (days) => t('repeat.onDays', { days }),
    onMonthDay: (day) => t('repeat.onMonthDay', { day }),
    onNthWeekday: (nth, weekday) =>
      t('repeat.onNthWeekday', { nth: t(`repeat.nth.${nth}` as 'repeat.nth.1'), weekday }),
    onLastWeekday: (weekday) => t('repeat.onLastWeekday', { weekday }),
    times: (count) => t('repeat.times', { count }),
    until: (date) => t('repeat.untilDate', { date }),
  };
}

/**
 * A one-line human summary of a Repeat choice ("Every 2 weeks on Monday, Wednesday, 10 times"),
 * with weekday names and the end date in the viewer's locale.
 */
export function summarizeRepeat(
  value: RepeatValue,
  startDate: string,
  locale: string,
  words: SummaryWords,
  formatDate: (date: string) => string,
): string {
  if (value.frequency === 'none') return words.never;
  const dayName = (code: WeekdayCode) =>
    new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
      // 2026-03-02 is a Monday.
      new Date(Date.UTC(2026, 2, 2 + weekdayCodes.indexOf(code))),
    );
  const unit = ({ daily: 'day', weekly: 'week', monthly: 'month', yearly: 'year' } as const)[value.frequency];
  const pieces = [words.every(unit, value.interval)];
  if (value.frequency === 'weekly') {
    const days = value.weekdays.length > 0 ? value.weekdays : [weekdayOf(startDate)];
    const list = new Intl.ListFormat(locale, { type: 'conjunction' }).format(
      weekdayCodes.filter((code) => days.includes(code)).map(dayName),
    );
    pieces.push(words.onDays(list));
  }
  if (value.frequency === 'monthly') {
    const weekday = dayName(weekdayOf(startDate));
    if (value.monthlyBy === 'day') pieces.push(words.onMonthDay(Number(startDate.slice(8, 10))));
    else if (value.monthlyBy === 'last') pieces.push(words.onLastWeekday(weekday));
    else pieces.push(words.onNthWeekday(weekdayPosition(startDate).nth, weekday));
  }
  let text = pieces.join(' ');
  if (value.ends === 'count') text += `, ${words.times(value.count)}`;
  if (value.ends === 'until' && value.until) text += `, ${words.until(formatDate(value.until))}`;
  return text;
}
