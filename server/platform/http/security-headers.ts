import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

export type SecurityHeadersOptions = {
  /** helmet's options for the web app's documents and files. */
  documents: HelmetOptions;
  /** Which requests are JSON:API calls (they get the short, stricter set below). */
  isApiCall(url: string): boolean;
  /** Behind https: Strict-Transport-Security on API answers too. */
  strictTransportSecurity: boolean;
};

/**
 * What an API answer needs (SECURITY.md "Headers", OWASP's REST cheat sheet): it is JSON, never a
 * document, so its CSP loads nothing at all and may not be framed; nosniff; no Referer; COOP and
 * CORP same-origin; no-store (a route may still set its own Cache-Control, e.g. avatars). helmet's
 * document-only headers (X-DNS-Prefetch-Control, X-Download-Options, X-XSS-Protection,
 * Origin-Agent-Cluster, X-Permitted-Cross-Domain-Policies, X-Frame-Options, which CSP's
 * frame-ancestors supersedes) are left out: every header is parsed, checked and written on every
 * call, and these protect nothing in a JSON answer.
 */
function apiHeaders(strictTransportSecurity: boolean): Record<string, string> {
  return {
    'content-security-policy':
      "default-src 'none'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
    ...(strictTransportSecurity
      ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' }
      : {}),
  };
}

/**
 * The security headers of every response. Documents and files (the SPA, the API sandbox) get
 * helmet's full set (CSP, nosniff, Referrer-Policy, COOP/CORP, HSTS behind https…); API answers
 * the short set above. @fastify/helmet builds helmet's middleware anew on every request — parsing
 * the CSP directives each time — so it is built once here and run as an onRequest hook. Routes may
 * still override a header on their reply (the API sandbox sets its own CSP, the password reset
 * page its Referrer-Policy, avatars their CSP and Cache-Control).
 */
export const securityHeaders = fp<SecurityHeadersOptions>(
  async (app: FastifyInstance, options) => {
    const middleware = helmet(options.documents);
    const forApi = apiHeaders(options.strictTransportSecurity);
    app.addHook('onRequest', (request, reply, done) => {
      if (options.isApiCall(request.url)) {
        reply.headers(forApi);
        done();
        return;
      }
      middleware(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
    });
  },
  { name: 'atrium-security-headers' },
);
