import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorMeta } from '../../../common/error-particulars';
import { AppError, bearerChallenge, type ErrorDetail } from './errors';
import { allowedMethods } from './route-rules';
import { RequestValidationError, validationErrorDetails } from './validation';

type JsonApiError = ErrorDetail & { status: string; title?: string };

/** At most this many errors in one document (a body with thousands of unknown members stays small). */
const MAX_ERRORS = 100;

/**
 * The longest `detail`, `source.pointer` and `source.parameter`/`header` an error carries (as the
 * OpenAPI document's `Error` states): a message that quotes the request (an unknown sort field,
 * a parameter's name) never grows with it.
 */
const MAX_LENGTHS = { detail: 2000, pointer: 1024, parameter: 256, header: 256 } as const;

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  // Cut on a code point boundary: a lone surrogate is not valid text.
  return `${text.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '')}…`;
}

/** A particular of meta that quotes the request (a sort field, a path) is clipped like `source`. */
function boundedMeta(meta: Record<string, unknown>): Record<string, unknown> {
  const value = (item: unknown): unknown =>
    typeof item === 'string' ? clip(item, MAX_LENGTHS.parameter) : item;
  return Object.fromEntries(
    Object.entries(meta).map(([key, item]) => [
      key,
      Array.isArray(item) ? item.slice(0, MAX_ERRORS).map(value) : value(item),
    ]),
  );
}

function bounded(error: JsonApiError): JsonApiError {
  const source = error.source;
  return {
    ...error,
    detail: clip(error.detail, MAX_LENGTHS.detail),
    ...(error.meta ? { meta: boundedMeta(error.meta) } : {}),
    ...(source
      ? {
          source: Object.fromEntries(
            Object.entries(source).map(([key, value]) => [
              key,
              clip(String(value), MAX_LENGTHS[key as keyof typeof MAX_LENGTHS] ?? MAX_LENGTHS.parameter),
            ]),
          ) as JsonApiError['source'],
        }
      : {}),
  };
}

function send(reply: FastifyReply, status: number, errors: JsonApiError[]) {
  return reply
    .status(status)
    .type('application/vnd.api+json')
    .send({ errors: errors.slice(0, MAX_ERRORS).map(bounded) });
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * The one error handler: every failure becomes a JSON:API error document. 4xx say what is wrong and
 * where (`source.pointer` / `parameter` / `header`); 5xx say nothing and log the detail.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | RequestValidationError, request, reply) => {
    if (error instanceof AppError) {
      for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
      if (error.status === 401 && !reply.hasHeader('www-authenticate')) {
        reply.header('www-authenticate', bearerChallenge());
      }
      if (error.status >= 500) request.log.error({ err: error }, 'request failed');
      const status = String(error.status);
      return send(
        reply,
        error.status,
        error.details().map((d) => ({ status, title: titles[error.status], ...d })),
      );
    }
    const validation = findValidationError(error);
    if (validation) {
      const location = ((error as FastifyError).validationContext ?? 'body') as 'body';
      const { status, errors } = validationErrorDetails(validation.issues, location);
      return send(reply, status, errors);
    }
    const statusCode = (error as FastifyError).statusCode;
    if (statusCode === 429) {
      return send(reply, 429, [
        {
          status: '429',
          title: titles[429],
          code: 'rate_limited',
          detail: 'Too many requests. Try again later.',
        },
      ]);
    }
    if (statusCode && statusCode >= 400 && statusCode < 500) {
      return send(reply, statusCode, [
        {
          status: String(statusCode),
          title: titles[statusCode] ?? 'Bad Request',
          code: fastifyCode(error as FastifyError),
          detail: clientMessage(error as FastifyError),
        },
      ]);
    }
    request.log.error({ err: error }, 'unexpected error');
    return send(reply, 500, [
      {
        status: '500',
        title: titles[500],
        code: 'internal_error',
        detail: 'Something went wrong on our side.',
      },
    ]);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?', 1)[0] ?? '/';
    const allowed = allowedMethods(request.server.apiRoutes ?? [], path);
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      // RFC 9110 §15.5.6: the path exists, the method does not; Allow lists what does.
      reply.header('allow', allowed.join(', '));
      return send(reply, 405, [
        {
          status: '405',
          title: titles[405],
          code: 'method_not_allowed',
          detail: `${request.method} is not allowed on ${path}. Use ${allowed.join(', ')}.`,
          meta: errorMeta('method_not_allowed', { method: request.method, allowed }),
        },
      ]);
    }
    return send(reply, 404, [
      {
        status: '404',
        title: titles[404],
        code: 'route_not_found',
        detail: `No route ${request.method} ${path}.`,
        meta: errorMeta('route_not_found', { method: request.method, path }),
      },
    ]);
  });
}

/**
 * Fastify's `frameworkErrors` option: errors Fastify meets before any route or hook runs (a URL
 * whose %-escapes do not decode, `FST_ERR_BAD_URL`; a path parameter over `maxParamLength`,
 * `FST_ERR_MAX_PARAM_LENGTH`). They answer the same JSON:API error document as every other 4xx,
 * with the API's security `headers` (no onRequest hook has run to set them), and then call
 * `answered` with the request and its reply: Fastify's request logging never sees these answers.
 */
export function answerFrameworkError(
  headers: Record<string, string>,
  answered: (request: FastifyRequest, reply: FastifyReply) => void = () => {},
): (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void {
  return (error, request, reply) => {
    const isTooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
    const status = isTooLong ? 414 : 400;
    const document = {
      status: String(status),
      title: isTooLong ? 'URI Too Long' : titles[400],
      code: isTooLong ? 'path_parameter_too_long' : 'malformed_url',
      detail: isTooLong
        ? 'A path parameter of this URL is too long.'
        : 'The URL is not valid: each %-escape must encode UTF-8.',
    };
    // Sent as bytes: Fastify would add "; charset=utf-8" to a string, and no onSend hook runs
    // here to take it off again (JSON:API's media type has no parameters).
    void reply
      .status(status)
      .headers(headers)
      .header('content-type', 'application/vnd.api+json')
      .send(Buffer.from(JSON.stringify({ errors: [document] })));
    answered(request, reply);
  };
}

/**
 * A request Node's HTTP parser refused (`answerClientError`), as its log line shows it: the
 * connection's peer address (a proxy's, behind one: no header was read to say whose it is).
 */
export type RefusedRequest = { remoteAddress: string | undefined; statusCode: number; code: string };

/**
 * Fastify's `clientErrorHandler` option: a request Node's HTTP parser refuses before Fastify sees
 * it (headers over the size limit: 431; a control character in a header, a malformed request
 * line: 400; a request that took too long: 408). Answers a JSON:API error document with the API's
 * security `headers` on the socket, then closes it; `refused` is told (for the log: no request
 * was made, so Fastify's request logging never sees it).
 */
export function answerClientError(
  headers: Record<string, string>,
  refused: (request: RefusedRequest) => void = () => {},
): (error: Error & { code?: string }, socket: Socket) => void {
  return (error, socket) => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const [status, title, code] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'headers_too_large']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'Request Timeout', 'request_timeout']
          : [400, titles[400], 'malformed_request'];
    const body = JSON.stringify({
      errors: [{ status: String(status), title, code, detail: 'The HTTP request could not be read.' }],
    });
    if (socket.writable) {
      const lines = [
        `HTTP/1.1 ${status} ${title}`,
        'Content-Type: application/vnd.api+json',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Connection: close',
        ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      ];
      socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`);
    }
    const remoteAddress = socket.remoteAddress;
    socket.destroy(error);
    refused({ remoteAddress, statusCode: status, code });
  };
}

function findValidationError(error: unknown): RequestValidationError | undefined {
  if (error instanceof RequestValidationError) return error;
  const cause = (error as { cause?: unknown })?.cause;
  if (cause instanceof RequestValidationError) return cause;
  const validation = (error as { validation?: unknown[] })?.validation;
  if (Array.isArray(validation)) return validation.find((v) => v instanceof RequestValidationError);
  return undefined;
}

const knownCodes: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'empty_body',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_content_length',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
};

function fastifyCode(error: FastifyError): string {
  if (error.code && knownCodes[error.code]) return knownCodes[error.code] as string;
  if (error.name === 'SyntaxError') return 'malformed_json';
  return 'bad_request';
}

function clientMessage(error: FastifyError): string {
  switch (fastifyCode(error)) {
    case 'unsupported_media_type':
      return 'Send the body as application/vnd.api+json.';
    case 'body_too_large':
      return 'The request body is too large.';
    case 'empty_body':
      return 'The request body is empty.';
    case 'malformed_json':
      return 'The request body is not valid JSON.';
    default:
      // Fastify's own 4xx messages (e.g. prototype poisoning) are safe to show.
      return error.message;
  }
}
