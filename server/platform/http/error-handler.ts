import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { AppError, type ErrorDetail } from './errors';
import { RequestValidationError, validationErrorDetails } from './validation';

type JsonApiError = ErrorDetail & { status: string; title?: string };

/** At most this many errors in one document (a body with thousands of unknown members stays small). */
const MAX_ERRORS = 100;

function send(reply: FastifyReply, status: number, errors: JsonApiError[]) {
  return reply
    .status(status)
    .type('application/vnd.api+json')
    .send({ errors: errors.slice(0, MAX_ERRORS) });
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
    return send(reply, 404, [
      {
        status: '404',
        title: titles[404],
        code: 'route_not_found',
        detail: `No route ${request.method} ${request.url.split('?')[0]}.`,
      },
    ]);
  });
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
