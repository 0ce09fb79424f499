import { type AddressInfo, connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, createTestApp, JSONAPI, signIn, type TestApp } from '../helpers/app';
import { type BuiltUser, buildAdmin, TEST_PASSWORD } from '../helpers/factories';
import { expectApiAnswer, expectErrorDocument, type RawResponse } from '../helpers/jsonapi-answers';

/**
 * The edge of the API (issue 12 items 8, 16, 17, 19, 20): whatever arrives — text that is not
 * Unicode, NUL, malformed bodies, URLs and multipart, unknown parameters, the wrong type, id or
 * method — is a 4xx JSON:API error document with the API's security headers, refused before any
 * route, store or driver sees it. Runs on SQLite and PostgreSQL.
 */

/** A request over a real socket, bytes as given (inject normalizes some of them away). */
function rawRequest(port: number, head: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [headText = '', body = ''] = text.split('\r\n\r\n', 2);
      const [statusLine = '', ...lines] = headText.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ statusCode: Number(statusLine.split(' ')[1]), headers, body });
    });
  });
}

describe('the edge of the API', () => {
  let t: TestApp;
  let admin: BuiltUser;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    admin = await buildAdmin(t);
    browser = await signIn(t.app, admin.username, TEST_PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  const organizationNames = async () =>
    (await t.deps.db.selectFrom('organizations').select('name').execute()).map((row) => row.name);

  describe('text that is not Unicode scalar values, or holds NUL (item 8)', () => {
    const badStrings = {
      nul: 'Acme\\u0000 Org',
      'lone high surrogate': 'Lone \\ud800 Org',
      'lone low surrogate': 'Lone \\udc00 Org',
      'reversed pair': 'x\\udc00\\ud800x',
    };

    it('is refused in every string of a JSON body, at any depth, as a member name too, with a pointer', async () => {
      const before = await organizationNames();
      for (const [label, text] of Object.entries(badStrings)) {
        for (const [json, pointer] of [
          [`{"data":{"type":"organizations","attributes":{"name":"${text}"}}}`, '/data/attributes/name'],
          [`{"data":{"type":"organizations","attributes":{"name":"Ok","${text}":1}}}`, '/data/attributes/'],
          [`{"data":{"type":"${text}","attributes":{"name":"Ok"}}}`, '/data/type'],
          [
            `{"data":{"type":"organizations","attributes":{"name":"Ok"}},"meta":[{"a":["${text}"]}]}`,
            '/meta/0/a/0',
          ],
        ] as const) {
          for (const contentType of [JSONAPI, 'application/json']) {
            const response = await browser.request({
              method: 'POST',
              url: '/api/organizations',
              headers: { 'content-type': contentType },
              payload: json,
            });
            const [error] = expectErrorDocument(response, 400, `${label} ${json}`);
            expect(error?.code).toBe('invalid_text');
            if (!pointer.endsWith('/')) expect(error?.source?.pointer).toBe(pointer);
            else expect(error?.source?.pointer?.startsWith('/data/attributes/')).toBe(true);
          }
        }
      }
      // Nothing was stored, altered or not (SQLite once stored U+FFFD for a lone surrogate).
      expect(await organizationNames()).toEqual(before);
    });

    it('is refused anonymously too, before sign-in looks anything up', async () => {
      for (const text of Object.values(badStrings)) {
        const response = await t.app.inject({
          method: 'POST',
          url: '/api/sessions',
          headers: { 'content-type': JSONAPI },
          payload: `{"data":{"type":"sessions","attributes":{"login":"${admin.username}${text}","password":"x"}}}`,
        });
        expect(expectErrorDocument(response, 400, text)[0]?.code).toBe('invalid_text');
      }
    });

    it('refuses a body that is not well-formed UTF-8 instead of replacing bytes by U+FFFD', async () => {
      const before = await organizationNames();
      for (const bytes of [[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80]]) {
        const payload = Buffer.concat([
          Buffer.from('{"data":{"type":"organizations","attributes":{"name":"Bad '),
          Buffer.from(bytes),
          Buffer.from('"}}}'),
        ]);
        const response = await browser.request({
          method: 'POST',
          url: '/api/organizations',
          headers: { 'content-type': JSONAPI },
          payload,
        });
        expect(expectErrorDocument(response, 400, String(bytes))[0]?.code).toBe('invalid_encoding');
      }
      expect(await organizationNames()).toEqual(before);
    });

    it('is refused in path parameters, for anonymous and signed-in callers, on every method', async () => {
      for (const segment of ['me%00', '%00', 'a%00b']) {
        for (const url of [
          `/api/users/${segment}`,
          `/api/users/${segment}/avatar`,
          `/api/organizations/${segment}`,
        ]) {
          const signedIn = await browser.request({ method: 'GET', url });
          const [error] = expectErrorDocument(signedIn, 400, url);
          expect(error).toMatchObject({ code: 'invalid_text', source: { parameter: 'id' } });
          const patch = await browser.request({ method: 'DELETE', url: `/api/custom-fields/${segment}` });
          expect(expectErrorDocument(patch, 400, url)[0]?.code).toBe('invalid_text');
        }
        const anonymous = await t.app.inject({ method: 'GET', url: `/api/users/${segment}` });
        expect(anonymous.statusCode).toBeGreaterThanOrEqual(400);
        expect(anonymous.statusCode).toBeLessThan(500);
        expectApiAnswer(anonymous);
      }
    });

    it('is refused in query parameter names and values, and in filters, with source.parameter', async () => {
      for (const [query, parameter] of [
        ['filter[username]=a%00', 'filter[username]'],
        ['filter[username][contains]=%ED%A0%80', 'filter[username][contains]'],
        ['sort=%00username', 'sort'],
        ['fil%00ter=1', 'fil\u0000ter'],
        ['filter[username]=%zz', 'filter[username]'],
        ['filter[username]=%C3', 'filter[username]'],
      ] as const) {
        const response = await browser.request({ method: 'GET', url: `/api/users?${query}` });
        const [error] = expectErrorDocument(response, 400, query);
        expect(error).toMatchObject({ code: 'invalid_text', source: { parameter } });
      }
    });

    it('accepts every valid scalar value: astral characters, combining marks, bidi controls are text', async () => {
      const name = `Zoë 😀 Org \u202Eevil\u202C ${'e\u0301'}`;
      const response = await browser.request({
        method: 'POST',
        url: '/api/organizations',
        payload: { data: { type: 'organizations', attributes: { name } } },
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json().data.attributes.name).toBe(name);
      expect(await organizationNames()).toContain(name);
    });
  });

  describe('malformed input anywhere is a 4xx (item 16)', () => {
    const avatar = (contentType: string, payload: string | Buffer) =>
      browser.request({
        method: 'PUT',
        url: '/api/users/me/avatar',
        headers: { 'content-type': contentType },
        payload,
      });

    it('refuses malformed multipart with 400, whatever is wrong with it', async () => {
      const file =
        '--abc\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n';
      for (const [contentType, payload, label] of [
        ['multipart/form-data', 'x', 'no boundary'],
        ['multipart/form-data; boundary=abc', 'x', 'no part'],
        ['multipart/form-data; boundary=abc', `${file}xxxx`, 'unterminated part'],
        ['multipart/form-data; boundary=abc', '--abc\r\nno header end', 'unterminated header'],
        [
          'multipart/form-data; boundary=abc',
          '--abc\r\nContent-Disposition: form-data\r\n\r\nx\r\n--abc--\r\n',
          'part without a name',
        ],
        ['multipart/form-data; boundary=', 'x', 'empty boundary'],
        ['multipart/form-data; boundary=abc', '', 'empty body'],
      ] as const) {
        const response = await avatar(contentType, payload);
        expectErrorDocument(response, 400, label);
      }
    });

    it('answers malformed JSON, wrong or missing content types, empty and huge bodies with a 4xx', async () => {
      const post = (headers: Record<string, string>, payload?: string | Buffer) =>
        browser.request({
          method: 'POST',
          url: '/api/organizations',
          headers,
          ...(payload === undefined ? {} : { payload }),
        });
      expect(expectErrorDocument(await post({ 'content-type': JSONAPI }, '{"data":'), 400)[0]?.code).toBe(
        'malformed_json',
      );
      expect(
        expectErrorDocument(await post({ 'content-type': JSONAPI }, '{"__proto__":{"x":1}}'), 400),
      ).toBeTruthy();
      expect(expectErrorDocument(await post({ 'content-type': JSONAPI }, ''), 400)[0]?.code).toBe(
        'empty_body',
      );
      expectErrorDocument(await post({ 'content-type': 'text/xml' }, '<a/>'), 415);
      expectErrorDocument(await post({ 'content-type': 'application/x-www-form-urlencoded' }, 'a=b'), 415);
      expectErrorDocument(await post({ 'content-type': `${JSONAPI}; charset=utf-8` }, '{}'), 415);
      expectErrorDocument(await post({}), 400);
      expectErrorDocument(await post({ 'content-type': JSONAPI }, `{"a":"${'x'.repeat(300_000)}"}`), 413);
      expectErrorDocument(await post({ 'content-type': JSONAPI }, 'null'), 400);
      expectErrorDocument(await post({ 'content-type': JSONAPI }, '[]'), 400);
    });

    it('answers a bad cookie or Authorization header with 401, never a 5xx', async () => {
      for (const headers of [
        { cookie: 'atrium_session=%zz%00' },
        { cookie: 'atrium_session=' },
        { cookie: `atrium_session=${'x'.repeat(4000)}` },
        { cookie: '=;;=;atrium_session' },
        { authorization: 'Bearer' },
        { authorization: 'Bearer ' },
        { authorization: 'Basic YWRtaW46YWRtaW4=' },
        { authorization: `Bearer atr_${'é'.repeat(50)}` },
        { authorization: 'Bearer a b c' },
      ]) {
        const response = await t.app.inject({ method: 'GET', url: '/api/users/me', headers });
        expectErrorDocument(response, 401, JSON.stringify(headers).slice(0, 60));
      }
    });
  });

  describe('every answer under /api is JSON:API with the API headers (item 17)', () => {
    it('answers a URL that does not decode, too long a path parameter, an unknown route', async () => {
      expect(expectErrorDocument(await browser.request({ url: '/api/users/%zz' }), 400)[0]?.code).toBe(
        'malformed_url',
      );
      expect(expectErrorDocument(await browser.request({ url: '/api/users/%C3%28' }), 400)[0]?.code).toBe(
        'malformed_url',
      );
      const long = await browser.request({ url: `/api/users/${'a'.repeat(200)}` });
      expect(expectErrorDocument(long, 422)[0]?.source?.parameter).toBe('id');
      expectErrorDocument(await browser.request({ url: `/api/users/${'a'.repeat(5000)}` }), 414);
      expectErrorDocument(await browser.request({ url: '/api/nope' }), 404);
      expectErrorDocument(await browser.request({ url: '/api' }), 404);
      expectErrorDocument(await t.app.inject({ url: '/api/users/me/nothing/here' }), 404);
      expectErrorDocument(
        await browser.request({ url: '/api/users', headers: { accept: `${JSONAPI}; foo=bar` } }),
        406,
      );
      expectErrorDocument(
        await browser.request({
          method: 'POST',
          url: '/api/organizations',
          headers: { 'content-type': `${JSONAPI}; foo=bar` },
          payload: '{}',
        }),
        415,
      );
    });

    it('answers what Node refuses before Fastify sees it (too many header bytes) as JSON:API', async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = t.app.server.address() as AddressInfo;
      const tooLarge = await rawRequest(
        port,
        `GET /api/users/me HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      );
      expectErrorDocument(tooLarge, 431);
      const longUrl = await rawRequest(
        port,
        `GET /api/users?filter[username]=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      );
      expectErrorDocument(longUrl, 431);
      const controlCharacter = await rawRequest(
        port,
        'GET /api/users/me HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n',
      );
      expectErrorDocument(controlCharacter, 400);
    });
  });

  describe('one strict rule for the query string and the body id (item 19)', () => {
    const sample = (url: string) => url.replace(':id', 'me').replace(':key', 'locale');

    it('refuses an unknown query parameter on every operation with 400 and source.parameter', async () => {
      const routes = t.app.apiRoutes;
      expect(routes.length).toBeGreaterThan(40);
      for (const { method, url } of routes) {
        if (url.includes('*')) continue;
        const response = await browser.request({
          method: method as 'GET',
          url: `${sample(url)}?foo=bar`,
          // A valid-looking body must not hide the parameter; an invalid one must not either.
          ...(['POST', 'PUT', 'PATCH'].includes(method) ? { payload: { data: { type: 'x' } } } : {}),
        });
        const errors = expectErrorDocument(response, 400, `${method} ${url}`);
        expect(errors[0], `${method} ${url}`).toMatchObject({
          code: 'unknown_parameter',
          source: { parameter: 'foo' },
        });
      }
      expect(await organizationNames()).not.toContain('Foo');
    });

    it('refuses the examples of the report: POST /api/organizations?foo=bar, GET /api/custom-fields?sort=nope', async () => {
      const post = await browser.request({
        method: 'POST',
        url: '/api/organizations?foo=bar',
        payload: { data: { type: 'organizations', attributes: { name: 'Foo' } } },
      });
      expect(expectErrorDocument(post, 400)[0]?.source?.parameter).toBe('foo');
      expect(await organizationNames()).not.toContain('Foo');
      const list = await browser.request({ url: '/api/custom-fields?sort=nope' });
      expect(expectErrorDocument(list, 400)[0]?.source?.parameter).toBe('sort');
    });

    it('refuses on every PATCH a data.id that is not the resource of the URL (409)', async () => {
      // The rule holds before any lookup: the field need not exist.
      const fieldId = '0192f2a0-0000-7000-8000-000000000002';
      const role = (await browser.request({ url: '/api/roles' })).json().data[0].id;
      const cases: [string, object][] = [
        [`/api/custom-fields/${fieldId}`, { type: 'custom-fields', id: 'other', attributes: {} }],
        [
          `/api/organizations/${admin.organizationId}`,
          { type: 'organizations', id: 'other', attributes: { name: 'X' } },
        ],
        [`/api/roles/${role}`, { type: 'roles', id: 'other', attributes: { permissions: [] } }],
        ['/api/users/me', { type: 'users', id: 'other', attributes: {} }],
        [
          '/api/settings/locale',
          { type: 'settings', id: 'other', attributes: { scope: 'user', value: null } },
        ],
        [
          '/api/sessions/current',
          {
            type: 'sessions',
            id: 'other',
            relationships: { organization: { data: { type: 'organizations', id: admin.organizationId } } },
          },
        ],
      ];
      for (const [url, data] of cases) {
        const response = await browser.request({ method: 'PATCH', url, payload: { data } });
        const [error] = expectErrorDocument(response, 409, url);
        expect(error, url).toMatchObject({ code: 'id_mismatch', source: { pointer: '/data/id' } });
      }
      // The URL's own id, and `me` for oneself, are accepted.
      const own = await browser.request({
        method: 'PATCH',
        url: '/api/users/me',
        payload: { data: { type: 'users', id: admin.id, attributes: {} } },
      });
      expect(own.statusCode, own.body).toBe(200);
      const session = await browser.request({
        method: 'PATCH',
        url: '/api/sessions/current',
        payload: {
          data: {
            type: 'sessions',
            id: browser.sessionId,
            relationships: { organization: { data: { type: 'organizations', id: admin.organizationId } } },
          },
        },
      });
      expect(session.statusCode, session.body).toBe(200);
      // As `me` names oneself, `current` (the word of the URL) names the current session.
      const current = await browser.request({
        method: 'PATCH',
        url: '/api/sessions/current',
        payload: {
          data: {
            type: 'sessions',
            id: 'current',
            relationships: { organization: { data: { type: 'organizations', id: admin.organizationId } } },
          },
        },
      });
      expect(current.statusCode, current.body).toBe(200);
    });
  });

  describe('the status codes JSON:API fixes (item 20)', () => {
    it('answers a data.type of another resource with 409 on every body route', async () => {
      for (const { method, url } of t.app.apiRoutes) {
        if (!['POST', 'PATCH'].includes(method)) continue;
        const response = await browser.request({
          method: method as 'POST',
          url: url.replace(':id', 'me').replace(':key', 'locale'),
          payload: { data: { type: 'not-this-type', attributes: {} } },
        });
        if (response.statusCode === 204 || response.statusCode === 201) continue; // bodies are optional there
        const errors = expectErrorDocument(response, response.statusCode, `${method} ${url}`);
        const typeError = errors.find((error) => error.source?.pointer === '/data/type');
        if (typeError)
          expect(typeError, `${method} ${url}`).toMatchObject({ status: '409', code: 'type_mismatch' });
      }
      const response = await browser.request({
        method: 'POST',
        url: '/api/organizations',
        payload: { data: { type: 'users', attributes: { name: 'Typed' } } },
      });
      expect(expectErrorDocument(response, 409)[0]).toMatchObject({
        code: 'type_mismatch',
        source: { pointer: '/data/type' },
      });
    });

    it('answers a client-generated id on POST with 403, and creates nothing', async () => {
      const before = await organizationNames();
      const response = await browser.request({
        method: 'POST',
        url: '/api/organizations',
        payload: {
          data: {
            type: 'organizations',
            id: '0192f2a0-0000-7000-8000-000000000001',
            attributes: { name: 'Mine' },
          },
        },
      });
      expect(expectErrorDocument(response, 403)[0]).toMatchObject({
        code: 'client_generated_id',
        source: { pointer: '/data/id' },
      });
      const apiKey = await browser.request({
        method: 'POST',
        url: '/api/users/me/api-key',
        payload: { data: { type: 'apikeys', id: 'mine', attributes: {} } },
      });
      expectErrorDocument(apiKey, 403);
      expect(await organizationNames()).toEqual(before);
    });

    it('answers a wrong method on an existing path with 405 and Allow, on every path', async () => {
      const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
      const byUrl = new Map<string, Set<string>>();
      for (const { method, url } of t.app.apiRoutes) {
        const sampleUrl = url.replace(':id', 'me').replace(':key', 'locale');
        byUrl.set(sampleUrl, (byUrl.get(sampleUrl) ?? new Set()).add(method));
      }
      for (const [url, allowed] of byUrl) {
        for (const method of methods) {
          if (allowed.has(method)) continue;
          // `/api/users/me` also matches `/api/users/:id` routes: the Allow header lists them all.
          const response = await browser.request({ method, url });
          expectErrorDocument(response, 405, `${method} ${url}`);
          const allow = String(response.headers.allow).split(', ');
          for (const m of allowed) expect(allow, `${method} ${url}`).toContain(m);
          if (allowed.has('GET')) expect(allow).toContain('HEAD');
          expect(allow).not.toContain(method);
        }
      }
    });
  });
});
