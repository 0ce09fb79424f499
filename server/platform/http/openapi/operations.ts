import type { SwaggerTransform } from '@fastify/swagger';
import type { FastifySchema, RouteOptions } from 'fastify';
import { createJsonSchemaTransform } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { JSONAPI_MEDIA_TYPE } from '../jsonapi/document';

/**
 * What a route writes in `schema.response` for one status: a description, the response headers
 * it sets (JSON schemas with a description), and the body per media type as a zod schema
 * (none for 204/304). Fastify serializes with plain JSON.stringify (see `jsonSerializerCompiler`):
 * these schemas describe the answers, the test suite checks every answer against them.
 */
export type ResponseSpec = {
  description: string;
  headers?: Record<string, HeaderSpec>;
  content?: Record<string, { schema: z.ZodType }>;
};

/** A response header: its JSON schema and what it means. */
export type HeaderSpec = { description: string } & Record<string, unknown>;

/** `{ description, content: { application/vnd.api+json: schema } }`. */
export function jsonApiResponse(
  description: string,
  schema: z.ZodType,
  headers?: Record<string, HeaderSpec>,
): ResponseSpec {
  return { description, ...(headers ? { headers } : {}), content: { [JSONAPI_MEDIA_TYPE]: { schema } } };
}

/** A response without a body (204 No Content, 304 Not Modified). */
export function emptyResponse(description: string, headers?: Record<string, HeaderSpec>): ResponseSpec {
  return { description, ...(headers ? { headers } : {}) };
}

/** `Location` of a 201: the path of the created resource. */
export const locationHeader: HeaderSpec = {
  description: 'The path of the created resource',
  type: 'string',
  maxLength: 4096,
  pattern: '^/api/',
};

/** `ETag` of a versioned resource, to send back in `If-Match`. */
export const etagHeader: HeaderSpec = {
  description: 'The version of the resource; send it back in If-Match to change it',
  type: 'string',
  maxLength: 256,
  pattern: '^(W/)?"[^"]*"$',
};

/** `X-Include-Total-Count`: the answer to `X-Include: totalCount`. */
export const totalCountHeader: HeaderSpec = {
  description: 'The number of matching records, when the request sent X-Include: totalCount',
  type: 'integer',
  format: 'int64',
  minimum: 0,
  maximum: Number.MAX_SAFE_INTEGER,
};

const secondsHeader = (description: string): HeaderSpec => ({
  description,
  type: 'integer',
  format: 'int32',
  minimum: 0,
  maximum: 86_400,
});

/** The per-API-key budget, announced on every answer to an API-key request (request-budget.ts). */
const rateLimitHeaders: Record<string, HeaderSpec> = {
  'X-RateLimit-Limit': {
    description: 'Requests a minute this API key may make (sent with API-key requests)',
    type: 'integer',
    format: 'int32',
    minimum: 1,
    maximum: 2_147_483_647,
  },
  'X-RateLimit-Remaining': {
    description: 'Requests left in the current minute (sent with API-key requests)',
    type: 'integer',
    format: 'int32',
    minimum: 0,
    maximum: 2_147_483_647,
  },
  'X-RateLimit-Reset': secondsHeader('Seconds until the budget starts over (sent with API-key requests)'),
};

const retryAfterHeader = { 'Retry-After': secondsHeader('Seconds to wait before trying again') };

/** The challenge of every 401 (RFC 7235 §3.1; bearerChallenge in errors.ts). */
const wwwAuthenticateHeader = {
  'WWW-Authenticate': {
    description:
      'The Bearer challenge (RFC 6750 §3): `Bearer realm="Atrium"`, with `error="invalid_token"` for a refused API key and `error="invalid_request"` for a malformed Bearer credential',
    type: 'string',
    maxLength: 100,
    pattern: '^Bearer realm="Atrium"(, error="(invalid_token|invalid_request)")?$',
  } satisfies HeaderSpec,
};

const allowHeader: HeaderSpec = {
  description: 'The methods this path allows',
  type: 'string',
  maxLength: 100,
  pattern: '^[A-Z]+(, [A-Z]+)*$',
};

/**
 * The errors every operation may answer, whatever it does: they come from the machinery in front
 * of every route (content negotiation, authentication, access, budgets, input checks, the error
 * handler), so they are declared once here for all operations.
 */
const commonErrors: Record<string, string> = {
  400: 'Malformed request: wrong JSON types, unknown members or query parameters, text that is not valid Unicode. `source` says where.',
  401: 'No valid credentials: sign in, or send a valid API key as `Authorization: Bearer <key>` (never in the URL). WWW-Authenticate gives the Bearer challenge.',
  403: 'Not permitted: a permission is missing, X-CSRF-Token is missing or wrong, the request is cross-site, a password change is due, or the body carries a client-generated id.',
  404: 'Not found: no such record in my organization (another organization’s records do not exist for me), or no such route.',
  405: 'The path does not allow this method (Allow lists those it does).',
  406: 'Accept names application/vnd.api+json only with parameters this API does not support.',
  409: 'Conflict: a value that must be unique is taken, data.type is not this endpoint’s type, or data.id does not match the URL.',
  414: 'A path parameter of the URL is too long.',
  415: 'The Content-Type is not one this operation accepts.',
  422: 'A value breaks a rule: each error’s `source.pointer` (or `parameter`) names the field.',
  429: 'Too many requests from this address or with this API key: wait Retry-After seconds.',
  500: 'Something went wrong on our side (the detail is only in the server log).',
  503: 'The server is busy or shutting down: try again in a moment.',
};

const ifMatchErrors: Record<string, string> = {
  412: 'The resource changed after the version sent in If-Match: read it again. Nothing was saved.',
};

const bodyErrors: Record<string, string> = {
  413: 'The request body is too large.',
};

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const csrfHeaderParameter = {
  type: 'string',
  maxLength: 256,
  pattern: '^[A-Za-z0-9_-]+$',
  description:
    'The csrfToken of the session (from POST /api/sessions or GET /api/sessions/current). Required on requests authenticated by the session cookie; not used with an API key.',
};

const includeHeaderParameter = {
  type: 'string',
  maxLength: 200,
  pattern: '^[A-Za-z]+([;,] *[A-Za-z]+)*$',
  description:
    '`totalCount`: also answer the number of matching records (X-Include-Total-Count and meta.totalCount).',
};

type JsonSchemaObject = {
  type?: string;
  properties?: Record<string, unknown>;
  required?: string[];
  [key: string]: unknown;
};

type TransformedSchema = Record<string, unknown> & {
  response?: Record<string, Record<string, unknown>>;
  headers?: JsonSchemaObject;
  body?: unknown;
  consumes?: string[];
  security?: { [label: string]: readonly string[] }[];
};

/** An upload described for the document (Fastify's multipart parser reads it, not a body schema). */
export type MultipartUpload = {
  field: string;
  description: string;
  maxBytes: number;
  mediaTypes: readonly string[];
};

/** The key under which a route names its multipart upload for the document. */
export const MULTIPART_KEY = 'x-atrium-multipart';

const zodTransform = createJsonSchemaTransform({ skipList: [] });

/**
 * @fastify/swagger's `transform`: turns one route's zod schemas into its OpenAPI operation
 * (with fastify-type-provider-zod), then adds what every operation shares:
 * - the common JSON:API error responses (+412 with If-Match, +413 with a body), with the
 *   `ErrorDocument` schema;
 * - rate-limit headers on every 2xx and 4xx answer and Retry-After on 429;
 * - request bodies as `application/vnd.api+json` (or the multipart upload the route names);
 * - `X-CSRF-Token` on state-changing operations that need a session, `X-Include` on lists that
 *   answer X-Include-Total-Count;
 * - `security: [{}, …]` on public operations: anonymous, or with a key or session (the document's
 *   default is "API key or session").
 */
export const openApiTransform: SwaggerTransform = (input) => {
  const { schema, route, url } = input as typeof input & { route: RouteOptions };
  if (!schema || (schema as { hide?: boolean }).hide) return zodTransform(input);

  const { response, ...rest } = schema as Record<string, unknown> & {
    response?: Record<string, ResponseSpec>;
  };
  const specs = response ?? {};
  const withContent: Record<string, ResponseSpec> = {};
  for (const [status, spec] of Object.entries(specs)) {
    if (spec.content) withContent[status] = { description: spec.description, content: spec.content };
  }
  const transformed = zodTransform({ ...input, schema: { ...rest, response: withContent } })
    .schema as TransformedSchema;

  const method = [route.method].flat()[0] ?? 'GET';
  const isPublic = route.config?.access === 'public';
  const upload = rest[MULTIPART_KEY] as MultipartUpload | undefined;
  delete transformed[MULTIPART_KEY];
  const headerNames = Object.keys(transformed.headers?.properties ?? {}).map((name) => name.toLowerCase());
  const hasBody = transformed.body !== undefined || upload !== undefined;

  const responses: Record<string, Record<string, unknown>> = {};
  for (const [status, spec] of Object.entries(specs)) {
    const converted = transformed.response?.[status];
    responses[status] = {
      ...(converted ?? { type: 'null', description: spec.description }),
      headers: { ...budgetHeaders(status), ...spec.headers },
    };
  }
  const errors = {
    ...commonErrors,
    ...(headerNames.includes('if-match') ? ifMatchErrors : {}),
    ...(hasBody ? bodyErrors : {}),
  };
  for (const [status, description] of Object.entries(errors)) {
    responses[status] ??= {
      description,
      headers: {
        ...budgetHeaders(status),
        ...(status === '429' || status === '503' ? retryAfterHeader : {}),
        ...(status === '405' ? { Allow: allowHeader } : {}),
        ...(status === '401' ? wwwAuthenticateHeader : {}),
      },
      content: { [JSONAPI_MEDIA_TYPE]: { schema: { $ref: '#/components/schemas/ErrorDocument' } } },
    };
  }
  transformed.response = responses;

  if (upload) {
    transformed.consumes = ['multipart/form-data'];
    transformed.body = uploadBodySchema(upload);
  } else if (transformed.body !== undefined) {
    transformed.consumes ??= [JSONAPI_MEDIA_TYPE];
    // @fastify/swagger marks every body required; `withOptionalBodies` reads this mark.
    if ((rest.body as z.ZodType).safeParse(undefined).success) transformed[OPTIONAL_BODY] = true;
  }
  // Anonymous, or with credentials (a key or session is used when sent, e.g. for the policy in force).
  if (isPublic) transformed.security = [{}, { apiKey: [] }, { session: [] }];
  const isCounted = Object.values(specs).some((spec) => spec.headers?.['X-Include-Total-Count']);
  if (isCounted)
    transformed.headers = addHeaderParameter(transformed.headers, 'X-Include', includeHeaderParameter);
  if (UNSAFE_METHODS.has(method) && !isPublic) {
    transformed.headers = addHeaderParameter(transformed.headers, 'X-CSRF-Token', csrfHeaderParameter);
  }
  return { schema: transformed as FastifySchema, url };
};

/** The mark of an operation whose body may be omitted (an `x-` key, which @fastify/swagger copies). */
const OPTIONAL_BODY = 'x-atrium-optional-body';

type Operations = Record<
  string,
  Record<string, Record<string, unknown> & { requestBody?: { required?: boolean } }>
>;

/**
 * The document with `requestBody.required: false` on every operation whose body may be omitted
 * (its schema accepts no body: `POST /api/users/{id}/api-key` …), the mark removed.
 */
export function withOptionalBodies<T extends object>(document: T): T {
  const { paths } = document as { paths?: Operations };
  for (const operations of Object.values(paths ?? {})) {
    for (const operation of Object.values(operations)) {
      if (!operation || typeof operation !== 'object' || !(OPTIONAL_BODY in operation)) continue;
      delete operation[OPTIONAL_BODY];
      if (operation.requestBody) operation.requestBody.required = false;
    }
  }
  return document;
}

function budgetHeaders(status: string): Record<string, HeaderSpec> {
  return status.startsWith('2') || status.startsWith('4') ? rateLimitHeaders : {};
}

function uploadBodySchema(upload: MultipartUpload): JsonSchemaObject {
  return {
    type: 'object',
    properties: {
      [upload.field]: {
        type: 'string',
        format: 'binary',
        contentMediaType: 'application/octet-stream',
        maxLength: upload.maxBytes,
        description: `${upload.description} (${upload.mediaTypes.join(', ')})`,
      },
    },
    required: [upload.field],
    additionalProperties: false,
  };
}

function addHeaderParameter(
  headers: JsonSchemaObject | undefined,
  name: string,
  schema: Record<string, unknown>,
): JsonSchemaObject {
  const base = headers ?? { type: 'object', properties: {} };
  return { ...base, properties: { ...base.properties, [name]: schema } };
}
