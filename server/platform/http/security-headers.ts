import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The security headers of every response (CSP, nosniff, Referrer-Policy, COOP/CORP, HSTS behind
 * https…), by helmet. @fastify/helmet builds helmet's middleware anew on every request — parsing
 * the CSP directives each time, a tenth of a cheap request's CPU — so the middleware is built once
 * here and run as an onRequest hook. Routes may still override a header on their reply (the API
 * sandbox sets its own CSP, the password reset page its Referrer-Policy).
 */
export const securityHeaders = fp<HelmetOptions>(
  async (app: FastifyInstance, options) => {
    const middleware = helmet(options);
    app.addHook('onRequest', (request, reply, done) => {
      middleware(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
    });
  },
  { name: 'atrium-security-headers' },
);
