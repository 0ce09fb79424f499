import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { createAuthenticators } from './features/auth/authenticate';
import { calendarPublicRoutes } from './features/calendar/public-routes';
import { registerFeatures } from './features/index';
import { passwordChangeGate } from './features/passwords/gate';
import type { Clock } from './platform/clock';
import type { Config } from './platform/config';
import type { Deps } from './platform/deps';
import { authentication, isApiCall } from './platform/http/authentication';
import { answerClientError, answerFrameworkError, registerErrorHandler } from './platform/http/error-handler';
import { inputText } from './platform/http/input-text';
import { JSONAPI_MEDIA_TYPE } from './platform/http/jsonapi';
import { isJsonApiPath, jsonApiContentNegotiation } from './platform/http/jsonapi/content-negotiation';
import { lazyChildLogger, loggerOptions, OneLinePerRequest } from './platform/http/logging';
import { jsonSerializerCompiler, openApiDocumentOptions } from './platform/http/openapi/index';
import {
  announceBudget,
  budgetExceeded,
  isCostlyListRequest,
  RequestBudget,
} from './platform/http/request-budget';
import { routeRules } from './platform/http/route-rules';
import { apiHeaders, securityHeaders } from './platform/http/security-headers';
import { zodValidatorCompiler } from './platform/http/validation';

export type AppOptions = Omit<Deps, 'log'> & {
  /** Where the built SPA lives; `false` to serve no web app (API-only tests). */
  webDist?: string | false;
  /** Pino options or `false` for no logging (tests). */
  logger?: boolean | object;
};

const MAX_JSON_BODY = 256 * 1024;

const MAX_UPLOAD = 5 * 1024 * 1024;

/**
 * Builds the Fastify instance. The order below is the boot sequence: platform plugins first
 * (each later one relies on the earlier), then the app's features.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const logController = new OneLinePerRequest();
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            ...loggerOptions(config.logLevel),
            ...(typeof options.logger === 'object' ? options.logger : {}),
          },
    logController,
    childLoggerFactory: lazyChildLogger,
    trustProxy: config.trustProxy === false ? false : config.trustProxy,
    bodyLimit: MAX_JSON_BODY,
    // Strict input (DESIGN.md §4): no coercion, no dropped properties, no prototype pollution.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: true } },
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    // Path parameters are checked by the routes' schemas (ids: at most 64 characters), which say
    // which parameter is wrong; beyond this length the URL itself is refused (414).
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 1024 },
    // What Fastify and Node refuse before any hook runs answers JSON:API with the API's headers too.
    // Neither reaches Fastify's request logging: each writes its request's line itself.
    frameworkErrors: answerFrameworkError(apiHeaders(config.secureCookies), (request, reply) =>
      logController.requestCompleted(null, request, reply),
    ),
    clientErrorHandler: answerClientError(apiHeaders(config.secureCookies), (refused) =>
      logController.requestRefused(app.log, refused),
    ),
  });
  const deps: Deps = { ...options, log: app.log };

  // 1. Validation and serialization: zod schemas, parsed values only.
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(jsonSerializerCompiler);
  // 2. Security headers: helmet's for documents, a short strict set (with no-store) for API answers;
  //    first of the hooks, so that every answer has them, also a refusal by a later hook.
  await registerSecurityHeaders(app, config);
  // 3. Bodies: JSON and JSON:API only; text/plain is never parsed.
  app.removeContentTypeParser('text/plain');
  await app.register(jsonApiContentNegotiation);
  // Text at the edge: well-formed UTF-8 bodies, no lone surrogate or NUL in any string of a body,
  // a path or a query; then one rule for every route's query string and PATCH body id.
  await app.register(inputText, {
    mediaTypes: ['application/json', JSONAPI_MEDIA_TYPE],
    isApiCall: isJsonApiPath,
  });
  await app.register(routeRules, { isApiCall });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD, files: 1, fields: 5, parts: 6 } });
  // 4. Errors: one handler, JSON:API error documents, generic 5xx.
  registerErrorHandler(app);
  // 5. Request budget per IP, before any work is spent on the caller (in memory, per process).
  await app.register(cookie);
  addIpBudget(app, config, options.clock);
  // 6. Who is calling and may they (deny by default), then the budgets of each key and caller. The
  //    features bring the credentials (sessions, API keys) and the gates (a password that must
  //    change first).
  await app.register(authentication, {
    config,
    authenticators: createAuthenticators(deps),
    gates: [passwordChangeGate],
  });
  addCallerBudgets(app, config, options.clock);
  // 7. The API description (generated from the routes' schemas: platform/http/openapi) and its sandbox.
  await registerApiDescription(app, config);
  // 8. The product: health, then every feature (features/index.ts is the table of contents).
  registerHealthChecks(app, deps);
  await app.register(async (api) => registerFeatures(api, deps), { prefix: '/api' });
  // Pages whose credential is a token in the path, outside /api: calendar feeds and answer links.
  await app.register(async (pages) => calendarPublicRoutes(pages, deps));

  // 9. The web app for everything else.
  if (options.webDist !== false) {
    const { registerSpa } = await import('./platform/http/spa');
    await registerSpa(app, { distDir: options.webDist ?? path.resolve('dist/web') });
  }
  return app;
}

/** Helmet's headers for documents (a CSP as strict as the SPA allows), a short strict set for API answers. */
async function registerSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(securityHeaders, {
    isApiCall: isJsonApiPath,
    strictTransportSecurity: config.secureCookies,
    documents: {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Mantine and Swagger UI set inline styles.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: config.secureCookies ? [] : null,
        },
      },
      strictTransportSecurity: config.secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'same-origin' },
      crossOriginOpenerPolicy: { policy: 'same-origin' },
      crossOriginResourcePolicy: { policy: 'same-origin' },
    },
  });
}

/** The request budget per IP, before any work is spent on the caller (in memory, per process). */
function addIpBudget(app: FastifyInstance, config: Config, clock: Clock): void {
  const ipBudget = new RequestBudget(config.rateLimitPerMinute, 60_000, clock);
  app.addHook('onRequest', (request, _reply, done) => {
    if (!isApiCall(request.url)) return done();
    const state = ipBudget.spend(request.ip);
    // Announced only once spent (429): integrators watch their key's budget, below.
    done(state.isExceeded ? budgetExceeded(state, 'Too many requests. Try again later.') : undefined);
  });
}

/**
 * The budgets of a known caller: each API key's requests, and costly list work per key or user
 * (README "Lists at scale"), so one caller cannot keep the process busy for everyone else.
 */
function addCallerBudgets(app: FastifyInstance, config: Config, clock: Clock): void {
  const keyBudget = new RequestBudget(config.apiKeyRateLimitPerMinute, 60_000, clock);
  app.addHook('onRequest', (request, reply, done) => {
    const via = request.actor?.via;
    if (via?.kind !== 'api_key') return done();
    const state = keyBudget.spend(via.apiKeyId);
    announceBudget(reply, state);
    done(
      state.isExceeded
        ? budgetExceeded(state, 'Too many requests with this API key. Try again later.')
        : undefined,
    );
  });
  // Costly list work (README "Lists at scale") has a budget of its own per caller, so one key or
  // user cannot keep the process busy for everyone else within the request budgets above.
  const costlyBudget = new RequestBudget(config.costlyRequestsPerMinute, 60_000, clock);
  app.addHook('onRequest', (request, _reply, done) => {
    const actor = request.actor;
    if (!actor || !isCostlyListRequest(request.method, request.query, request.headers['x-include'])) {
      return done();
    }
    const caller =
      actor.via.kind === 'api_key'
        ? `key:${actor.via.apiKeyId}`
        : `user:${actor.userId}:${actor.organizationId}`;
    const state = costlyBudget.spend(caller);
    done(
      state.isExceeded
        ? budgetExceeded(
            state,
            'Too many costly list requests (substring filters, counts of filtered lists, numbered pages). Try again later, or page by cursor.',
          )
        : undefined,
    );
  });
}

/** The OpenAPI document (generated from the routes' schemas) and its sandbox under /api/doc. */
async function registerApiDescription(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(swagger, openApiDocumentOptions);
  await app.register(swaggerUi, {
    routePrefix: '/api/doc',
    // The sandbox's pages get their own CSP (it replaces helmet's), as strict as the app's. Swagger
    // UI's default allowed styles and fonts from any https: origin, base-uri and frame-ancestors
    // 'self', blocked the inline styles Swagger UI sets, and sent upgrade-insecure-requests, which
    // breaks "Try it out" on a plain-http server that is not localhost.
    staticCSP: [
      "default-src 'self'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "form-action 'self'",
      "script-src 'self'",
      "script-src-attr 'none'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self' data:",
      "connect-src 'self'",
      ...(config.secureCookies ? ['upgrade-insecure-requests'] : []),
    ].join('; '),
    // No badge from validator.swagger.io: the sandbox talks to this server only.
    uiConfig: { persistAuthorization: false, tryItOutEnabled: true, validatorUrl: null },
  });
  app.get('/api/doc/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

/** Liveness, and readiness: the database answers. */
function registerHealthChecks(app: FastifyInstance, deps: Deps): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await deps.db.selectFrom('organizations').select('id').limit(1).execute();
      return { status: 'ok' };
    } catch (error) {
      app.log.error({ err: error }, 'readiness check failed');
      return reply.status(503).send({ status: 'unavailable' });
    }
  });
}
