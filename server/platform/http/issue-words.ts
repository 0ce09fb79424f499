import { type ZodType, z } from 'zod';
import { REQUIRED_WORDS } from '../../../common/validation-issues';

type RawIssue = z.core.$ZodRawIssue;

/** The words of a required value left out (and how `describeIssue` tells it from a wrong type). */
export { REQUIRED_WORDS };

/** What a value of each JSON type is called in an error's detail ("This value must be a number."). */
export const expectedTypes: Record<string, string> = {
  string: 'text (a JSON string)',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list (a JSON array)',
  null: 'null',
};

/** What a bound measures, by zod's `origin`: "characters", "items"… */
const measures: Record<string, { one: string; many: string; subject: string }> = {
  string: { one: 'character', many: 'characters', subject: 'This text' },
  array: { one: 'item', many: 'items', subject: 'This list' },
  set: { one: 'item', many: 'items', subject: 'This list' },
  file: { one: 'byte', many: 'bytes', subject: 'This file' },
};

/** What a format is called ("an email address"), by zod's `format`. */
const formatNames: Record<string, string> = {
  email: 'an email address',
  uuid: 'an id (a UUID)',
  guid: 'an id (a UUID)',
  url: 'a URL',
  datetime: 'an ISO 8601 date-time with its offset, e.g. 2026-11-30T09:15:00Z',
  date: 'a date as YYYY-MM-DD',
  time: 'a time as HH:MM:SS',
  duration: 'an ISO 8601 duration',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
};

function quoted(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

function bound(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

/** "at most 5 characters" / "at most 5" (a number has no unit). */
function sizeWords(origin: string, limit: unknown): { subject: string; amount: string } {
  const measure = measures[origin];
  if (!measure) return { subject: 'This number', amount: bound(limit) };
  return { subject: measure.subject, amount: `${bound(limit)} ${limit === 1 ? measure.one : measure.many}` };
}

function tooBigWords(issue: { origin: string; maximum: unknown; inclusive?: boolean | undefined }): string {
  if (issue.origin === 'date')
    return `This date must be ${issue.inclusive === false ? 'before' : 'no later than'} ${bound(issue.maximum)}.`;
  const { subject, amount } = sizeWords(issue.origin, issue.maximum);
  const verb = measures[issue.origin] ? 'can have' : 'can be';
  return issue.inclusive === false
    ? `${subject} must be less than ${amount}.`
    : `${subject} ${verb} at most ${amount}.`;
}

function tooSmallWords(issue: { origin: string; minimum: unknown; inclusive?: boolean | undefined }): string {
  if (issue.origin === 'date')
    return `This date must be ${issue.inclusive === false ? 'after' : 'no earlier than'} ${bound(issue.minimum)}.`;
  const { subject, amount } = sizeWords(issue.origin, issue.minimum);
  const verb = measures[issue.origin] ? 'must have' : 'must be';
  return issue.inclusive === false
    ? `${subject} must be more than ${amount}.`
    : `${subject} ${verb} at least ${amount}.`;
}

function formatWords(format: string, issue: RawIssue): string {
  const fixed = issue as { prefix?: string; suffix?: string; includes?: string };
  if (format === 'starts_with') return `This text must start with ${quoted(fixed.prefix)}.`;
  if (format === 'ends_with') return `This text must end with ${quoted(fixed.suffix)}.`;
  if (format === 'includes') return `This text must contain ${quoted(fixed.includes)}.`;
  const name = formatNames[format];
  return name ? `This value must be ${name}.` : 'This value does not have the form required here.';
}

/**
 * Our own sentence for a problem zod found, written from its particulars (bound, allowed values,
 * format, type) — never zod's English ("Too big: expected string to have <=255 characters").
 * A schema's own message (`.max(5, 'The name …')`) still wins: this is the parse's error map
 * (zod: schema message > parse error map > zod's locale), see `safeParseWithOwnWords`.
 */
export function ownIssueWords(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return REQUIRED_WORDS;
      const words = expectedTypes[String(issue.expected)];
      return words ? `This value must be ${words}.` : 'This value has the wrong type.';
    }
    case 'too_big':
      return tooBigWords(issue);
    case 'too_small':
      return tooSmallWords(issue);
    case 'invalid_value':
      return issue.values.length === 1
        ? `This value must be ${quoted(issue.values[0])}.`
        : `This value must be one of ${issue.values.map(quoted).join(', ')}.`;
    case 'invalid_format':
      return formatWords(issue.format, issue);
    case 'not_multiple_of':
      return `This number must be a multiple of ${bound(issue.divisor)}.`;
    case 'unrecognized_keys':
      return `Unknown member${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map(quoted).join(', ')}.`;
    case 'invalid_union':
      return 'This value matches none of the accepted forms.';
    case 'invalid_key':
      return 'This key is not accepted here.';
    case 'invalid_element':
      return 'A value in this collection is not accepted.';
    default:
      return 'This value is not accepted.';
  }
}

/**
 * `schema.safeParse(value)` whose issues carry our own words where the schema gave none.
 *
 * It parses with the schema compiled once (`z.compile`, kept per schema): valid input takes zod's
 * generated code and never builds a parse context, which a parse with an error map always did (a
 * third of a small body's parse); invalid input, or a schema the compiler cannot model, falls
 * back to zod's own parser with our words, so every issue is exactly as before.
 */
export function safeParseWithOwnWords<T extends ZodType>(schema: T, value: unknown) {
  let compiled = compiledSchemas.get(schema) as T | undefined;
  if (compiled === undefined) {
    compiled = z.compile(schema);
    compiledSchemas.set(schema, compiled);
  }
  return compiled.safeParse(value, { error: ownIssueWords });
}

const compiledSchemas = new WeakMap<ZodType, ZodType>();
