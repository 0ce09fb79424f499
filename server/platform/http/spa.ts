import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { paths } from '../../../common/paths';

/**
 * Serves the built web app (`npm run build` → `dist/web`) from the API's own process.
 *
 * `registerSpa` adds one catch-all `GET|HEAD /*` route (hidden from OpenAPI). Fastify prefers
 * every more specific route (`/api/...`, `/healthz`), so the catch-all only sees the rest:
 * - a file of the build: hashed files under `/assets/` with `Cache-Control: public,
 *   max-age=31536000, immutable`, any other file (favicon …) with `no-cache`; the brotli or gzip
 *   copy the build wrote beside it when the request's Accept-Encoding allows (`Vary:
 *   Accept-Encoding` either way);
 * - any other path of a request that accepts HTML (a browser navigation to a client route):
 *   `index.html`, status 200, `Cache-Control: no-cache` — and for the password reset page
 *   `Referrer-Policy: no-referrer` and `Cache-Control: no-store`, as its URL fragment carries a
 *   reset token;
 * - `/` itself: `index.html` to any client, whatever it accepts;
 * - everything else — any path under `/api`, a missing `/assets/` file, a request that does not
 *   accept HTML (`fetch`, curl) — goes to the app's not-found handler (`reply.callNotFound()`),
 *   which answers the JSON:API 404. This module sets no not-found handler of its own.
 *
 * So the app's not-found handler needs nothing from this module. Should it ever want to answer a
 * request with the web app itself, it can delegate:
 *
 * ```ts
 * app.setNotFoundHandler((request, reply) => {
 *   if (isSpaNavigation(request)) return sendSpaIndex(reply);
 *   return sendJsonApi404(reply);
 * });
 * ```
 *
 * When the dist directory has no `index.html`, a warning is logged at start and browsers get a
 * short page saying the web app is not built (503), while the API keeps working.
 */
export type SpaOptions = {
  /** The Vite build output, e.g. `path.resolve('dist/web')`. */
  distDir: string;
};

const IMMUTABLE = 'public, max-age=31536000, immutable';

declare module 'fastify' {
  interface FastifyReply {
    /** Answers with the web app's `index.html`; see `sendSpaIndex`. */
    sendSpaIndex(): FastifyReply | Promise<FastifyReply>;
  }
}

export async function registerSpa(app: FastifyInstance, options: SpaOptions): Promise<void> {
  const distDir = path.resolve(options.distDir);
  const indexFile = path.join(distDir, 'index.html');
  if (!existsSync(indexFile)) {
    app.log.warn(
      `The web app is not built: ${indexFile} does not exist. Run \`npm run build\`; until then the API works and browsers see a "not built" page.`,
    );
  }

  app.decorateReply('sendSpaIndex', function (this: FastifyReply) {
    return sendIndex(this, indexFile);
  });

  // Encapsulated, so @fastify/static's `reply.sendFile` stays private to these routes and does not
  // collide with another registration of the plugin (Swagger UI has one).
  await app.register(async (spa) => {
    await spa.register(fastifyStatic, {
      root: distDir,
      serve: false,
      // Cache-Control is set per file below; dotfiles are never served.
      cacheControl: false,
      // The build writes .br and .gz beside each text file (vite.config.ts): the one the
      // browser accepts is sent, with Content-Encoding and Vary: Accept-Encoding.
      preCompressed: true,
      dotfiles: 'deny',
      index: false,
      suppressWarning: true,
    });

    spa.route({
      method: ['GET', 'HEAD'],
      url: '/*',
      schema: { hide: true },
      handler: async (request, reply) => {
        const pathname = decodedPathname(request.url);
        if (pathname === undefined || isApiPath(pathname)) return reply.callNotFound();

        const file = await findBuildFile(distDir, pathname);
        if (file) {
          reply.header('cache-control', file.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
          return reply.sendFile(file);
        }
        // A missing script or stylesheet must fail as one, not as a page of HTML.
        // The root is the app for any client (curl, a link checker, a health probe), HTML or not.
        if (pathname.startsWith('/assets/') || (!acceptsHtml(request) && pathname !== '/')) {
          return reply.callNotFound();
        }
        return sendIndex(reply, indexFile);
      },
    });
  });
}

/**
 * Answers with the web app's `index.html` (its shell; the client router draws the page), with the
 * cache and referrer headers for the requested path. Needs `registerSpa` to have run on the app.
 */
export function sendSpaIndex(reply: FastifyReply): FastifyReply | Promise<FastifyReply> {
  if (typeof reply.sendSpaIndex !== 'function') {
    throw new Error('sendSpaIndex needs registerSpa(app, { distDir }) to be called first');
  }
  return reply.sendSpaIndex();
}

/**
 * True for a request the web app should answer: a GET or HEAD, outside `/api`, from a client that
 * accepts HTML (a browser navigating to a client route).
 */
export function isSpaNavigation(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const pathname = decodedPathname(request.url);
  return pathname !== undefined && !isApiPath(pathname) && acceptsHtml(request);
}

async function sendIndex(reply: FastifyReply, indexFile: string): Promise<FastifyReply> {
  let html: Buffer;
  try {
    html = await readFile(indexFile);
  } catch {
    return reply
      .status(503)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(NOT_BUILT_PAGE);
  }
  reply.type('text/html; charset=utf-8');
  const pathname = decodedPathname(reply.request.url) ?? '/';
  if (pathname.replace(/\/+$/, '') === paths.passwordReset) {
    // The reset token travels in this page's URL fragment: keep the page out of every cache and
    // never name it in a Referer.
    return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').send(html);
  }
  const etag = `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`;
  reply.header('cache-control', 'no-cache').header('etag', etag);
  if (matchesEtag(reply.request.headers['if-none-match'], etag)) return reply.status(304).send();
  return reply.send(html);
}

/** The path of a file of the build for this URL path, or undefined (dotfiles, directories, index.html). */
async function findBuildFile(distDir: string, pathname: string): Promise<string | undefined> {
  const segments = pathname.split('/').filter(Boolean);
  if (
    segments.length === 0 ||
    segments.some((segment) => segment.startsWith('.') || segment.includes('\\'))
  ) {
    return undefined;
  }
  const relative = segments.join('/');
  if (relative === 'index.html') return undefined;
  const absolute = path.resolve(distDir, relative);
  if (!absolute.startsWith(distDir + path.sep)) return undefined;
  try {
    return (await stat(absolute)).isFile() ? `/${relative}` : undefined;
  } catch {
    return undefined;
  }
}

function decodedPathname(url: string): string | undefined {
  const raw = url.split(/[?#]/, 1)[0] ?? '/';
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

function isApiPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/');
}

/** Whether the Accept header names HTML with a non-zero quality (browser navigations do; fetch does not). */
function acceptsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  if (!accept) return false;
  return accept.split(',').some((range) => {
    const [type, ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    if (type !== 'text/html' && type !== 'application/xhtml+xml') return false;
    const quality = params.find((param) => param.startsWith('q='));
    return quality === undefined || Number(quality.slice(2)) > 0;
  });
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const value = candidate.trim();
    return value === '*' || value === etag || value === `W/${etag}`;
  });
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Atrium: web app not built</title></head>
<body>
<h1>The Atrium web app is not built</h1>
<p>The API is running, but the browser app has not been built yet. Run <code>npm run build</code>, then reload this page.</p>
</body>
</html>
`;
