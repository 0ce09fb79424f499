import type { FastifySchemaCompiler } from 'fastify';
import { type ZodType, z } from 'zod';
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

export function validationErrorDetails(
  issues: Issue[],
  location: Location,
): { status: number; errors: (ErrorDetail & { status: string })[] } {
  const malformed = issues.some((issue) => MALFORMED.has(issue.code));
  const status = malformed ? statusByKind.bad_request : statusByKind.validation;
  const errors = issues.flatMap((issue) => {
    const paths =
      issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
    return paths.map((path) => {
      // A rule may name its own stable code (`params.code` of a custom issue, common/profile.ts).
      const ruleCode = issue.code === 'custom' ? issue.params?.code : undefined;
      const code =
        issue.code === 'unrecognized_keys'
          ? 'unknown_member'
          : typeof ruleCode === 'string'
            ? ruleCode
            : issue.code;
      const detail =
        issue.code === 'unrecognized_keys'
          ? `Unknown member "${String(path.at(-1))}".`
          : issue.code === 'invalid_type' && issue.input === undefined
            ? 'This value is required.'
            : issue.message;
      const source =
        location === 'body'
          ? {
              pointer: `/${path.map((p) => String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`,
            }
          : location === 'headers'
            ? { header: String(path[0] ?? '') }
            : { parameter: String(path[0] ?? '') };
      return { status: String(MALFORMED.has(issue.code) ? 400 : 422), code, detail, source };
    });
  });
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
  const { code, detail, source } = first as ErrorDetail & { source: { pointer: string } };
  throw new AppError(status === statusByKind.bad_request ? 'bad_request' : 'validation', code, detail, {
    source,
    more,
  });
}

export { z };
