/**
 * The one error type of Atrium. Services throw it; only the HTTP error handler turns it into a
 * response. `kind` decides the HTTP status through the one table below; `code` is the stable,
 * feature-specific identifier that clients may rely on (e.g. `username_taken`).
 */
export const statusByKind = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  not_acceptable: 406,
  conflict: 409,
  gone: 410,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation: 422,
  precondition_required: 428,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorKind = keyof typeof statusByKind;

export type ErrorSource = { pointer: string } | { parameter: string } | { header: string };

export type ErrorDetail = {
  code: string;
  title?: string;
  detail: string;
  source?: ErrorSource;
  meta?: Record<string, unknown>;
};

export type AppErrorOptions = {
  source?: ErrorSource;
  meta?: Record<string, unknown>;
  /** More problems of the same request, reported together (e.g. every invalid field). */
  more?: ErrorDetail[];
  /** Response headers, e.g. Retry-After. */
  headers?: Record<string, string>;
  cause?: unknown;
};

export class AppError extends Error {
  override name = 'AppError';
  readonly kind: ErrorKind;
  readonly code: string;
  readonly source: ErrorSource | undefined;
  readonly meta: Record<string, unknown> | undefined;
  readonly more: ErrorDetail[];
  readonly headers: Record<string, string>;

  constructor(kind: ErrorKind, code: string, detail: string, options: AppErrorOptions = {}) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.code = code;
    this.source = options.source;
    this.meta = options.meta;
    this.more = options.more ?? [];
    this.headers = options.headers ?? {};
  }

  get status(): number {
    return statusByKind[this.kind];
  }

  /** Every problem this error reports, first its own. */
  details(): ErrorDetail[] {
    const own: ErrorDetail = { code: this.code, detail: this.message };
    if (this.source) own.source = this.source;
    if (this.meta) own.meta = this.meta;
    return [own, ...this.more];
  }
}

/** `/data/attributes/<field>`: the pointer to an attribute of the request body. */
export function attributePointer(field: string): { pointer: string } {
  return { pointer: `/data/attributes/${field}` };
}

/**
 * The pointer to a relationship of the request body: its linkage `/data/relationships/<name>/data`
 * (a to-one's identifier), one identifier of a to-many (`…/data/<index>`), or with `whole` the
 * relationship itself (`/data/relationships/<name>`, for a problem of the list as a whole).
 */
export function relationshipPointer(name: string, index?: number | 'whole'): { pointer: string } {
  if (index === 'whole') return { pointer: `/data/relationships/${name}` };
  return { pointer: `/data/relationships/${name}/data${index === undefined ? '' : `/${index}`}` };
}

/**
 * A 404 for a record the body refers to (JSON:API: a related resource that does not exist), the
 * same whether it does not exist or is another organization's, pointing at the reference.
 * `code` is `<what>_not_found` (`user_not_found`, `file_not_found` …), written out at the call, where
 * web/i18n/error-codes.test.ts finds the codes the server answers.
 */
export function relatedNotFound(
  code: `${string}_not_found`,
  detail: string,
  relationship: string,
  index?: number,
): AppError {
  return new AppError('not_found', code, detail, {
    source: relationshipPointer(relationship, index),
  });
}

export function notFound(what = 'resource'): AppError {
  return new AppError('not_found', 'not_found', `The requested ${what} was not found.`);
}

export function forbidden(detail = 'You do not have permission to do this.'): AppError {
  return new AppError('forbidden', 'forbidden', detail);
}

/**
 * The `WWW-Authenticate` challenge every 401 carries (RFC 7235 §3.1): the API's one HTTP
 * authentication scheme, Bearer with an API key (RFC 6750 §3), with `error` when the request's
 * Bearer credential was refused (`invalid_token`) or malformed (`invalid_request`), RFC 6750 §3.1.
 * A browser shows no dialog for it (it does for Basic).
 */
export function bearerChallenge(error?: 'invalid_token' | 'invalid_request'): string {
  return error ? `Bearer realm="Atrium", error="${error}"` : 'Bearer realm="Atrium"';
}

export function unauthenticated(
  detail = 'Sign in or send a valid API key.',
  options: Pick<AppErrorOptions, 'source' | 'headers'> = {},
): AppError {
  return new AppError('unauthenticated', 'unauthenticated', detail, options);
}

/** A 422 for one field of the body. */
export function invalidField(
  field: string,
  code: string,
  detail: string,
  meta?: Record<string, unknown>,
): AppError {
  return new AppError('validation', code, detail, {
    source: attributePointer(field),
    ...(meta ? { meta } : {}),
  });
}

/** A 409 for a value that must be unique. */
export function conflictField(
  field: string,
  code: string,
  detail: string,
  meta?: Record<string, unknown>,
): AppError {
  return new AppError('conflict', code, detail, {
    source: attributePointer(field),
    ...(meta ? { meta } : {}),
  });
}
