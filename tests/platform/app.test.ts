import { type AddressInfo, connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/platform/config';
import { createTestApp, JSONAPI, type TestApp } from '../helpers/app';

describe('the platform', () => {
  let t: TestApp;
  /** Another app on the test app's database, its log lines (JSON text) gathered in `lines`. */
  async function appLoggingAt(level: 'error' | 'info') {
    const { buildApp } = await import('../../server/app');
    const lines: string[] = [];
    const app = await buildApp({
      ...t.deps,
      webDist: false,
      logger: { level, stream: { write: (line: string) => lines.push(line) } },
    });
    return { app, lines };
  }
  beforeAll(async () => {
    t = await createTestApp();
    // A route that fails unexpectedly, to prove 5xx answers never leak their message.
    t.app.log.level = 'silent';
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers /healthz and /readyz', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
  });

  it('answers an unknown /api path with a JSON:API 404 document', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain(JSONAPI);
    expect(response.json().errors[0]).toMatchObject({ status: '404', code: 'route_not_found' });
  });

  it('sends the security headers and no-store on /api', async () => {
    for (const url of ['/api/sessions', '/api/no-such-thing', '/api/userprofile?fields[users]=nope']) {
      const response = await t.app.inject({ method: 'GET', url });
      // An API answer is JSON, never a document: its CSP allows nothing at all.
      expect(response.headers['content-security-policy'], url).toBe(
        "default-src 'none'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'",
      );
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      // Plain http here: no HSTS (behind https: tests/platform/security.test.ts).
      expect(response.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('sends helmet’s full set on documents and the sandbox', async () => {
    for (const url of ['/healthz', '/api/doc/openapi.json']) {
      const response = await t.app.inject({ method: 'GET', url });
      const csp = String(response.headers['content-security-policy']);
      for (const directive of ["base-uri 'none'", "frame-ancestors 'none'", "object-src 'none'"]) {
        expect(csp, url).toContain(directive);
      }
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(response.headers['referrer-policy']).toBe('same-origin');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    }
  });

  it('refuses oversized bodies, prototype pollution and text/plain', async () => {
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/sessions',
      headers: { 'content-type': JSONAPI },
      payload: JSON.stringify({
        data: { type: 'sessions', attributes: { login: 'x'.repeat(300_000), password: 'y' } },
      }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().errors[0].code).toBe('body_too_large');
    const proto = await t.app.inject({
      method: 'POST',
      url: '/api/sessions',
      headers: { 'content-type': JSONAPI },
      payload:
        '{"data":{"type":"sessions","attributes":{"login":"a","password":"b","__proto__":{"isAdmin":true}}}}',
    });
    expect(proto.statusCode).toBe(400);
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/sessions',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(text.statusCode).toBe(415);
  });

  it('does not coerce types', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/sessions',
      headers: { 'content-type': JSONAPI },
      payload: { data: { type: 'sessions', attributes: { login: ['admin'], password: true } } },
    });
    expect(response.statusCode).toBe(400);
    const pointers = response.json().errors.map((e: { source: { pointer: string } }) => e.source.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/data/attributes/login', '/data/attributes/password']));
  });

  it('hides the message of a server error and logs it instead', async () => {
    const { app, lines } = await appLoggingAt('error');
    app.get('/boom', async () => {
      throw new Error('secret database detail');
    });
    const response = await app.inject({ method: 'GET', url: '/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('secret database detail');
    expect(response.json().errors[0].code).toBe('internal_error');
    expect(lines.join('\n')).toContain('secret database detail');
    await app.close();
  });

  it('serves the OpenAPI description and the sandbox', async () => {
    const spec = await t.app.inject({ method: 'GET', url: '/api/doc/openapi.json' });
    expect(spec.statusCode).toBe(200);
    const document = spec.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(document.paths['/api/sessions']).toBeDefined();
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    const ui = await t.app.inject({ method: 'GET', url: '/api/doc/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });

  it('redacts credentials from the request log', async () => {
    const { app, lines } = await appLoggingAt('info');
    await app.inject({
      method: 'GET',
      url: '/api/sessions?token=abc-secret-value',
      headers: { authorization: 'Bearer atr_not-a-real-key', cookie: 'atrium_session=session-secret' },
    });
    const log = lines.join('\n');
    expect(log).toContain('"url":"/api/sessions?…"');
    expect(log).not.toContain('abc-secret-value');
    expect(log).not.toContain('atr_not-a-real-key');
    expect(log).not.toContain('session-secret');
    await app.close();
  });

  it('writes a line for what is refused before any route runs: a malformed URL, a long path, huge headers', async () => {
    const { app, lines } = await appLoggingAt('info');
    const malformed = await app.inject({ method: 'GET', url: '/api/users/%zz?token=abc-secret-value' });
    expect(malformed.statusCode).toBe(400);
    const tooLong = await app.inject({ method: 'GET', url: `/api/users/${'x'.repeat(2_000)}` });
    expect(tooLong.statusCode).toBe(414);
    // A token page's path that no route matched keeps only the page's name.
    const feed = await app.inject({ method: 'GET', url: '/calendar-feeds/QuietLanternToken42%zz.ics' });
    expect(feed.statusCode).toBe(400);
    const doubled = await app.inject({ method: 'GET', url: '//Calendar-Answers/QuietLanternToken42' });
    expect(doubled.statusCode).toBe(404);
    // Headers over Node's limit never reach Fastify: a real socket, not inject.
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () =>
        socket.write(`GET /api/userprofile HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`),
      );
      let received = '';
      socket.on('data', (chunk) => {
        received += chunk.toString();
      });
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    await app.close();
    const entries = lines.map((line) => JSON.parse(line));
    const answered = entries.filter((entry) => entry.msg === 'request completed');
    expect(answered.map((entry) => [entry.req.url, entry.res.statusCode])).toEqual([
      ['/api/users/%zz?…', 400],
      [`/api/users/${'x'.repeat(2_000)}`, 414],
      ['/calendar-feeds/…', 400],
      ['//Calendar-Answers/…', 404],
    ]);
    expect(entries.find((entry) => entry.msg === 'request refused')).toMatchObject({
      level: 30,
      req: { remoteAddress: '127.0.0.1' },
      res: { statusCode: 431 },
      code: 'headers_too_large',
    });
    expect(lines.join('')).not.toContain('abc-secret-value');
    expect(lines.join('')).not.toContain('QuietLanternToken42');
  });
});

describe('configuration', () => {
  it('has working embedded defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.database.kind).toBe('sqlite');
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.smtpUrl).toBeUndefined();
    expect(config.admin.password).toBeUndefined();
  });

  it('reads PostgreSQL and SMTP from the environment', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@db/atrium',
      SMTP_URL: 'smtps://u:p@mail:465',
      PUBLIC_URL: 'https://crm.example.com/',
    });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@db/atrium' });
    expect(config.publicUrl).toBe('https://crm.example.com');
    expect(config.secureCookies).toBe(true);
  });

  it('lists every problem in one clear error', () => {
    expect(() =>
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', ADMIN_PASSWORD: 'short' }),
    ).toThrowError(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      expect(String((error as Error).message)).toMatch(/PORT[\s\S]*DATABASE_URL/);
    }
  });
});
