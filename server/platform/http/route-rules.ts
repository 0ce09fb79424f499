import type {
  FastifyInstance,
  FastifyRequest,
  preHandlerHookHandler,
  preValidationHookHandler,
} from 'fastify';
import fp from 'fastify-plugin';
import { type ZodType, z } from 'zod';
import { AppError } from './errors';
import { safeParseWithOwnWords } from './issue-words';
import { RequestValidationError } from './validation';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The id of the resource a PATCH route changes, when the URL does not carry it as `:id` or
     * `:key` (e.g. `/sessions/current`). `data.id` of the body must equal it.
     */
    resourceId?: (request: FastifyRequest) => string | undefined;
  }
}

/** The query schema of a route that declares none: no parameter at all is accepted. */
export const noQueryParameters = z.strictObject({});

/**
 * One rule for every API operation, applied as routes are registered (so no route can forget it):
 * - the query string is always validated, and first (before the body, so a bad body never hides
 *   an unknown parameter): a route that declares no `schema.querystring` gets
 *   `noQueryParameters`, so `?foo=bar` is a 400 naming `foo` (routes that read list parameters
 *   declare a schema and parse them strictly with `parseListQuery`);
 * - on PATCH, `data.id` of the body, when sent, must name the resource of the URL: 409
 *   `id_mismatch` otherwise (JSON:API 1.1 "Updating Resources": 409 Conflict). The URL's resource is
 *   `config.resourceId(request)` (or the URL's last word, as `current` of `/sessions/current`), else
 *   `:id` (`me` = the actor), else `:key`.
 * Register it before the routes.
 */
export const routeRules = fp<{ isApiCall(url: string): boolean }>(
  async (app: FastifyInstance, options) => {
    app.addHook('onRoute', (route) => {
      if (!options.isApiCall(route.url)) return;
      route.schema ??= {};
      route.schema.querystring ??= noQueryParameters;
      route.preValidation = [
        checkQueryFirst(route.schema.querystring as ZodType),
        ...[route.preValidation ?? []].flat(),
      ];
      const methods = [route.method].flat();
      if (methods.includes('PATCH')) {
        route.preHandler = [...[route.preHandler ?? []].flat(), ensureBodyIdMatchesUrl];
      }
    });
  },
  { name: 'atrium-route-rules' },
);

/** Fastify validates params, body, then query; the query's verdict comes first here. */
function checkQueryFirst(schema: ZodType): preValidationHookHandler {
  return (request, _reply, done) => {
    const result = safeParseWithOwnWords(schema, request.query ?? {});
    if (result.success) return done();
    const error = new RequestValidationError(result.error.issues);
    done(Object.assign(error, { validationContext: 'querystring' }));
  };
}

const ensureBodyIdMatchesUrl: preHandlerHookHandler = (request, _reply, done) => {
  const bodyId = (request.body as { data?: { id?: unknown } } | undefined)?.data?.id;
  if (bodyId === undefined) return done();
  const urlId = resourceIdOf(request);
  if (urlId === undefined || bodyId === urlId.sent || bodyId === urlId.resolved) return done();
  done(
    new AppError('conflict', 'id_mismatch', 'The id in the body does not match the resource in the URL.', {
      source: { pointer: '/data/id' },
    }),
  );
};

function resourceIdOf(request: FastifyRequest): { sent: string; resolved: string | undefined } | undefined {
  const own = request.routeOptions.config.resourceId;
  if (own) {
    const id = own(request);
    // A URL naming its resource by a word (`/sessions/current`) takes that word as the body's id too.
    const word = request.routeOptions.url?.split('/').at(-1);
    if (id === undefined) return undefined;
    return { sent: word && !word.startsWith(':') ? word : id, resolved: id };
  }
  const params = (request.params ?? {}) as Record<string, string | undefined>;
  if (params.id !== undefined) {
    return { sent: params.id, resolved: params.id === 'me' ? request.actor?.userId : params.id };
  }
  if (params.key !== undefined) return { sent: params.key, resolved: params.key };
  return undefined;
}

/** `/api/users/:id/avatar` → a pattern matching `/api/users/123/avatar` (and a trailing slash). */
function routePattern(url: string): RegExp {
  const source = url
    .split('/')
    .map((segment) =>
      segment.startsWith(':')
        ? '[^/]+'
        : segment === '*'
          ? '.*'
          : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}/?$`);
}

const patterns = new WeakMap<
  readonly { method: string; url: string }[],
  { method: string; pattern: RegExp }[]
>();

/**
 * The methods the API answers at this path (for 405 and its `Allow` header, RFC 9110 §15.5.6),
 * in the order the routes were registered, HEAD after GET; empty when no route has this path.
 */
export function allowedMethods(routes: readonly { method: string; url: string }[], path: string): string[] {
  let compiled = patterns.get(routes);
  if (!compiled || compiled.length !== routes.length) {
    compiled = routes.map(({ method, url }) => ({ method, pattern: routePattern(url) }));
    patterns.set(routes, compiled);
  }
  const methods = new Set<string>();
  for (const { method, pattern } of compiled) {
    if (!pattern.test(path)) continue;
    methods.add(method);
    if (method === 'GET') methods.add('HEAD');
  }
  return [...methods];
}
