import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';

dayjs.extend(customParseFormat);

/**
 * Calendar dates (birthdays, date custom fields) as people type and read them. The API always
 * carries `YYYY-MM-DD`; a person types the date in their locale's format (`31.12.1990` in de-DE,
 * `12/31/1990` in en-US, `1990/12/31` in ja-JP), which we learn from `Intl` rather than a table.
 */

type Part = 'day' | 'month' | 'year';

export type LocaleDateFormat = {
  /** The day.js pattern of the locale's numeric date with two-digit day and month (`DD.MM.YYYY`). */
  pattern: string;
  /** The same with one-or-two-digit day and month (`D.M.YYYY`), for typing `1.2.1990`. */
  loosePattern: string;
  /** A hint for people: `DD.MM.YYYY`, `MM/DD/YYYY`. */
  placeholder: string;
};

const formatCache = new Map<string, LocaleDateFormat>();

/** The numeric date format of a locale, derived from `Intl.DateTimeFormat`. Unknown locales fall back to en-US. */
export function localeDateFormat(locale: string | undefined): LocaleDateFormat {
  const key = locale ?? '';
  const cached = formatCache.get(key);
  if (cached) return cached;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      timeZone: 'UTC',
    });
  } catch {
    formatter = new Intl.DateTimeFormat('en-US', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      timeZone: 'UTC',
    });
  }
  const parts = formatter.formatToParts(new Date(Date.UTC(2001, 10, 22)));
  let pattern = '';
  let loosePattern = '';
  let placeholder = '';
  for (const part of parts) {
    const type = part.type as Part | 'literal' | string;
    if (type === 'day') {
      pattern += 'DD';
      loosePattern += 'D';
      placeholder += 'DD';
    } else if (type === 'month') {
      pattern += 'MM';
      loosePattern += 'M';
      placeholder += 'MM';
    } else if (type === 'year') {
      pattern += 'YYYY';
      loosePattern += 'YYYY';
      placeholder += 'YYYY';
    } else {
      // Literals are escaped for day.js; right-to-left marks and other invisible characters go.
      const literal = part.value.replace(/[\u200e\u200f\u061c]/g, '');
      pattern += `[${literal}]`;
      loosePattern += `[${literal}]`;
      placeholder += literal;
    }
  }
  const format = { pattern, loosePattern, placeholder };
  formatCache.set(key, format);
  return format;
}

/**
 * Reads a date typed in the locale's format (or as `YYYY-MM-DD`, which always works) and returns
 * it as `YYYY-MM-DD`, or `null` when it is not a real date in that format. Surrounding spaces are
 * ignored; `31.02.1990` is not a date.
 */
export function parseLocaleDate(input: string, locale: string | undefined): string | null {
  const text = asciiDigits(input.trim());
  if (text === '') return null;
  const { pattern, loosePattern } = localeDateFormat(locale);
  for (const format of ['YYYY-MM-DD', pattern, loosePattern]) {
    const parsed = dayjs(text, format, true);
    if (parsed.isValid()) return parsed.format('YYYY-MM-DD');
  }
  return null;
}

/** Arabic-Indic, Persian, Devanagari and full-width digits, as typed on those keyboards, to 0–9. */
function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\uff10-\uff19]/g, (digit) => {
    const code = digit.charCodeAt(0);
    for (const zero of [0x0660, 0x06f0, 0x0966, 0xff10]) {
      if (code >= zero && code <= zero + 9) return String(code - zero);
    }
    return digit;
  });
}

/** `YYYY-MM-DD` as the locale writes it numerically (`31.12.1990`); '' for null. */
export function formatLocaleDate(isoDate: string | null | undefined, locale: string | undefined): string {
  if (!isoDate) return '';
  const parsed = dayjs(isoDate, 'YYYY-MM-DD', true);
  if (!parsed.isValid()) return isoDate;
  return parsed.format(localeDateFormat(locale).pattern);
}

/** `YYYY-MM-DD` in words for reading (`December 31, 1990`, `31. Dezember 1990`); '' for null. */
export function formatLongDate(isoDate: string | null | undefined, locale: string | undefined): string {
  if (!isoDate) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  }
}

/** Today's calendar date in UTC as `YYYY-MM-DD`, from a given instant (the injected clock's). */
export function isoDateOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` minus whole years, clamped to the month's end (29 February → 28 February). */
export function subtractYears(isoDate: string, years: number): string {
  return dayjs(isoDate, 'YYYY-MM-DD', true).subtract(years, 'year').format('YYYY-MM-DD');
}
