import { z } from 'zod';
import { isCalendarDate } from './dates';

/** The longest date-time text any field takes (`2026-11-30T09:15:00.123456789+01:00` is 35). */
export const INSTANT_TEXT_MAX = 40;

const INSTANT =
  /^(\d{4}-\d{2}-\d{2})[Tt]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d+))?)?([Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/**
 * Whether `value` has the form `parseInstant` reads, whatever its day (`2026-02-30T10:00Z` has it):
 * lets a caller tell a wrong form from a day that does not exist.
 */
export function hasInstantForm(value: string): boolean {
  return value.length <= INSTANT_TEXT_MAX && INSTANT.test(value);
}

/**
 * The one parser of a date-time an API client sends (bodies and filters alike): an RFC 3339
 * `date-time` (§5.6) with its offset (`Z`, `z` or `±hh:mm`), seconds optional (`2026-11-30T09:15Z`),
 * and any number of fraction digits (RFC 3339 allows any; `2026-12-01T10:00:00.123456Z`), which are
 * truncated to the millisecond — never rounded, so an instant never moves into the next second,
 * minute or day. Returns the instant as the fixed-width UTC text the database stores
 * (`2026-12-01T10:00:00.123Z`, DESIGN.md §6), or undefined when the text is not such a date-time or
 * names a day that does not exist (`2026-02-30`).
 */
export function parseInstant(value: string): string | undefined {
  if (value.length > INSTANT_TEXT_MAX) return undefined;
  const match = INSTANT.exec(value);
  if (!match) return undefined;
  const [, date = '', hours, minutes, seconds = '00', fraction = '', zone = 'Z'] = match;
  if (!isCalendarDate(date)) return undefined;
  const milliseconds = fraction.padEnd(3, '0').slice(0, 3);
  const time = Date.parse(`${date}T${hours}:${minutes}:${seconds}.${milliseconds}${zone.toUpperCase()}`);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * A date-time field of a request body: at most `INSTANT_TEXT_MAX` characters (the one `too_long`
 * shape of every bounded text: `custom`, `meta: {reason: 'too_long', maximum}`), else what
 * `parseInstant` takes, else zod's `invalid_format` (`format: 'datetime'`) in our words. The value
 * stays as sent; the server stores `parseInstant(value)`.
 */
export function instantText(label: string) {
  return z
    .string()
    .superRefine((value, ctx) => {
      if ([...value].length > INSTANT_TEXT_MAX) {
        ctx.addIssue({
          code: 'custom',
          message: `${label} can have at most ${INSTANT_TEXT_MAX} characters.`,
          params: { reason: 'too_long', maximum: INSTANT_TEXT_MAX },
        });
      } else if (parseInstant(value) === undefined) {
        ctx.addIssue({
          code: 'invalid_format',
          format: 'datetime',
          input: value,
          message: `${label} must be an ISO 8601 date-time with its offset, e.g. 2026-11-30T09:15:00Z.`,
        });
      }
    })
    .meta({ maxLength: INSTANT_TEXT_MAX, format: 'date-time' });
}

/** `parseInstant` of a value a schema has already checked with `instantText` (throws if it was not). */
export function checkedInstant(value: string): string {
  const instant = parseInstant(value);
  if (instant === undefined) throw new Error('A date-time reached the service unchecked.');
  return instant;
}
