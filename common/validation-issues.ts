import type { z } from 'zod';
import { errorMeta } from './error-particulars';

/** One problem zod found in a value (a request's body, a form's values). */
export type ValidationIssue = z.core.$ZodIssue;

/** What an error says of a value that is missing (the server's `detail`, zod's issue message). */
export const REQUIRED_WORDS = 'This value is required.';

/** A bound as JSON (zod allows bigint and Date bounds). */
export function jsonBound(bound: unknown): unknown {
  if (typeof bound === 'bigint') return Number(bound);
  if (bound instanceof Date) return bound.toISOString();
  return bound;
}

/**
 * The particulars of a problem, for a client to say it in its own language without the English
 * `detail` (the error's `meta`): the bound of a too small or too big value and what it measures
 * (`origin`: characters of a string, items of an array, a number…), the allowed values, the
 * expected format or type, the step; a custom rule's own parameters.
 */
function issueMeta(issue: ValidationIssue): Record<string, unknown> | undefined {
  switch (issue.code) {
    case 'too_small':
      return {
        minimum: jsonBound(issue.minimum),
        origin: issue.origin,
        inclusive: issue.inclusive !== false,
      };
    case 'too_big':
      return {
        maximum: jsonBound(issue.maximum),
        origin: issue.origin,
        inclusive: issue.inclusive !== false,
      };
    case 'invalid_value':
      return { allowed: issue.values.map((value) => jsonBound(value)) };
    case 'invalid_format':
      return { format: issue.format };
    case 'not_multiple_of':
      return { divisor: jsonBound(issue.divisor) };
    case 'custom': {
      const { code: _code, ...params } = (issue.params ?? {}) as Record<string, unknown>;
      return Object.keys(params).length > 0 ? params : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * A zod issue as an error's stable `code` and particulars (`meta`, common/error-particulars.ts):
 * what the server sends for it (server/platform/http/validation.ts) and what the SPA's forms word
 * before sending (web/ui/form.ts), both read by web/i18n/error-text.ts in the reader's language —
 * one function, so the two cannot drift. The code is zod's (`too_small`, `invalid_format` …) or a
 * custom rule's own (`params.code`, common/profile.ts); a missing value is `invalid_type` with
 * `reason: 'required'`. An unknown member (`unrecognized_keys`) the server words itself: it
 * depends on where the member was (body or query).
 */
export function issueCodeAndMeta(issue: ValidationIssue): { code: string; meta?: Record<string, unknown> } {
  if (issue.code === 'invalid_type') {
    // Zod 4 leaves the input out of its issues: its message tells a missing value from a wrong one
    // (zod's own English, or ours: server/platform/http/issue-words.ts).
    const missing =
      issue.input === undefined &&
      (issue.message === REQUIRED_WORDS || /received undefined$/.test(issue.message));
    const expected = String(issue.expected);
    return {
      code: issue.code,
      meta: errorMeta('invalid_type', { reason: missing ? 'required' : 'wrong_type', expected }),
    };
  }
  // A rule may name its own stable code (`params.code` of a custom issue, common/profile.ts).
  const ruleCode = issue.code === 'custom' ? issue.params?.code : undefined;
  const meta = issueMeta(issue);
  return { code: typeof ruleCode === 'string' ? ruleCode : issue.code, ...(meta ? { meta } : {}) };
}
