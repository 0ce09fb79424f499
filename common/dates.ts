/**
 * Calendar dates (birthdays, date custom fields) as people type and read them. The API always
 * carries `YYYY-MM-DD` (Gregorian); a person types and reads the date as their locale writes it,
 * which we learn from `Intl` (CLDR) rather than a table: `31.12.1990` in de-DE, `12/31/1990` in
 * en-US, `31.12.1989 г.` in bg-BG, `31/12/2532` (Buddhist era) in th-TH, `۱۳۶۸/۱۰/۱۰` (Solar
 * Hijri calendar, Persian digits) in fa-IR. Each function takes the locale to use explicitly, so
 * nothing falls back to the browser's language by accident.
 */

type Part = 'day' | 'month' | 'year';

export type LocaleDateFormat = {
  /** A hint for people: `DD.MM.YYYY`, `MM/DD/YYYY`, `DD.MM.YYYY г.`. */
  placeholder: string;
  /** The order the locale writes day, month and year in its numeric date. */
  order: Part[];
  /** The locale's calendar as `Intl` names it (`gregory`, `buddhist`, `persian`, …). */
  calendar: string;
  /** The locale's own characters around the numbers (`.`, `/`, ` г.`), accepted when typed. */
  literals: string;
};

/** Bidirectional marks `Intl` puts around numbers and words (RLM, ALM, isolates); removed before reading. */
export const BIDI_MARKS = /[\u200e\u200f\u061c\u2066-\u2069\u202a-\u202e]/g;

function numericFormatter(locale: string | undefined, extra: Intl.DateTimeFormatOptions = {}) {
  const options: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
    ...extra,
  };
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch {
    return new Intl.DateTimeFormat('en-US', options);
  }
}

const formatCache = new Map<string, LocaleDateFormat>();

/** The numeric date format of a locale, derived from `Intl.DateTimeFormat`. Unknown locales fall back to en-US. */
export function localeDateFormat(locale: string | undefined): LocaleDateFormat {
  const key = locale ?? '';
  const cached = formatCache.get(key);
  if (cached) return cached;
  const formatter = numericFormatter(locale, { numberingSystem: 'latn' });
  const parts = formatter.formatToParts(new Date(Date.UTC(2001, 10, 22)));
  const order: Part[] = [];
  let placeholder = '';
  let literals = '';
  for (const part of parts) {
    if (part.type === 'day' || part.type === 'month' || part.type === 'year') {
      order.push(part.type);
      placeholder += part.type === 'day' ? 'DD' : part.type === 'month' ? 'MM' : 'YYYY';
    } else {
      const literal = part.value.replace(BIDI_MARKS, '');
      placeholder += literal;
      literals += literal;
    }
  }
  const format = { placeholder, order, calendar: formatter.resolvedOptions().calendar, literals };
  formatCache.set(key, format);
  return format;
}

/** Decimal digits of other scripts (Arabic-Indic, Persian, Devanagari, Thai, full-width, …) as 0–9. */
const DIGIT_ZEROS = [
  0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0de6,
  0x0e50, 0x0ed0, 0x0f20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0xa8d0, 0xa900, 0xaa50, 0xff10,
];

/** `text` with the decimal digits of any script written as ASCII 0–9 (`١٧` → `17`). */
export function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (digit) => {
    const code = digit.codePointAt(0) ?? 0;
    for (const zero of DIGIT_ZEROS) {
      if (code >= zero && code <= zero + 9) return String(code - zero);
    }
    return digit;
  });
}

const DAY_MS = 86_400_000;
/**
 * 0100-01-01 and 9999-12-31 as days since 1970-01-01: the span any calendar date is looked up in
 * (the years isCalendarDate takes). Date.parse of ISO text, not Date.UTC, which reads the
 * years 0–99 as 1900–1999.
 */
const FIRST_DAY = Math.floor(Date.parse('0100-01-01T00:00:00Z') / DAY_MS);
const LAST_DAY = Math.floor(Date.UTC(9999, 11, 31) / DAY_MS);

type CalendarDate = { year: number; month: number; day: number };

function calendarPartsFormatter(locale: string | undefined, calendar: string): Intl.DateTimeFormat {
  return numericFormatter(locale, { calendar, numberingSystem: 'latn', month: 'numeric', day: 'numeric' });
}

function calendarDateOf(formatter: Intl.DateTimeFormat, epochDay: number): CalendarDate {
  const found: CalendarDate = { year: Number.NaN, month: Number.NaN, day: Number.NaN };
  for (const part of formatter.formatToParts(new Date(epochDay * DAY_MS))) {
    if (part.type === 'year' || part.type === 'month' || part.type === 'day')
      found[part.type] = Number(part.value);
  }
  return found;
}

const rank = (date: CalendarDate) => date.year * 10_000 + date.month * 100 + date.day;

/**
 * The Gregorian `YYYY-MM-DD` of a date in the locale's calendar, or null when the calendar has no
 * such day (30 February, 31 Esfand in a common year). Non-Gregorian calendars are looked up by
 * bisection over days through `Intl`, which knows each calendar's rules.
 */
function toIsoDate(date: CalendarDate, locale: string | undefined, calendar: string): string | null {
  if (calendar === 'gregory' || calendar === 'iso8601') {
    const iso = `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
    return date.year >= 1 && date.year <= 9999 && isCalendarDate(iso) ? iso : null;
  }
  const formatter = calendarPartsFormatter(locale, calendar);
  const target = rank(date);
  let low = FIRST_DAY;
  let high = LAST_DAY;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (rank(calendarDateOf(formatter, middle)) < target) low = middle + 1;
    else high = middle;
  }
  if (rank(calendarDateOf(formatter, low)) !== target) return null;
  return new Date(low * DAY_MS).toISOString().slice(0, 10);
}

/** The number of days in a Gregorian month (1–12) of a year. */
function daysInMonth(year: number, month: number): number {
  const date = new Date(Date.UTC(2000, month, 0));
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

/**
 * Whether `YYYY-MM-DD` names a day of the (proleptic) Gregorian calendar in the years 0100–9999:
 * the one date check of the browser's date fields and of the server (bodies, filters and, through
 * `parseInstant`, every instant). Years before 100 are refused, as the strict date parser used
 * before refused them: nobody types a birthday in the first century.
 */
export function isCalendarDate(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const monthNameCache = new Map<string, [string, number][]>();

/** The locale's month names (long and short, lower case) in its calendar, longest first, with their numbers. */
function monthNames(locale: string | undefined, calendar: string): [string, number][] {
  const key = `${locale ?? ''}|${calendar}`;
  const cached = monthNameCache.get(key);
  if (cached) return cached;
  const numbers = calendarPartsFormatter(locale, calendar);
  const names = new Map<string, number>();
  for (const style of ['long', 'short'] as const) {
    let named: Intl.DateTimeFormat;
    try {
      named = new Intl.DateTimeFormat(locale, { calendar, month: style, day: 'numeric', timeZone: 'UTC' });
    } catch {
      continue;
    }
    const start = Math.floor(Date.UTC(2001, 0, 1) / DAY_MS);
    for (let day = start; day < start + 400; day += 7) {
      const month = calendarDateOf(numbers, day).month;
      const name = named
        .formatToParts(new Date(day * DAY_MS))
        .find((part) => part.type === 'month')
        ?.value.replace(BIDI_MARKS, '')
        .toLocaleLowerCase(locale)
        .trim();
      if (name && !/^\d+$/.test(asciiDigits(name))) names.set(name, month);
    }
  }
  const sorted = [...names].sort((a, b) => b[0].length - a[0].length);
  monthNameCache.set(key, sorted);
  return sorted;
}

/** Separators anyone may type between the numbers, besides the locale's own. */
const COMMON_SEPARATORS = ' ./-,';

/**
 * Reads a date typed the way the locale writes it and returns it as Gregorian `YYYY-MM-DD`, or
 * `null` when it is not a real date. Accepted: the locale's numeric date in its own calendar and
 * with its own digits or ASCII ones (`12/31/1990` en-US, `31.12.1989 г.` bg-BG, `31/12/2532`
 * th-TH, `۱۳۶۸/۱۰/۱۰` fa-IR), one-digit day and month, the long form with the month's name as the
 * view page shows it (`31 ธันวาคม 2532`), and ISO `YYYY-MM-DD` (Gregorian) in every locale.
 * Years have four digits (`31.12.90` is refused: which century?).
 */
export function parseLocaleDate(input: string, locale: string | undefined): string | null {
  const text = asciiDigits(input.replace(BIDI_MARKS, '')).trim().replace(/\s+/g, ' ');
  if (text === '') return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso)
    return toIsoDate({ year: +(iso[1] ?? 0), month: +(iso[2] ?? 0), day: +(iso[3] ?? 0) }, locale, 'gregory');
  const format = localeDateFormat(locale);
  // The locale's own characters, of the numeric form and of the long one (`年`, `月`, `日` in ja-JP).
  const allowed = new Set([
    ...COMMON_SEPARATORS,
    ...format.literals.toLocaleLowerCase(locale),
    ...longFormWords(locale, format.calendar).join(''),
  ]);
  const onlySeparators = (rest: string) => [...rest].every((character) => allowed.has(character));

  const numbers = text.match(/\d+/g) ?? [];
  if (numbers.length === 3 && onlySeparators(text.replace(/\d+/g, '').toLocaleLowerCase(locale))) {
    const date: Record<Part, string> = { day: '', month: '', year: '' };
    format.order.forEach((part, index) => {
      date[part] = numbers[index] ?? '';
    });
    if (date.year.length !== 4 || date.month.length > 2 || date.day.length > 2) return null;
    return toIsoDate({ year: +date.year, month: +date.month, day: +date.day }, locale, format.calendar);
  }

  // The long form: a month's name and two numbers, the day and the four-digit year.
  const lower = text.toLocaleLowerCase(locale);
  for (const [name, month] of monthNames(locale, format.calendar)) {
    const at = lower.indexOf(name);
    if (at < 0) continue;
    const rest = `${lower.slice(0, at)} ${lower.slice(at + name.length)}`;
    const [first = '', second = '', ...more] = rest.match(/\d+/g) ?? [];
    if (second === '' || more.length > 0) return null;
    const [year, day] = first.length === 4 ? [first, second] : [second, first];
    if (year.length !== 4 || day.length > 2) return null;
    if (!onlySeparators(rest.replace(/\d+/g, '').replace(longFormLiterals(locale, format.calendar), ''))) {
      return null;
    }
    return toIsoDate({ year: +year, month, day: +day }, locale, format.calendar);
  }
  return null;
}

/** The words of the long date besides the month (`de` in `31 de diciembre de 1989`, `г.`, `年`). */
function longFormWords(locale: string | undefined, calendar: string): string[] {
  try {
    return new Intl.DateTimeFormat(locale, { calendar, dateStyle: 'long', timeZone: 'UTC' })
      .formatToParts(new Date(Date.UTC(2001, 10, 22)))
      .filter((part) => part.type === 'literal' || part.type === 'era')
      .map((part) => part.value.replace(BIDI_MARKS, '').trim().toLocaleLowerCase(locale))
      .filter((word) => word !== '');
  } catch {
    return [];
  }
}

/** The same words as one pattern, to remove them from a typed long date. */
function longFormLiterals(locale: string | undefined, calendar: string): RegExp {
  const escaped = longFormWords(locale, calendar).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return escaped.length > 0 ? new RegExp(escaped.join('|'), 'gu') : /$^/gu;
}

/**
 * `YYYY-MM-DD` as the locale writes it numerically, in its calendar and digits (`31.12.1990`
 * de-DE, `31/12/2533` th-TH, `۱۳۶۹/۱۰/۱۰` fa-IR), so that `parseLocaleDate` reads it back; '' for null.
 */
export function formatLocaleDate(isoDate: string | null | undefined, locale: string | undefined): string {
  if (!isoDate) return '';
  if (!isCalendarDate(isoDate)) return isoDate;
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return numericFormatter(locale).format(date).replace(BIDI_MARKS, '');
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

/**
 * The calendar date (`YYYY-MM-DD`, Gregorian) it is at `instant` in an IANA time zone
 * (`Pacific/Kiritimati`); the runtime's own zone when none is given or it is unknown.
 */
export function isoDateIn(timeZone: string | undefined, instant: Date = new Date()): string {
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      timeZone,
    });
  } catch {
    formatter = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: '2-digit', day: '2-digit' });
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${String(parts.year).padStart(4, '0')}-${parts.month}-${parts.day}`;
}

/** `YYYY-MM-DD` minus whole years, clamped to the month's end (29 February → 28 February). */
export function subtractYears(isoDate: string, years: number): string {
  if (!isCalendarDate(isoDate)) return 'Invalid Date';
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const earlier = year - years;
  const clamped = Math.min(day, daysInMonth(earlier, month));
  return `${String(earlier).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(clamped).padStart(2, '0')}`;
}

/** The inclusive range a typed date must fall in, each bound with the sentence that explains it. */
export type DateRange = {
  min?: { date: string; problem: string };
  max?: { date: string; problem: string };
};

/**
 * Why a typed date cannot be saved, by a stable kind (not an API error code) with what its words need: `not_a_date` with
 * the locale's `format` (the SPA words it from its catalog; `message` is the English sentence), or
 * a bound of the range with the sentence its caller gave (`too_late`, `too_early`).
 */
export type TypedDateProblem =
  | { kind: 'not_a_date'; format: string; message: string }
  | { kind: 'too_late' | 'too_early'; message: string };

/**
 * What a person typed into a date field, read in their locale: the date (`YYYY-MM-DD`, or null
 * for an empty field) or, when it is not a date or is out of range, the problem to show beside
 * the field (the value then must not be saved).
 */
export function readTypedDate(
  text: string,
  locale: string | undefined,
  range: DateRange = {},
): { value: string | null; problem: TypedDateProblem | null } {
  if (text.trim() === '') return { value: null, problem: null };
  const value = parseLocaleDate(text, locale);
  if (value === null) {
    const format = localeDateFormat(locale).placeholder;
    return {
      value: null,
      problem: {
        kind: 'not_a_date',
        format,
        message: `This is not a date. Type it as ${format}, or pick it in the calendar.`,
      },
    };
  }
  if (range.max && value > range.max.date)
    return { value, problem: { kind: 'too_late', message: range.max.problem } };
  if (range.min && value < range.min.date)
    return { value, problem: { kind: 'too_early', message: range.min.problem } };
  return { value, problem: null };
}
