import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, JSONAPI, signIn, type TestApp } from '../../../tests/helpers/app';
import {
  addToOrganization,
  buildOrganization,
  buildUser,
  TEST_PASSWORD,
} from '../../../tests/helpers/factories';
import { sha256 } from '../../platform/secrets';

const signInRequest = (login: string, password: string, headers: Record<string, string> = {}) => ({
  method: 'POST' as const,
  url: '/api/sessions',
  headers: { 'content-type': JSONAPI, ...headers },
  payload: { data: { type: 'sessions', attributes: { login, password } } },
});

describe('sign-in and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('signs in by username or email, case-insensitively, with a hashed, HttpOnly session', async () => {
    const user = await buildUser(t, { username: 'Jöhn.Doe' });
    for (const login of ['jöhn.doe', 'JÖHN.DOE', user.email.toUpperCase()]) {
      const response = await t.app.inject(signInRequest(login, TEST_PASSWORD));
      expect(response.statusCode).toBe(201);
      const cookie = response.cookies.find((c) => c.name === 'atrium_session');
      expect(cookie?.httpOnly).toBe(true);
      expect(cookie?.sameSite).toBe('Lax');
      expect(cookie?.domain).toBeUndefined();
      // ≥128 bits, stored only as its SHA-256
      expect(Buffer.from(cookie?.value ?? '', 'base64url').length).toBeGreaterThanOrEqual(16);
      const stored = await t.deps.db.selectFrom('sessions').select('tokenHash').execute();
      expect(stored.map((s) => s.tokenHash)).toContain(sha256(cookie?.value ?? ''));
      expect(response.body).not.toContain(cookie?.value);
      const body = response.json();
      expect(body.data.type).toBe('sessions');
      expect(body.data.attributes.csrfToken).toMatch(/^[0-9a-f]{64}$/);
      expect(response.headers['content-type']).toContain(JSONAPI);
    }
  });

  it('answers an unknown user and a wrong password alike', async () => {
    const user = await buildUser(t);
    const unknown = await t.app.inject(signInRequest('nobody-here', 'wrong password 123'));
    const wrong = await t.app.inject(signInRequest(user.username, 'wrong password 123'));
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.body).toBe(wrong.body);
    expect(unknown.json().errors[0].code).toBe('invalid_credentials');
  });

  it('refuses unknown attributes and wrong types with a pointer, and malformed JSON', async () => {
    const extra = await t.app.inject({
      method: 'POST',
      url: '/api/sessions',
      headers: { 'content-type': JSONAPI },
      payload: { data: { type: 'sessions', attributes: { login: 'a', password: 'b', isAdmin: true } } },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().errors[0].source.pointer).toBe('/data/attributes/isAdmin');
    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/api/sessions',
      headers: { 'content-type': JSONAPI },
      payload: { data: { type: 'sessions', attributes: { login: 42, password: 'b' } } },
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().errors[0].source.pointer).toBe('/data/attributes/login');
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/sessions',
      headers: { 'content-type': JSONAPI },
      payload: '{"data":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].code).toBe('malformed_json');
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/sessions',
      headers: { 'content-type': 'text/plain' },
      payload: 'login=a',
    });
    expect(text.statusCode).toBe(415);
  });

  it('refuses a cross-site sign-in', async () => {
    const user = await buildUser(t);
    const foreign = await t.app.inject(
      signInRequest(user.username, TEST_PASSWORD, { origin: 'https://evil.example' }),
    );
    expect(foreign.statusCode).toBe(403);
    const crossSite = await t.app.inject(
      signInRequest(user.username, TEST_PASSWORD, { 'sec-fetch-site': 'cross-site' }),
    );
    expect(crossSite.statusCode).toBe(403);
    const sameOrigin = await t.app.inject(
      signInRequest(user.username, TEST_PASSWORD, { origin: 'http://atrium.test' }),
    );
    expect(sameOrigin.statusCode).toBe(201);
  });

  it('rotates the session at sign-in: a planted session id is dead afterwards', async () => {
    const user = await buildUser(t);
    const first = await signIn(t.app, user.username, TEST_PASSWORD);
    const second = await t.app.inject(signInRequest(user.username, TEST_PASSWORD, { cookie: first.cookie }));
    expect(second.statusCode).toBe(201);
    const old = await first.request({ method: 'GET', url: '/api/sessions/current' });
    expect(old.statusCode).toBe(401);
  });

  it('needs the CSRF token for cookie requests that change state', async () => {
    const user = await buildUser(t);
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const missing = await t.app.inject({
      method: 'DELETE',
      url: '/api/sessions/current',
      headers: { cookie: browser.cookie },
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().errors[0].code).toBe('csrf_token_invalid');
    const wrong = await browser.request({
      method: 'DELETE',
      url: '/api/sessions/current',
      headers: { 'x-csrf-token': 'f'.repeat(64) },
    });
    expect(wrong.statusCode).toBe(403);
    const foreign = await browser.request({
      method: 'DELETE',
      url: '/api/sessions/current',
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.statusCode).toBe(403);
    const current = await browser.request({ method: 'GET', url: '/api/sessions/current' });
    expect(current.statusCode).toBe(200);
    expect(current.json().data.attributes.csrfToken).toBe(browser.csrfToken);
  });

  it('signs out: the session dies on the server and the browser is told to clear its data', async () => {
    const user = await buildUser(t);
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const out = await browser.request({ method: 'DELETE', url: '/api/sessions/current' });
    expect(out.statusCode).toBe(204);
    expect(out.headers['clear-site-data']).toContain('cookies');
    const after = await browser.request({ method: 'GET', url: '/api/sessions/current' });
    expect(after.statusCode).toBe(401);
    const events = await t.deps.db
      .selectFrom('auditEvents')
      .select('action')
      .where('subjectUserId', '=', user.id)
      .execute();
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['session.signed_in', 'session.signed_out']),
    );
  });

  it('lists my devices and ends one of them, but never another user’s', async () => {
    const user = await buildUser(t);
    const laptop = await signIn(t.app, user.username, TEST_PASSWORD);
    const phone = await signIn(t.app, user.email, TEST_PASSWORD);
    const list = await laptop.request({ method: 'GET', url: '/api/sessions' });
    expect(list.statusCode).toBe(200);
    const sessions = list.json().data;
    expect(sessions).toHaveLength(2);
    expect(sessions.find((s: { id: string }) => s.id === laptop.sessionId).attributes.current).toBe(true);
    expect(JSON.stringify(sessions)).not.toContain('tokenHash');

    const other = await buildUser(t);
    const stranger = await signIn(t.app, other.username, TEST_PASSWORD);
    const notMine = await stranger.request({ method: 'DELETE', url: `/api/sessions/${phone.sessionId}` });
    expect(notMine.statusCode).toBe(404);

    const end = await laptop.request({ method: 'DELETE', url: `/api/sessions/${phone.sessionId}` });
    expect(end.statusCode).toBe(204);
    expect((await phone.request({ method: 'GET', url: '/api/sessions/current' })).statusCode).toBe(401);
    expect((await laptop.request({ method: 'GET', url: '/api/sessions/current' })).statusCode).toBe(200);
  });

  it('enforces the idle and absolute timeouts on the server', async () => {
    const user = await buildUser(t);
    const idle = await signIn(t.app, user.username, TEST_PASSWORD);
    t.clock.advance(119 * 60_000);
    expect((await idle.request({ method: 'GET', url: '/api/sessions/current' })).statusCode).toBe(200);
    t.clock.advance(121 * 60_000);
    expect((await idle.request({ method: 'GET', url: '/api/sessions/current' })).statusCode).toBe(401);

    const busy = await signIn(t.app, user.username, TEST_PASSWORD);
    for (let hour = 0; hour < 12; hour++) {
      t.clock.advance(60 * 60_000);
      const response = await busy.request({ method: 'GET', url: '/api/sessions/current' });
      expect(response.statusCode).toBe(hour < 11 ? 200 : 401);
    }
  });

  it('switches organization only to one the user belongs to', async () => {
    const user = await buildUser(t);
    const second = await buildOrganization(t);
    await addToOrganization(t, user.id, second);
    const foreign = await buildOrganization(t);
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const body = (id: string) => ({
      data: { type: 'sessions', relationships: { organization: { data: { type: 'organizations', id } } } },
    });
    const denied = await browser.request({
      method: 'PATCH',
      url: '/api/sessions/current',
      payload: body(foreign.id),
    });
    expect(denied.statusCode).toBe(404);
    const switched = await browser.request({
      method: 'PATCH',
      url: '/api/sessions/current',
      payload: body(second.id),
    });
    expect(switched.statusCode).toBe(200);
    expect(switched.json().data.relationships.organization.data.id).toBe(second.id);
    // the next sign-in opens the last-used organization
    const again = await signIn(t.app, user.username, TEST_PASSWORD);
    const current = await again.request({ method: 'GET', url: '/api/sessions/current' });
    expect(current.json().data.relationships.organization.data.id).toBe(second.id);
  });

  it('locks an account after 10 failures, per account, growing, and a success resets the count', async () => {
    const victim = await buildUser(t);
    const bystander = await buildUser(t);
    const attempt = (login: string, password: string) =>
      t.app.inject(signInRequest(login, password, { 'x-forwarded-for': '10.0.0.1' }));
    for (let i = 0; i < 9; i++)
      expect((await attempt(victim.username, 'wrong password!!')).statusCode).toBe(401);
    expect((await attempt(victim.username, TEST_PASSWORD)).statusCode).toBe(201); // resets the counter
    for (let i = 0; i < 10; i++)
      expect((await attempt(victim.username, 'wrong password!!')).statusCode).toBe(401);
    const locked = await attempt(victim.username, TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().errors[0].code).toBe('account_locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect((await attempt(bystander.username, TEST_PASSWORD)).statusCode).toBe(201);
    t.clock.advance(16 * 60_000);
    for (let i = 0; i < 10; i++) await attempt(victim.username, 'wrong password!!');
    const second = await attempt(victim.username, TEST_PASSWORD);
    expect(second.statusCode).toBe(429);
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(29 * 60);
    t.clock.advance(31 * 60_000);
    expect((await attempt(victim.username, TEST_PASSWORD)).statusCode).toBe(201);
  });

  it('limits sign-ins per IP with 429 and Retry-After', async () => {
    const limited = await createTestApp({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      for (let i = 0; i < 3; i++) {
        expect((await limited.app.inject(signInRequest('nobody', 'nothing at all'))).statusCode).toBe(401);
      }
      const blocked = await limited.app.inject(signInRequest('nobody', 'nothing at all'));
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      limited.clock.advance(61_000);
      expect((await limited.app.inject(signInRequest('nobody', 'nothing at all'))).statusCode).toBe(401);
    } finally {
      await limited.close();
    }
  });

  it('ends the sessions of a user who is disabled', async () => {
    const user = await buildUser(t);
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    await t.deps.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute();
    expect((await browser.request({ method: 'GET', url: '/api/sessions/current' })).statusCode).toBe(401);
    const again = await t.app.inject(signInRequest(user.username, TEST_PASSWORD));
    expect(again.statusCode).toBe(401);
    expect(again.json().errors[0].code).toBe('account_disabled');
  });

  it('requires authentication for the session routes', async () => {
    for (const [method, url] of [
      ['GET', '/api/sessions'],
      ['GET', '/api/sessions/current'],
      ['DELETE', '/api/sessions/current'],
      ['PATCH', '/api/sessions/current'],
      ['DELETE', '/api/sessions/00000000-0000-7000-8000-000000000000'],
    ] as const) {
      const response = await t.app.inject({ method, url });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
      expect(response.json().errors[0].code).toBe('unauthenticated');
    }
  });
  it('pages, sorts and trims my devices with the JSON:API toolkit', async () => {
    const user = await buildUser(t);
    const a = await signIn(t.app, user.username, TEST_PASSWORD);
    t.clock.advance(60_000);
    const b = await signIn(t.app, user.username, TEST_PASSWORD);
    t.clock.advance(60_000);
    const c = await signIn(t.app, user.username, TEST_PASSWORD);
    const ids = (response: { json: () => { data: { id: string }[] } }) =>
      response.json().data.map((s) => s.id);

    const all = await c.request({ method: 'GET', url: '/api/sessions' });
    expect(ids(all)).toEqual([c.sessionId, b.sessionId, a.sessionId]);
    const first = await c.request({
      method: 'GET',
      url: '/api/sessions?sort=createdAt&page[size]=2',
      headers: { 'x-include': 'totalCount' },
    });
    expect(first.statusCode).toBe(200);
    expect(ids(first)).toEqual([a.sessionId, b.sessionId]);
    expect(first.headers['x-include-total-count']).toBe('3');
    expect(first.json().links.next).toContain('page%5Bafter%5D=');
    const second = await c.request({
      method: 'GET',
      url: '/api/sessions?sort=createdAt&page[size]=2&page[number]=2',
    });
    expect(ids(second)).toEqual([c.sessionId]);

    const sparse = await c.request({ method: 'GET', url: '/api/sessions?fields[sessions]=current,user' });
    expect(sparse.json().data[0].attributes).toEqual({ current: true });
    expect(Object.keys(sparse.json().data[0].relationships)).toEqual(['user']);

    for (const [url, parameter] of [
      ['/api/sessions?sort=ip', 'sort'],
      ['/api/sessions?page[size]=1000', 'page[size]'],
      ['/api/sessions?filter[current]=true', 'filter[current]'],
      ['/api/sessions?fields[sessions]=tokenHash', 'fields[sessions]'],
    ] as const) {
      const response = await c.request({ method: 'GET', url });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().errors[0].source, url).toEqual({ parameter });
    }
  });
});
