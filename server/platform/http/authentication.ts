import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config';
import { safeEqual } from '../secrets';
import type { Access, Actor } from './access';
import { AppError, bearerChallenge, forbidden, unauthenticated } from './errors';

/** Turns a credential into an actor, or `undefined` when it is not valid (for whatever reason). */
export type Authenticators = {
  session(token: string, request: FastifyRequest): Promise<Actor | undefined>;
  apiKey(key: string, request: FastifyRequest): Promise<Actor | undefined>;
  /**
   * Whether a query parameter's value looks like an API key, whatever its name: refused, keys
   * travel only in the Authorization header. The key's format is the api-keys feature's.
   */
  looksLikeApiKey(value: string): boolean;
};

/**
 * A business rule every signed-in call to a non-public route passes once the caller is known and
 * before their permission is checked (e.g. a password that must be changed first, the passwords
 * feature's): throws an AppError to refuse, given the actor and the route's config.
 */
export type RequestGate = (actor: Actor, route: FastifyContextConfig) => void;

export type ApiRoute = { method: string; url: string; access: Access };

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with its declared access: what the route-walk test checks. */
    apiRoutes: readonly ApiRoute[];
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Query parameters that would carry a credential: refused, keys travel only in Authorization. */
const CREDENTIAL_PARAMS = new Set(['api_key', 'apikey', 'api-key', 'access_token', 'key', 'session']);

export function sessionCookieName(config: Pick<Config, 'secureCookies'>): string {
  return config.secureCookies ? '__Host-atrium_session' : 'atrium_session';
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(sessionCookieName(config), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(sessionCookieName(config), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
  });
}

/** The JSON:API routes: everything under /api/ but the sandbox under /api/doc. */
export function isApiCall(url: string): boolean {
  return url.startsWith('/api/') && !url.startsWith('/api/doc');
}

/**
 * Authentication, CSRF and access control for every /api route, in one onRequest hook:
 * 1. a credential in the query string → 401; 2. `Authorization: Bearer` → API key, else the session
 * cookie; 3. unsafe cookie requests need a same-origin Origin and the session's X-CSRF-Token;
 * 4. the features' gates (`RequestGate`), then the route's declared access (deny by default: a
 * route without one cannot be registered).
 */
export const authentication = fp<{
  config: Config;
  authenticators: Authenticators;
  gates: readonly RequestGate[];
}>(
  async (app: FastifyInstance, { config, authenticators, gates }) => {
    const cookieName = sessionCookieName(config);
    const publicOrigin = new URL(config.publicUrl).origin;

    app.decorateRequest('actor', undefined);

    const catalog: ApiRoute[] = [];
    app.decorate('apiRoutes', catalog);
    app.addHook('onRoute', (route) => {
      if (!isApiCall(route.url)) return;
      const access = route.config?.access;
      if (access === undefined) {
        throw new Error(`${String(route.method)} ${route.url} declares no access (config.access)`);
      }
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') catalog.push({ method, url: route.url, access });
      }
    });

    app.addHook('onRequest', async (request, reply) => {
      if (!isApiCall(request.url)) return;
      const access = request.routeOptions.config.access;
      if (access === undefined) return; // not a route: the not-found handler answers

      for (const [name, value] of Object.entries(request.query as Record<string, unknown>)) {
        const values = Array.isArray(value) ? value : [value];
        if (
          CREDENTIAL_PARAMS.has(name.toLowerCase()) ||
          values.some((v) => typeof v === 'string' && authenticators.looksLikeApiKey(v))
        ) {
          throw new AppError(
            'unauthenticated',
            'credential_in_url',
            'Send API keys only in the Authorization header.',
            {
              source: { parameter: name },
            },
          );
        }
      }

      const authorization = request.headers.authorization;
      if (authorization !== undefined) {
        // RFC 6750 §2.1: "Bearer", one or more spaces, one token; the scheme in any case (RFC 7235 §2.1).
        const key = /^Bearer +([^\s]+)$/i.exec(authorization)?.[1];
        if (key === undefined) throw authorizationHeaderInvalid(authorization);
        request.actor = await authenticators.apiKey(key, request);
        if (!request.actor) {
          throw unauthenticated('The API key is not valid.', {
            source: { header: 'Authorization' },
            headers: { 'www-authenticate': bearerChallenge('invalid_token') },
          });
        }
      } else {
        const token = request.cookies[cookieName];
        if (token) {
          request.actor = await authenticators.session(token, request);
          if (!request.actor) clearSessionCookie(reply, config);
        }
        if (!SAFE_METHODS.has(request.method)) {
          checkOrigin(request, publicOrigin);
          // Public routes (sign-in, recovery) act on no session: the Origin check covers them.
          const via = request.actor?.via;
          if (via?.kind === 'session' && access !== 'public') {
            const sent = request.headers['x-csrf-token'];
            if (typeof sent !== 'string' || !safeEqual(sent, via.csrfToken)) {
              throw new AppError(
                'forbidden',
                'csrf_token_invalid',
                'The request is missing a valid X-CSRF-Token header.',
                {
                  source: { header: 'X-CSRF-Token' },
                },
              );
            }
          }
        }
      }

      if (access === 'public') return;
      const actor = request.actor;
      if (!actor) throw unauthenticated();
      for (const gate of gates) gate(actor, request.routeOptions.config);
      if (access !== 'authenticated' && !actor.permissions.has(access)) throw forbidden();
    });
  },
  { name: 'atrium-authentication', dependencies: ['@fastify/cookie'] },
);

/**
 * An Authorization header that is not `Bearer <API key>`: another scheme (Basic, Token …) or a
 * malformed Bearer credential (RFC 6750 §2.1: one token after the scheme), refused with a 401 that
 * names the header and says what form it takes. (RFC 6750 §3.1 suggests 400 for a malformed
 * request; every refusal of a credential here is 401, so a client has one status to handle.)
 */
function authorizationHeaderInvalid(authorization: string): AppError {
  const bearer = /^Bearer(\s|$)/i.test(authorization);
  return new AppError(
    'unauthenticated',
    'authorization_header_invalid',
    'Send an API key as "Authorization: Bearer <key>": no other form of this header is accepted.',
    {
      source: { header: 'Authorization' },
      headers: { 'www-authenticate': bearerChallenge(bearer ? 'invalid_request' : undefined) },
    },
  );
}

/** Refuses cross-site state changes made with a browser's cookies (sign-in included). */
function checkOrigin(request: FastifyRequest, publicOrigin: string): void {
  if (request.headers['sec-fetch-site'] === 'cross-site') {
    throw new AppError('forbidden', 'cross_site_request', 'Cross-site requests are not allowed.');
  }
  const origin = request.headers.origin;
  if (origin === undefined) return;
  const ownOrigin = `${request.protocol}://${request.host}`;
  if (origin !== publicOrigin && origin !== ownOrigin) {
    throw new AppError('forbidden', 'cross_site_request', 'Cross-site requests are not allowed.', {
      source: { header: 'Origin' },
    });
  }
}
