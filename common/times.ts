/**
 * Times of day (a task's due time, an event's start and end) as people type and read them. The
 * forms carry `HH:mm` (24-hour, ASCII digits); a person reads and types the time as their locale
 * writes it, learnt from `Intl` (CLDR) rather than a table: `17:30` in de-DE and fr-FR, `5:30 PM`
 * in en-US, `5:30 م` in ar (Chromium's `ar` writes Latin digits), `٥:٣٠ م` in ar-EG, `오후 5:30`
 * in ko. Each function takes the locale explicitly, so nothing falls back to the browser's language.
 */
import { asciiDigits, BIDI_MARKS } from './dates';

/** A clock: 12-hour with day periods (`h12`), or 24-hour (`h23`). */
export type Clock = 'h12' | 'h23';

export type LocaleTimeFormat = {
  /** The clock the locale (or the viewer's Time format) reads times in. */
  clock: Clock;
  /** The locale's words for before and after noon (`AM`/`PM`, `ص`/`م`, `오전`/`오후`). */
  dayPeriods: { am: string; pm: string };
  /** The character between hours and minutes in the locale (`:` nearly everywhere, `.` in fi). */
  separator: string;
};

const EPOCH_DAY = Date.UTC(1970, 0, 1);

function timeFormatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const all: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit', timeZone: 'UTC', ...options };
  try {
    return new Intl.DateTimeFormat(locale, all);
  } catch {
    return new Intl.DateTimeFormat('en-US', all);
  }
}

/** The clock a locale reads times in (`Intl`'s hour cycle: h11 and h12 are 12-hour, h23 and h24 24-hour). */
export function localeClock(locale: string | undefined): Clock {
  const cycle = timeFormatter(locale, {}).resolvedOptions().hourCycle;
  return cycle === 'h11' || cycle === 'h12' ? 'h12' : 'h23';
}

const formatCache = new Map<string, LocaleTimeFormat>();

/**
 * How a locale writes a time of day: its clock (or `clock` when the viewer chose one: their Time
 * format setting), its day-period words and its separator, from `Intl.DateTimeFormat#formatToParts`.
 * Unknown locales fall back to en-US.
 */
export function localeTimeFormat(locale: string | undefined, clock?: Clock): LocaleTimeFormat {
  const key = `${locale ?? ''}|${clock ?? ''}`;
  const cached = formatCache.get(key);
  if (cached) return cached;
  // The locale's own pattern where it is 12-hour (an explicit hour cycle makes ICU pick another
  // pattern, e.g. `PM 5:30` instead of `오후 5:30` in Chromium's ko); an explicit 12-hour clock elsewhere.
  const twelve = timeFormatter(locale, localeClock(locale) === 'h12' ? {} : { hourCycle: 'h12' });
  const period = (hour: number) =>
    twelve
      .formatToParts(EPOCH_DAY + hour * 3_600_000)
      .find((part) => part.type === 'dayPeriod')
      ?.value.replace(BIDI_MARKS, '')
      .trim() ?? '';
  const parts = timeFormatter(locale, {}).formatToParts(EPOCH_DAY + 17 * 3_600_000 + 30 * 60_000);
  const hourAt = parts.findIndex((part) => part.type === 'hour');
  const separator = parts[hourAt + 1]?.type === 'literal' ? (parts[hourAt + 1]?.value ?? ':').trim() : ':';
  const format: LocaleTimeFormat = {
    clock: clock ?? localeClock(locale),
    dayPeriods: { am: period(5) || 'AM', pm: period(17) || 'PM' },
    separator: separator.replace(BIDI_MARKS, '') || ':',
  };
  formatCache.set(key, format);
  return format;
}

/** `HH:mm` as hours and minutes, or null when it is not a time of day. */
function splitTime(time: string): { hour: number; minute: number } | null {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return null;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  return hour <= 23 && minute <= 59 ? { hour, minute } : null;
}

/**
 * `HH:mm` as the locale writes it, in its clock (or `clock`), day periods and digits (`17:30`
 * de-DE, `5:30 PM` en-US, `5:30 م` ar, `٥:٣٠ م` ar-EG), without bidirectional marks, so that
 * `parseLocaleTime` reads it back; '' for a value that is not `HH:mm`.
 */
export function formatLocaleTime(time: string, locale: string | undefined, clock?: Clock): string {
  const split = splitTime(time);
  if (!split) return '';
  // The locale's own pattern unless the viewer chose the other clock (see localeTimeFormat).
  const options: Intl.DateTimeFormatOptions =
    clock && clock !== localeClock(locale) ? { hourCycle: clock } : {};
  return timeFormatter(locale, options)
    .format(EPOCH_DAY + split.hour * 3_600_000 + split.minute * 60_000)
    .replace(BIDI_MARKS, '');
}

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Reads a time of day typed the way the locale writes it and returns it as `HH:mm`, or null when
 * it is not one. Accepted, in the locale's digits or ASCII ones: hours and minutes with the
 * locale's separator, `:`, `.` or `h` between them (`17:30`, `17.30`, `17h30`), hours alone (`17`)
 * or run together with the minutes (`1730`, `930`), and a day period in the locale's words or as
 * `am`/`pm`/`a.m.`/`p.m.` before or after (`5:30 PM`, `5:30 م`, `午後5:30`). Without a day period
 * the hours are read on the 24-hour clock, whatever the locale's clock (`5:30` is 05:30).
 */
export function parseLocaleTime(input: string, locale: string | undefined): string | null {
  let text = asciiDigits(input.replace(BIDI_MARKS, '')).trim().toLocaleLowerCase(locale).replace(/\s+/g, ' ');
  if (text === '') return null;
  const { dayPeriods, separator } = localeTimeFormat(locale);
  const periods: [string, 'am' | 'pm'][] = [
    [dayPeriods.am.toLocaleLowerCase(locale), 'am'],
    [dayPeriods.pm.toLocaleLowerCase(locale), 'pm'],
    ['a.m.', 'am'],
    ['p.m.', 'pm'],
    ['am', 'am'],
    ['pm', 'pm'],
  ];
  let period: 'am' | 'pm' | undefined;
  for (const [word, meaning] of periods.sort((a, b) => b[0].length - a[0].length)) {
    if (word === '' || !text.includes(word)) continue;
    // A day period's word stands before or after the numbers, not inside them.
    const alone = new RegExp(
      `(?:^${escapeForPattern(word)}\\s*(?=\\d)|(?<=\\d)\\s*${escapeForPattern(word)}$)`,
      'u',
    );
    const at = text.search(alone);
    if (at < 0) continue;
    text = text.replace(alone, '').trim();
    period = meaning;
    break;
  }
  const separators = `[:.h${escapeForPattern(separator)}]`;
  const parts =
    new RegExp(`^(\\d{1,2})(?:\\s?${separators}\\s?(\\d{2}))?$`, 'u').exec(text) ??
    /^(\d{1,2})(\d{2})$/.exec(text);
  if (!parts) return null;
  let hour = Number(parts[1]);
  const minute = Number(parts[2] ?? 0);
  if (minute > 59) return null;
  if (period) {
    // 12 AM is midnight and 12 PM noon; a clock counting 0–11 (h11) writes them as 0.
    if (hour > 12) return null;
    hour = (hour % 12) + (period === 'pm' ? 12 : 0);
  } else if (hour > 23) {
    return null;
  }
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** Every `step` minutes of a day as `HH:mm`, from 00:00: the times a time field offers. */
export function timesOfDay(step: number): string[] {
  const times: string[] = [];
  for (let minutes = 0; minutes < 24 * 60; minutes += step) {
    times.push(
      `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
    );
  }
  return times;
}
