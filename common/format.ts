/**
 * One way to render dates, times, names and numbers for a reader, in the browser and in emails:
 * the reader's Localization settings (common/settings.ts) applied through `Intl` (CLDR). Stored
 * instants are UTC ISO-8601 strings (DESIGN.md §4); calendar dates are `YYYY-MM-DD`.
 */
import { formatPersonName, type NameFormat, type PersonName } from './person-name';
import type { ResolvedSettings } from './settings';

/** The Localization settings a formatter follows. */
export type FormatSettings = {
  'localization.locale': string;
  'localization.timezone': string;
  'localization.date_format': 'short' | 'medium' | 'long' | 'full';
  'localization.time_format': 'locale' | 'h12' | 'h23';
  'localization.name_format': NameFormat;
};

/** The formatting settings out of the resolved settings (their registry schemas hold these values). */
export function formatSettingsOf(settings: ResolvedSettings): FormatSettings {
  return settings as unknown as FormatSettings;
}

export type Formatter = {
  locale: string;
  timeZone: string;
  /** An instant as date and time in the reader's zone: "28.11.2026, 10:58" (de-DE, medium). */
  dateTime(iso: string | null | undefined): string;
  /** The calendar day of an instant in the reader's zone: "28.11.2026". */
  date(iso: string | null | undefined): string;
  /** The time of day of an instant in the reader's zone: "10:58" or "10:58 AM". */
  time(iso: string | null | undefined): string;
  /** Two instants as one span, date and time in the reader's zone: "28.11.2026, 10:00–11:30". */
  dateTimeRange(startIso: string, endIso: string): string;
  /** A calendar day (`YYYY-MM-DD`, no zone) in the reader's date format: "28.11.2026"; '' for null. */
  calendarDate(isoDate: string | null | undefined): string;
  /** The reader's clock when they chose one (true: 12-hour, false: 24-hour); undefined: the locale's. */
  hour12: boolean | undefined;
  /** A whole or decimal number with the locale's separators: "1.234,5" (de-DE). */
  number(value: number): string;
  /** A person's full name in the chosen order: "Ada Lovelace", "Lovelace Ada". */
  personName(person: PersonName): string;
};

function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

function safeTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/**
 * A formatter for one reader. Formats are built once per formatter (Intl formatters are costly to
 * create); an unknown locale or zone falls back to en-US and UTC instead of throwing.
 */
export function createFormatter(settings: FormatSettings): Formatter {
  const locale = safeLocale(settings['localization.locale']);
  const timeZone = safeTimeZone(settings['localization.timezone']);
  const dateStyle = settings['localization.date_format'];
  const hourCycle = settings['localization.time_format'];
  const hour: Pick<Intl.DateTimeFormatOptions, 'hourCycle'> = hourCycle === 'locale' ? {} : { hourCycle };
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    dateStyle,
    timeStyle: 'short',
    timeZone,
    ...hour,
  });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle, timeZone });
  const timeFormat = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone, ...hour });
  const calendarDateFormat = new Intl.DateTimeFormat(locale, { dateStyle, timeZone: 'UTC' });
  const numberFormat = new Intl.NumberFormat(locale);
  const nameFormat = settings['localization.name_format'];
  const instant = (format: Intl.DateTimeFormat) => (iso: string | null | undefined) => {
    if (!iso) return '';
    const value = new Date(iso);
    return Number.isNaN(value.getTime()) ? '' : format.format(value);
  };
  return {
    locale,
    timeZone,
    dateTime: instant(dateTimeFormat),
    date: instant(dateFormat),
    time: instant(timeFormat),
    dateTimeRange: (startIso, endIso) => {
      const start = new Date(startIso);
      const end = new Date(endIso);
      if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${startIso} – ${endIso}`;
      return dateTimeFormat.formatRange(start, end);
    },
    calendarDate: (isoDate) => {
      if (!isoDate) return '';
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
      if (!match) return isoDate;
      const date = new Date(Date.UTC(2000, Number(match[2]) - 1, Number(match[3])));
      date.setUTCFullYear(Number(match[1]));
      return Number.isNaN(date.getTime()) ? isoDate : calendarDateFormat.format(date);
    },
    hour12: hourCycle === 'locale' ? undefined : hourCycle === 'h12',
    number: (value) => numberFormat.format(value),
    personName: (person) => formatPersonName(person, locale, nameFormat),
  };
}
