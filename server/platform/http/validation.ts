import type { FastifySchemaCompiler } from 'fastify';
import { type ZodType, z } from 'zod';
import { errorMeta } from '../../../common/error-particulars';
import { issueCodeAndMeta, jsonBound } from '../../../common/validation-issues';
import { AppError, type ErrorDetail, statusByKind } from './errors';
import { expectedTypes, REQUIRED_WORDS, safeParseWithOwnWords } from './issue-words';

type Issue = z.core.$ZodIssue;

/** A validation failure that keeps zod's issues, so the error handler can point at each field. */
export class RequestValidationError extends Error {
  override name = 'RequestValidationError';
  constructor(readonly issues: Issue[]) {
    super('The request is not valid.');
  }
}

/**
 * Route schemas are zod schemas: no coercion, no silent dropping (schemas use z.strictObject),
 * and the parsed value — never the raw input — reaches the handler.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = safeParseWithOwnWords(schema, data);
    if (result.success) return { value: result.data };
    // Fastify hands a missing body (with or without a Content-Type) to the validator as null, as
    // it does a JSON `null`: no document either way, where the route needs one.
    if (httpPart === 'body' && data === null) {
      return {
        error: new AppError(
          'bad_request',
          'empty_body',
          'The request body is empty: send a JSON:API document.',
          {
            source: { pointer: '/' },
          },
        ),
      };
    }
    return { error: new RequestValidationError(result.error.issues) };
  };

/** Wrong types and unknown members are malformed (400); values out of their rules are 422. */
const MALFORMED = new Set(['invalid_type', 'unrecognized_keys', 'invalid_union', 'invalid_key']);

type Location = 'body' | 'querystring' | 'params' | 'headers';

/**
 * The status and code JSON:API 1.1 fixes for a problem of the request document
 * (https://jsonapi.org/format/1.1/#crud-creating-responses-403 and -409): a client-generated
 * `data.id` where the server makes ids is 403; a `data.type` other than the endpoint's is 409.
 */
function jsonApiRule(
  path: readonly PropertyKey[],
  issue: Issue,
): { status: number; code: string; detail: string; meta?: Record<string, unknown> } | undefined {
  const isData = path.length === 2 && path[0] === 'data';
  if (isData && path[1] === 'id' && issue.code === 'unrecognized_keys') {
    return {
      status: statusByKind.forbidden,
      code: 'client_generated_id',
      detail: 'This endpoint makes the ids of the resources it creates: send no data.id.',
    };
  }
  if (isData && path[1] === 'type' && issue.code === 'invalid_value') {
    const types = issue.values.map((value) => `"${String(value)}"`).join(' or ');
    return {
      status: statusByKind.conflict,
      code: 'type_mismatch',
      detail: `The type must be ${types} at this endpoint.`,
      meta: errorMeta('type_mismatch', { allowed: issue.values.map((value) => String(value)) }),
    };
  }
  return undefined;
}

/** The code, message and particulars (`meta`) of a problem no JSON:API rule covers. */
function describeIssue(
  issue: Issue,
  path: readonly PropertyKey[],
  location: Location,
): { code: string; detail: string; meta?: Record<string, unknown> | undefined } {
  const name = String(path.at(-1));
  if (issue.code === 'unrecognized_keys') {
    return location === 'querystring'
      ? {
          code: 'unknown_parameter',
          detail: `The query parameter ${name} is not supported here.`,
          meta: errorMeta('unknown_parameter', { reason: 'not_supported', parameter: name }),
        }
      : {
          code: 'unknown_member',
          detail: `Unknown member "${name}".`,
          meta: errorMeta('unknown_member', { member: name }),
        };
  }
  const { code, meta } = issueCodeAndMeta(issue);
  if (issue.code === 'invalid_type') {
    if (meta?.reason === 'required' && location === 'querystring') {
      return {
        code: 'parameter_required',
        detail: `Give ${name}.`,
        meta: errorMeta('parameter_required', { parameter: name }),
      };
    }
    if (meta?.reason === 'required') return { code, detail: REQUIRED_WORDS, meta };
    // A query parameter arrives as text, or as a list when it is repeated.
    if (location === 'querystring') {
      return { code, detail: `Give the query parameter ${name} once, as plain text.`, meta };
    }
    const words = expectedTypes[String(issue.expected)];
    if (words) return { code, detail: `This value must be ${words}.`, meta };
    return { code, detail: issue.message, meta };
  }
  return { code, detail: issue.message, meta };
}

/** A header's name as RFC 9110 writes it (`if-match` → `If-Match`); Node hands them lower-cased. */
function headerName(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());
}

/** Malformed problems first, then a rule's own (`custom`), then zod's checks. */
function issueRank(issue: Issue): number {
  if (MALFORMED.has(issue.code)) return 0;
  return issue.code === 'custom' ? 1 : 2;
}

/**
 * Whether `candidate` tells more about a field than `kept`: a lower rank, or of two bounds the
 * tighter one (`1e20` breaks both the safe-integer bound and the field's own maximum: the field's).
 */
function tellsMore(candidate: Issue, kept: Issue): boolean {
  const [rank, keptRank] = [issueRank(candidate), issueRank(kept)];
  if (rank !== keptRank) return rank < keptRank;
  if (candidate.code === 'too_big' && kept.code === 'too_big') {
    return Number(jsonBound(candidate.maximum)) < Number(jsonBound(kept.maximum));
  }
  if (candidate.code === 'too_small' && kept.code === 'too_small') {
    return Number(jsonBound(candidate.minimum)) > Number(jsonBound(kept.minimum));
  }
  return false;
}

/**
 * One problem per field: zod runs every check of a value, so one value may break several (an
 * over-long text both a cheap bound and its rule; a huge number the safe-integer bound and its
 * maximum). A client shows one message per field; this keeps the one that tells most.
 */
function oneIssuePerField(issues: Issue[]): { issue: Issue; path: readonly PropertyKey[] }[] {
  const byField = new Map<string, { issue: Issue; path: readonly PropertyKey[] }>();
  for (const issue of issues) {
    const paths =
      issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
    for (const path of paths) {
      const field = JSON.stringify(path.map(String));
      const kept = byField.get(field);
      if (!kept || tellsMore(issue, kept.issue)) byField.set(field, { issue, path });
    }
  }
  // An unknown member or parameter first: what the client did not mean to send explains the rest.
  const unknownFirst = (entry: { issue: Issue }) => (entry.issue.code === 'unrecognized_keys' ? 0 : 1);
  return [...byField.values()].sort((a, b) => unknownFirst(a) - unknownFirst(b));
}

/**
 * The JSON:API errors of a failed validation: one per field (`oneIssuePerField`), each with
 * `source`. Status: 400 when any problem is malformed (wrong type, unknown member or query
 * parameter) or the problem is in the query string (JSON:API: a bad query parameter is 400), else
 * 403 / 409 by `jsonApiRule`, else 422.
 */
export function validationErrorDetails(
  issues: Issue[],
  location: Location,
): { status: number; errors: (ErrorDetail & { status: string })[] } {
  const errors = oneIssuePerField(issues).map(({ issue, path }) => {
    const rule = location === 'body' ? jsonApiRule(path, issue) : undefined;
    // A query parameter or a header that breaks its rule is a malformed request (400), not a value.
    const isMalformed =
      rule === undefined &&
      (MALFORMED.has(issue.code) || location === 'querystring' || location === 'headers');
    const ownStatus = rule?.status ?? (isMalformed ? statusByKind.bad_request : statusByKind.validation);
    const { code, detail, meta } = rule ?? describeIssue(issue, path, location);
    const source =
      location === 'body'
        ? {
            pointer: `/${path.map((p) => String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`,
          }
        : location === 'headers'
          ? { header: headerName(String(path[0] ?? '')) }
          : { parameter: String(path[0] ?? '') };
    return { status: String(ownStatus), code, detail, source, ...(meta ? { meta } : {}) };
  });
  const statuses = new Set(errors.map((error) => Number(error.status)));
  const status =
    [statusByKind.bad_request, statusByKind.forbidden, statusByKind.conflict].find((s) => statuses.has(s)) ??
    statusByKind.validation;
  return { status, errors };
}

/**
 * Checks a value a service receives with the schema its route uses, for callers that reach the
 * service without a request (the CLI, the first start), so they meet the same rules: the parsed
 * value, or an AppError carrying every issue (422 `validation`, or 400 for wrong types), each
 * pointing at `${pointerPrefix}/<path>` as a request's body would.
 */
export function parseInput<T extends ZodType>(schema: T, value: unknown, pointerPrefix: string): z.output<T> {
  const result = safeParseWithOwnWords(schema, value);
  if (result.success) return result.data;
  const { status, errors } = validationErrorDetails(result.error.issues, 'body');
  const [first, ...more] = errors.map(({ status: _status, source, ...detail }) => ({
    ...detail,
    source: { pointer: `${pointerPrefix}${(source as { pointer: string }).pointer}` },
  }));
  const { code, detail, source, meta } = first as ErrorDetail & { source: { pointer: string } };
  throw new AppError(status === statusByKind.bad_request ? 'bad_request' : 'validation', code, detail, {
    source,
    ...(meta ? { meta } : {}),
    more,
  });
}

export { z };
