import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors';
import { JSONAPI_MEDIA_TYPE } from './document';
import { type MediaType, parseAccept, parseMediaType } from './media-type';

export type JsonApiContentNegotiationOptions = {
  /** Extension URIs the API implements (JSON:API 1.1 `ext`); none by default. */
  extensions?: readonly string[];
};

/**
 * JSON:API 1.1 content negotiation for everything under `/api` except the sandbox at `/api/doc`
 * (https://jsonapi.org/format/1.1/#content-negotiation-servers):
 * - parses `application/vnd.api+json` bodies like Fastify's JSON (prototype poisoning is an error);
 * - 415 when that Content-Type carries a parameter other than `ext`/`profile` or an unsupported `ext`;
 * - 406 when `Accept` names that media type only with such parameters;
 * - answers JSON payloads as `application/vnd.api+json`, without parameters.
 * Register it before the routes: its hooks apply to routes registered after it.
 */
/** Accept headers that always allow a JSON:API answer. */
const PLAIN_ACCEPT = new Set([JSONAPI_MEDIA_TYPE, 'application/json', '*/*']);
/** What Fastify sets for an object payload, or a string one of `reply.type(JSONAPI_MEDIA_TYPE)`. */
const FASTIFY_JSON_TYPES = new Set([
  'application/json; charset=utf-8',
  `${JSONAPI_MEDIA_TYPE}; charset=utf-8`,
]);

const plugin: FastifyPluginAsync<JsonApiContentNegotiationOptions> = async (app, options) => {
  const extensions = new Set(options.extensions ?? []);

  app.addContentTypeParser(
    JSONAPI_MEDIA_TYPE,
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'error'),
  );

  // Both hooks are synchronous (done callbacks): they run on every API call, and an async hook
  // costs a promise and a microtask each time.
  app.addHook('onRequest', (request, _reply, done) => {
    if (isJsonApiPath(request.url)) {
      try {
        const contentType = request.headers['content-type'];
        if (contentType !== undefined) assertSupportedContentType(contentType, extensions);
        const accept = request.headers.accept;
        // The common values need no parsing (every integration request sends one of them).
        if (accept !== undefined && !PLAIN_ACCEPT.has(accept)) assertAcceptable(accept, extensions);
      } catch (error) {
        done(error as Error);
        return;
      }
    }
    done();
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    const contentType = reply.getHeader('content-type');
    if (typeof contentType === 'string' && contentType !== JSONAPI_MEDIA_TYPE && isJsonApiPath(request.url)) {
      if (FASTIFY_JSON_TYPES.has(contentType)) {
        reply.header('content-type', JSONAPI_MEDIA_TYPE);
      } else {
        const { essence } = parseMediaType(contentType);
        if (essence === 'application/json' || essence === JSONAPI_MEDIA_TYPE) {
          reply.header('content-type', JSONAPI_MEDIA_TYPE);
        }
      }
    }
    done(null, payload);
  });
};

export const jsonApiContentNegotiation = fp(plugin, {
  name: 'jsonapi-content-negotiation',
  fastify: '5.x',
});

/** `/api` and below, except the API sandbox `/api/doc` and below. */
export function isJsonApiPath(url: string): boolean {
  const path = url.split('?', 1)[0] ?? '';
  if (path !== '/api' && !path.startsWith('/api/')) return false;
  return path !== '/api/doc' && !path.startsWith('/api/doc/');
}

function assertSupportedContentType(header: string, extensions: ReadonlySet<string>): void {
  const mediaType = parseMediaType(header);
  if (mediaType.essence !== JSONAPI_MEDIA_TYPE || isUsable(mediaType, extensions)) return;
  throw new AppError(
    'unsupported_media_type',
    'unsupported_media_type',
    `Content-Type ${JSONAPI_MEDIA_TYPE} may carry only the "profile" parameter and supported "ext" extensions.`,
    { source: { header: 'Content-Type' } },
  );
}

function assertAcceptable(header: string, extensions: ReadonlySet<string>): void {
  const jsonApiRanges = parseAccept(header).filter((range) => range.essence === JSONAPI_MEDIA_TYPE);
  if (jsonApiRanges.length === 0 || jsonApiRanges.some((range) => isUsable(range, extensions))) return;
  throw new AppError(
    'not_acceptable',
    'not_acceptable',
    `Accept must list ${JSONAPI_MEDIA_TYPE} at least once with no parameters other than "profile" and supported "ext" extensions.`,
    { source: { header: 'Accept' } },
  );
}

function isUsable({ parameters }: MediaType, extensions: ReadonlySet<string>): boolean {
  for (const [name, value] of parameters) {
    if (name === 'profile') continue;
    if (name !== 'ext') return false;
    const requested = value.split(/\s+/).filter(Boolean);
    if (!requested.every((uri) => extensions.has(uri))) return false;
  }
  return true;
}
