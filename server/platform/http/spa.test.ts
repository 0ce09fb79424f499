import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSpaNavigation, registerSpa, sendSpaIndex } from './spa';

const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/app-Ab12Cd34.js"></script></head></html>';

/** A script the build precompressed (vite.config.ts writes .br and .gz beside it). */
const BIG_JS = `export const words = ${JSON.stringify(Array.from({ length: 500 }, (_, i) => `word${i}`))};`;

let root: string;
let distDir: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'atrium-spa-'));
  distDir = path.join(root, 'dist');
  mkdirSync(path.join(distDir, 'assets'), { recursive: true });
  writeFileSync(path.join(distDir, 'index.html'), INDEX);
  writeFileSync(path.join(distDir, 'assets', 'app-Ab12Cd34.js'), 'console.log("atrium");');
  writeFileSync(path.join(distDir, 'assets', 'big-Ef56Gh78.js'), BIG_JS);
  writeFileSync(path.join(distDir, 'assets', 'big-Ef56Gh78.js.br'), brotliCompressSync(BIG_JS));
  writeFileSync(path.join(distDir, 'assets', 'big-Ef56Gh78.js.gz'), gzipSync(BIG_JS));
  writeFileSync(path.join(distDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(path.join(distDir, '.env'), 'SECRET=1');
  writeFileSync(path.join(root, 'outside.txt'), 'outside the dist dir');
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** A bare app shaped like server/app.ts: API routes, a JSON:API not-found handler, then the SPA. */
async function buildApp(dir: string, logLines?: string[]): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logLines ? { level: 'warn', stream: { write: (line: string) => logLines.push(line) } } : false,
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .type('application/vnd.api+json')
      .send({ errors: [{ status: '404', code: 'route_not_found', detail: `No route ${request.method}` }] }),
  );
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/api/ping', async () => ({ pong: true }));
  await registerSpa(app, { distDir: dir });
  await app.ready();
  return app;
}

describe('registerSpa', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(distDir);
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers the home page with index.html, revalidated on every visit', async () => {
    const response = await app.inject({ url: '/', headers: { accept: HTML } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers.etag).toMatch(/^".+"$/);
    expect(response.body).toBe(INDEX);
  });

  it('answers any client route with index.html (the SPA fallback)', async () => {
    for (const url of ['/my-user', '/my-user/edit?tab=password', '/index.html', '/no/such/page/']) {
      const response = await app.inject({ url, headers: { accept: HTML } });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toBe(INDEX);
    }
  });

  it('sends the precompressed copy the browser accepts, by Accept-Encoding, with Vary', async () => {
    const url = '/assets/big-Ef56Gh78.js';
    const brotli = await app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(brotli.statusCode).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(brotli.headers.vary).toMatch(/accept-encoding/i);
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(BIG_JS);
    expect(brotli.rawPayload.length).toBeLessThan(BIG_JS.length / 2);

    const gzip = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(BIG_JS);

    const plain = await app.inject({ url, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body).toBe(BIG_JS);

    // A file without copies (too small to be worth compressing) is sent as it is.
    const small = await app.inject({ url: '/assets/app-Ab12Cd34.js', headers: { 'accept-encoding': 'br' } });
    expect(small.statusCode).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body).toBe('console.log("atrium");');
  });

  it('answers HEAD like GET, without a body', async () => {
    const response = await app.inject({ method: 'HEAD', url: '/my-user', headers: { accept: HTML } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toBe('');
  });

  it('answers 304 when the browser already has this index.html', async () => {
    const first = await app.inject({ url: '/', headers: { accept: HTML } });
    const again = await app.inject({
      url: '/my-user',
      headers: { accept: HTML, 'if-none-match': String(first.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('serves hashed assets as immutable for a year', async () => {
    const response = await app.inject({ url: '/assets/app-Ab12Cd34.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.body).toBe('console.log("atrium");');
  });

  it('serves other files of the build, revalidated', async () => {
    const response = await app.inject({ url: '/favicon.svg' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('serves the password reset page uncached and without a referrer', async () => {
    for (const url of ['/password-reset', '/password-reset/', '/password-reset?x=1']) {
      const response = await app.inject({ url, headers: { accept: HTML } });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toBe(INDEX);
      expect(response.headers['cache-control'], url).toBe('no-store');
      expect(response.headers['referrer-policy'], url).toBe('no-referrer');
      expect(response.headers.etag, url).toBeUndefined();
    }
    const other = await app.inject({ url: '/my-user', headers: { accept: HTML } });
    expect(other.headers['referrer-policy']).toBeUndefined();
  });

  it('never answers /api paths: they reach the app not-found handler', async () => {
    for (const url of ['/api', '/api/', '/api/nothing', '/api/users/me/nothing', '/%61pi/nothing']) {
      const response = await app.inject({ url, headers: { accept: HTML } });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toMatch(/^application\/vnd\.api\+json/);
      expect(response.json().errors[0].code, url).toBe('route_not_found');
    }
  });

  it('leaves registered routes alone', async () => {
    expect((await app.inject({ url: '/api/ping', headers: { accept: HTML } })).json()).toEqual({
      pong: true,
    });
    expect((await app.inject({ url: '/healthz', headers: { accept: HTML } })).json()).toEqual({
      status: 'ok',
    });
  });

  it('sends a missing asset to the not-found handler, not index.html', async () => {
    const response = await app.inject({ url: '/assets/app-OldHash1.js', headers: { accept: HTML } });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/vnd\.api\+json/);
  });

  it('answers index.html only to clients that accept HTML', async () => {
    for (const accept of [
      undefined,
      '*/*',
      'application/json',
      'application/vnd.api+json',
      'text/html;q=0',
    ]) {
      const response = await app.inject({ url: '/my-user', headers: accept ? { accept } : {} });
      expect(response.statusCode, String(accept)).toBe(404);
    }
  });

  it('answers the root with the app to any client, whatever it accepts (curl sends */*)', async () => {
    for (const accept of [undefined, '*/*', 'application/json', 'text/plain']) {
      for (const url of ['/', '/?utm_source=x']) {
        const response = await app.inject({ url, headers: accept ? { accept } : {} });
        expect(response.statusCode, `${url} ${accept}`).toBe(200);
        expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(response.body).toBe(INDEX);
      }
    }
    const head = await app.inject({ method: 'HEAD', url: '/' });
    expect(head.statusCode).toBe(200);
  });

  it('answers only GET and HEAD', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH'] as const) {
      const response = await app.inject({ method, url: '/my-user', headers: { accept: HTML } });
      expect(response.statusCode, method).toBe(404);
      expect(response.headers['content-type'], method).toMatch(/^application\/vnd\.api\+json/);
    }
  });

  it('serves no dotfile and nothing outside the dist dir', async () => {
    for (const url of [
      '/.env',
      '/assets/../.env',
      '/%2e%2e/outside.txt',
      '/..%2foutside.txt',
      '/assets/%2e%2e/%2e%2e/outside.txt',
    ]) {
      const response = await app.inject({ url, headers: { accept: HTML } });
      expect(response.body, url).not.toContain('SECRET');
      expect(response.body, url).not.toContain('outside the dist dir');
    }
  });
});

describe('registerSpa and the not-found handler', () => {
  it('reaches a not-found handler set after registerSpa too', async () => {
    const app = Fastify({ logger: false });
    await registerSpa(app, { distDir });
    app.setNotFoundHandler((_request, reply) => reply.status(404).send({ late: true }));
    const response = await app.inject({ url: '/api/nothing', headers: { accept: HTML } });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ late: true });
    await app.close();
  });
});

describe('sendSpaIndex and isSpaNavigation', () => {
  it('let the app answer a request of its own with the web app', async () => {
    const app = Fastify({ logger: false });
    await registerSpa(app, { distDir });
    app.get('/api/custom', async (request, reply) => {
      expect(isSpaNavigation(request)).toBe(false);
      return sendSpaIndex(reply);
    });
    const response = await app.inject({ url: '/api/custom' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(INDEX);
    await app.close();
  });

  it('tell navigations from API and script requests', async () => {
    const app = Fastify({ logger: false });
    const seen: Record<string, boolean> = {};
    app.setNotFoundHandler((request, reply) => {
      seen[`${request.method} ${request.url} ${request.headers.accept ?? ''}`] = isSpaNavigation(request);
      return reply.status(404).send();
    });
    await app.ready();
    await app.inject({ url: '/my-user', headers: { accept: HTML } });
    await app.inject({ url: '/my-user', headers: { accept: 'application/json' } });
    await app.inject({ url: '/api/users', headers: { accept: HTML } });
    await app.inject({ method: 'POST', url: '/my-user', headers: { accept: HTML } });
    expect(Object.values(seen)).toEqual([true, false, false, false]);
    await app.close();
  });

  it('fails clearly when registerSpa was not called', async () => {
    const app = Fastify({ logger: false });
    app.get('/', async (_request, reply) => sendSpaIndex(reply));
    const response = await app.inject({ url: '/' });
    expect(response.statusCode).toBe(500);
    await app.close();
  });
});

describe('registerSpa without a build', () => {
  it('warns at start and tells browsers to run npm run build', async () => {
    const lines: string[] = [];
    const app = await buildApp(path.join(root, 'not-built'), lines);
    expect(lines.some((line) => line.includes('"level":40') && line.includes('npm run build'))).toBe(true);

    const page = await app.inject({ url: '/my-user', headers: { accept: HTML } });
    expect(page.statusCode).toBe(503);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('npm run build');

    const api = await app.inject({ url: '/api/ping' });
    expect(api.json()).toEqual({ pong: true });
    await app.close();
  });
});
