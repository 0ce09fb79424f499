import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import { createAuthenticators } from './features/auth/authenticate';
import { registerFeatures } from './features/index';
import type { Deps } from './platform/deps';
import { authentication, isApiCall } from './platform/http/authentication';
import { registerErrorHandler } from './platform/http/error-handler';
import { AppError } from './platform/http/errors';
import { jsonApiContentNegotiation } from './platform/http/jsonapi/content-negotiation';
import { loggerOptions } from './platform/http/logging';
import { securityHeaders } from './platform/http/security-headers';
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
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            ...loggerOptions(config.logLevel),
            ...(typeof options.logger === 'object' ? options.logger : {}),
          },
    trustProxy: config.trustProxy === false ? false : config.trustProxy,
    bodyLimit: MAX_JSON_BODY,
    // Strict input (DESIGN.md §4): no coercion, no dropped properties, no prototype pollution.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: true } },
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
  });
  const deps: Deps = { ...options, log: app.log };

  // 1. Validation and serialization: zod schemas, parsed values only.
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // 2. Bodies: JSON and JSON:API only; text/plain is never parsed.
  app.removeContentTypeParser('text/plain');
  await app.register(jsonApiContentNegotiation);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD, files: 1, fields: 5, parts: 6 } });
  // 3. Errors: one handler, JSON:API error documents, generic 5xx.
  registerErrorHandler(app);
  // 4. Security headers: helmet's for documents, a short strict set (with no-store) for API answers.
  await app.register(securityHeaders, {
    isApiCall,
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
  // 5. Request budget per IP, before any work is spent on the caller (in memory, per process).
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    // The per-IP budget's headers only once it is spent (429); integrators get their key's below.
    addHeadersOnExceeding: {
      'x-ratelimit-limit': false,
      'x-ratelimit-remaining': false,
      'x-ratelimit-reset': false,
    },
  });
  app.addHook(
    'onRequest',
    app.rateLimit({
      timeWindow: 60_000,
      max: config.rateLimitPerMinute,
      keyGenerator: (request) => `ip:${request.ip}`,
      allowList: (request) => !isApiCall(request.url),
    }),
  );
  // 6. Who is calling and may they (deny by default), then the budget of each API key.
  await app.register(authentication, { config, authenticators: createAuthenticators(deps) });
  // Not app.rateLimit(): its handlers share one "already ran" flag per request, so the per-IP
  // handler above would switch this one off.
  const keyBudget = app.createRateLimit({
    timeWindow: 60_000,
    max: config.apiKeyRateLimitPerMinute,
    keyGenerator: (request) =>
      request.actor?.via.kind === 'api_key' ? `key:${request.actor.via.apiKeyId}` : '',
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.actor?.via.kind !== 'api_key') return;
    const budget = await keyBudget(request);
    if (budget.isAllowed) return;
    reply.header('x-ratelimit-limit', budget.max);
    reply.header('x-ratelimit-remaining', budget.remaining);
    reply.header('x-ratelimit-reset', budget.ttlInSeconds);
    if (budget.isExceeded) {
      throw new AppError(
        'rate_limited',
        'rate_limited',
        'Too many requests with this API key. Try again later.',
        {
          headers: { 'retry-after': String(budget.ttlInSeconds) },
        },
      );
    }
  });
  // 7. The API description and its sandbox.
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Atrium API',
        version: '1',
        description:
          'JSON:API 1.1. Authenticate with `Authorization: Bearer <API key>` (My User → General Information → API Key → Generate Key).',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An Atrium API key (atr_…)' },
          session: { type: 'apiKey', in: 'cookie', name: 'atrium_session' },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
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

  // 8. The product: health, then every feature (features/index.ts is the table of contents).
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
  await app.register(async (api) => registerFeatures(api, deps), { prefix: '/api' });

  // 9. The web app for everything else.
  if (options.webDist !== false) {
    const { registerSpa } = await import('./platform/http/spa');
    await registerSpa(app, { distDir: options.webDist ?? path.resolve('dist/web') });
  }
  return app;
}
