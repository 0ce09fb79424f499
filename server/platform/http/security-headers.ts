import type { IncomingMessage, ServerResponse } from 'node:http';
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
export function apiHeaders(strictTransportSecurity: boolean): Record<string, string> {
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
 * The headers helmet's middleware sets for these options. They depend on nothing in the request
 * (no nonces, no functions among the directives), so helmet runs once, against a response that
 * only records what is set, and every request gets the result.
 */
function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let isDone = false;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
    isDone = true;
  });
  if (!isDone) throw new Error('helmet did not finish synchronously');
  return headers;
}

/**
 * The security headers of every response. Documents and files (the SPA, the API sandbox) get
 * helmet's full set (CSP, nosniff, Referrer-Policy, COOP/CORP, HSTS behind https…); API answers
 * the short set above. Both are computed once (@fastify/helmet runs helmet's middleware, parsing
 * the CSP directives, on every request) and set by one synchronous hook. Routes may still
 * override a header on their reply (the API sandbox sets its own CSP, the password reset page its
 * Referrer-Policy, avatars their CSP and Cache-Control).
 */
export const securityHeaders = fp<SecurityHeadersOptions>(
  async (app: FastifyInstance, options) => {
    const forDocuments = helmetHeaders(options.documents);
    const forApi = apiHeaders(options.strictTransportSecurity);
    app.addHook('onRequest', (request, reply, done) => {
      reply.headers(options.isApiCall(request.url) ? forApi : forDocuments);
      done();
    });
  },
  { name: 'atrium-security-headers' },
);
