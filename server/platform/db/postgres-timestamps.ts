/**
 * PostgreSQL's text output of `timestamptz` and `timestamp`, read exactly.
 *
 * With `DateStyle = ISO` (which every connection of ours sets, see `POSTGRES_SESSION_SETTINGS`)
 * PostgreSQL writes `2026-12-02 15:39:38.826+00`: a year of four or more digits (`0150`,
 * `12026`), an optional fraction of one to six digits, an offset of hours with optional minutes
 * and seconds (`+05:30`, and `+00:19:32` for a zone's local mean time before 1900 when the
 * session's TimeZone is not UTC), and ` BC` for years before 1 (PostgreSQL docs, §8.5.2 "Date/Time
 * Output"). `new Date(text)` reads none of this exactly: it takes `0150-…` but reads a year below
 * 100 as 19xx, and makes an invalid date of an offset with seconds (a RangeError on
 * `toISOString`, a 500).
 */

/** The session settings every PostgreSQL connection of the app runs with (libpq `options`). */
export const POSTGRES_SESSION_SETTINGS = ['-c TimeZone=UTC', '-c DateStyle=ISO'] as const;

/** `POSTGRES_TIMESTAMP` in UTC, years 0001–9999: a valid date and time, as PostgreSQL writes only those. */
const UTC_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?\+00$/;
const POSTGRES_TIMESTAMP =
  /^(\d{4,})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(?:([+-])(\d{2})(?::(\d{2}))?(?::(\d{2}))?)?( BC)?$/;

/**
 * The instant of PostgreSQL's ISO text of a `timestamptz` (or of a `timestamp`, read as UTC), as
 * the fixed-width UTC text the app uses everywhere (`2026-12-02T15:39:38.826Z`, DESIGN.md §6):
 * microseconds truncated to milliseconds, as `parseInstant` truncates what clients send.
 * Throws an Error naming the text when it is not such a timestamp (`infinity`, another DateStyle)
 * or lies outside what a JavaScript Date holds (±275,760 years).
 */
export function parsePostgresTimestamp(text: string): string {
  // What a UTC session writes of every instant the app stores (years 0100–9999): the text itself
  // rearranged, with no Date made (several per row read).
  if (UTC_TIMESTAMP.test(text)) {
    const fraction = text.length > 25 ? text.slice(20, 23) : text.slice(20, -3).padEnd(3, '0');
    return `${text.slice(0, 10)}T${text.slice(11, 19)}.${fraction}Z`;
  }
  const match = POSTGRES_TIMESTAMP.exec(text);
  if (!match) throw new Error(`Not a PostgreSQL ISO timestamp: ${JSON.stringify(text)}`);
  const [, year, month, day, hours, minutes, seconds, fraction = '', sign, offsetHours = '0'] = match;
  const [offsetMinutes = '0', offsetSeconds = '0', bc] = match.slice(10);
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0–99 as 1900–1999. Year n BC is the
  // astronomical year 1 − n (ISO 8601).
  date.setUTCFullYear(bc ? 1 - Number(year) : Number(year), Number(month) - 1, Number(day));
  date.setUTCHours(
    Number(hours),
    Number(minutes),
    Number(seconds),
    Number(fraction.padEnd(3, '0').slice(0, 3)),
  );
  const offset = (Number(offsetHours) * 3600 + Number(offsetMinutes) * 60 + Number(offsetSeconds)) * 1000;
  const instant = new Date(date.getTime() - (sign === '-' ? -offset : offset));
  if (Number.isNaN(instant.getTime()))
    throw new Error(`A PostgreSQL timestamp out of range: ${JSON.stringify(text)}`);
  return instant.toISOString();
}
