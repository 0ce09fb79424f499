import type { FastifySchemaCompiler } from 'fastify';
import { type ZodType, z } from 'zod';
import { errorMeta } from '../../../common/error-particulars';
import { issueCodeAndMeta } from '../../../common/validation-issues';
import { AppError, type ErrorDetail, statusByKind } from './errors';

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
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data);
    return result.success
      ? { value: result.data }
      : { error: new RequestValidationError(result.error.issues) };
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
    if (meta?.reason === 'required') return { code, detail: 'This value is required.', meta };
    const words = expectedTypes[String(issue.expected)];
    if (words) return { code, detail: `This value must be ${words}.`, meta };
    return { code, detail: issue.message, meta };
  }
  return { code, detail: issue.message, meta };
}

/** What a value of each JSON type is called in an error's detail ("This value must be a number."). */
const expectedTypes: Record<string, string> = {
  string: 'text (a JSON string)',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list (a JSON array)',
  null: 'null',
};

/**
 * The JSON:API errors of a failed validation: one per problem, each with `source`. Status: 400
 * when any problem is malformed (wrong type, unknown member or query parameter), else 403 / 409 by
 * `jsonApiRule`, else 422.
 */
export function validationErrorDetails(
  issues: Issue[],
  location: Location,
): { status: number; errors: (ErrorDetail & { status: string })[] } {
  const errors = issues.flatMap((issue) => {
    const paths =
      issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
    return paths.map((path) => {
      const rule = location === 'body' ? jsonApiRule(path, issue) : undefined;
      const isMalformed = rule === undefined && MALFORMED.has(issue.code);
      const ownStatus = rule?.status ?? (isMalformed ? statusByKind.bad_request : statusByKind.validation);
      const { code, detail, meta } = rule ?? describeIssue(issue, path, location);
      const source =
        location === 'body'
          ? {
              pointer: `/${path.map((p) => String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`,
            }
          : location === 'headers'
            ? { header: String(path[0] ?? '') }
            : { parameter: String(path[0] ?? '') };
      return { status: String(ownStatus), code, detail, source, ...(meta ? { meta } : {}) };
    });
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
  const result = schema.safeParse(value);
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
