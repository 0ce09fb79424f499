import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateApiKey } from '../../server/features/api-keys/authenticate';
import { generateApiKey } from '../../server/features/api-keys/key-format';
import { createTestApp, signIn, type TestApp, withApiKey } from '../helpers/app';
import { createTestDatabase } from '../helpers/database';
import { buildAdmin, buildOrganization, buildUser, TEST_PASSWORD } from '../helpers/factories';

/**
 * Authentication by API key (issue 7 §3 and "Bad input and abuse"): only `Authorization: Bearer`,
 * the same 401 for every bad key, the owner's current status, membership and permissions, no
 * session or cookie, no CSRF token, one organization.
 */
describe('authentication by API key', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A user with a fresh key, generated through the API by their own signed-in browser. */
  async function userWithKey(options: Parameters<typeof buildUser>[1] = {}) {
    const user = await buildUser(t, options);
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const response = await browser.request({ method: 'POST', url: '/api/users/me/api-key' });
    expect(response.statusCode).toBe(201);
    const key: string = response.json().data.attributes.key;
    return { user, browser, key, call: withApiKey(t.app, key) };
  }
  const readMyKey = { method: 'GET', url: '/api/users/me/api-key' } as const;

  it('acts as the key’s user in the key’s organization', async () => {
    const { user, call } = await userWithKey();
    const response = await call(readMyKey);
    expect(response.statusCode).toBe(200);
    expect(response.json().data.relationships.user.data.id).toBe(user.id);
    expect(response.json().data.relationships.organization.data.id).toBe(user.organizationId);
  });

  it('refuses a key anywhere but the Authorization header', async () => {
    const { key } = await userWithKey();
    const inUrl = [
      `/api/users/me/api-key?api_key=${key}`,
      `/api/users/me/api-key?key=${key}`,
      `/api/users/me/api-key?access_token=${key}`,
      `/api/users/me/api-key?token=${key}`,
      `/api/users/me/api-key?filter[x]=${key}`,
    ];
    for (const url of inUrl) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(401);
      // even with a valid header: a key in a URL is leaked already, and refused
      const withHeader = await withApiKey(t.app, key)({ method: 'GET', url });
      expect(withHeader.statusCode, url).toBe(401);
      expect(withHeader.json().errors[0].code).toBe('credential_in_url');
    }
    for (const headers of [
      { 'x-api-key': key },
      { cookie: `api_key=${key}` },
      { cookie: `atrium_session=${key}` },
      { authorization: key },
      { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` },
      { authorization: `Token ${key}` },
    ]) {
      const response = await t.app.inject({ ...readMyKey, headers });
      expect(response.statusCode, JSON.stringify(headers)).toBe(401);
    }
    const inBody = await t.app.inject({
      method: 'POST',
      url: '/api/users/me/api-key',
      headers: { 'content-type': 'application/vnd.api+json' },
      payload: { data: { type: 'apikeys', attributes: { key } } },
    });
    expect(inBody.statusCode).toBe(401);
  });

  it('answers tampered, truncated and foreign-format keys exactly like an unknown key', async () => {
    const { key } = await userWithKey();
    const unknown = await withApiKey(t.app, generateApiKey())(readMyKey);
    expect(unknown.statusCode).toBe(401);
    const swap = (at: number) => key.slice(0, at) + (key[at] === 'x' ? 'y' : 'x') + key.slice(at + 1);
    for (const bad of [
      swap(12),
      swap(key.length - 2),
      key.slice(0, -1),
      key.slice(0, 20),
      `${key}x`,
      key.toLowerCase(),
      'bba1b83312a50836d78cbef4d2705125a6ce1d4d',
      'ghp_0123456789abcdefghijABCDEFGHIJ012345',
      'atr_',
    ]) {
      const response = await t.app.inject({ ...readMyKey, headers: { authorization: `Bearer ${bad}` } });
      expect(response.statusCode, bad).toBe(401);
      expect(response.body, bad).toBe(unknown.body);
      expect(response.headers['www-authenticate'], bad).toBe('Bearer realm="Atrium", error="invalid_token"');
    }
    expect(unknown.json().errors[0]).toMatchObject({
      code: 'unauthenticated',
      detail: 'The API key is not valid.',
      source: { header: 'Authorization' },
    });
  });

  it('says how to send a key when the Authorization header has another form (RFC 6750, RFC 7235)', async () => {
    const { key } = await userWithKey();
    const basic = `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
    // Another scheme: no Bearer credential was sent, so the challenge names no error.
    for (const authorization of [basic, `Token ${key}`, key, 'Bearer', `Bearerx ${key}`]) {
      const response = await t.app.inject({ ...readMyKey, headers: { authorization } });
      expect(response.statusCode, authorization).toBe(401);
      expect(response.json().errors[0], authorization).toMatchObject({
        status: '401',
        code: 'authorization_header_invalid',
        detail: 'Send an API key as "Authorization: Bearer <key>": no other form of this header is accepted.',
        source: { header: 'Authorization' },
      });
      const challenge = authorization === 'Bearer' ? ', error="invalid_request"' : '';
      expect(response.headers['www-authenticate'], authorization).toBe(`Bearer realm="Atrium"${challenge}`);
    }
    // A Bearer credential of more than one token, or none after the space: malformed (RFC 6750 §2.1).
    for (const authorization of ['Bearer ', `Bearer ${key} ${key}`, `Bearer\t${key}`]) {
      const response = await t.app.inject({ ...readMyKey, headers: { authorization } });
      expect(response.statusCode, authorization).toBe(401);
      expect(response.json().errors[0].code, authorization).toBe('authorization_header_invalid');
      expect(response.headers['www-authenticate'], authorization).toBe(
        'Bearer realm="Atrium", error="invalid_request"',
      );
    }
    // The scheme in any letter case (RFC 7235 §2.1), one or more spaces before the key (RFC 6750 §2.1).
    for (const authorization of [`bearer ${key}`, `BEARER ${key}`, `Bearer   ${key}`]) {
      const response = await t.app.inject({ ...readMyKey, headers: { authorization } });
      expect(response.statusCode, authorization).toBe(200);
    }
  });

  it('challenges every 401 with the Bearer scheme, with or without credentials (RFC 7235 §3.1)', async () => {
    const anonymous = await t.app.inject(readMyKey);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer realm="Atrium"');
    const expiredSession = await t.app.inject({ ...readMyKey, headers: { cookie: 'atrium_session=gone' } });
    expect(expiredSession.statusCode).toBe(401);
    expect(expiredSession.headers['www-authenticate']).toBe('Bearer realm="Atrium"');
    const wrongPassword = await t.app.inject({
      method: 'POST',
      url: '/api/sessions',
      headers: { 'content-type': 'application/vnd.api+json' },
      payload: { data: { type: 'sessions', attributes: { login: 'nobody', password: 'not-the-password' } } },
    });
    expect(wrongPassword.statusCode, wrongPassword.body).toBe(401);
    expect(wrongPassword.headers['www-authenticate']).toBe('Bearer realm="Atrium"');
  });

  it('refuses a malformed key before any database lookup', async () => {
    const database = await createTestDatabase();
    await database.destroy(); // every query on it now fails
    const deps = { db: database.db, clock: t.clock };
    const request = { ip: '127.0.0.1' } as Parameters<typeof authenticateApiKey>[2];
    await expect(authenticateApiKey(deps, 'atr_not-a-key', request)).resolves.toBeUndefined();
    const key = generateApiKey();
    const tampered = `${key.slice(0, 10)}${key[10] === 'x' ? 'y' : 'x'}${key.slice(11)}`;
    await expect(authenticateApiKey(deps, tampered, request)).resolves.toBeUndefined();
    await expect(authenticateApiKey(deps, generateApiKey(), request)).rejects.toThrow();
  });

  it('refuses the key of a disabled user, a reset user, and a user removed from the organization', async () => {
    for (const change of ['disabled', 'reset', 'removed'] as const) {
      const { user, call } = await userWithKey();
      expect((await call(readMyKey)).statusCode).toBe(200);
      if (change === 'removed') {
        await t.deps.db
          .deleteFrom('memberships')
          .where('userId', '=', user.id)
          .where('organizationId', '=', user.organizationId)
          .execute();
      } else {
        await t.deps.db.updateTable('users').set({ status: change }).where('id', '=', user.id).execute();
      }
      const refused = await call(readMyKey);
      expect(refused.statusCode, change).toBe(401);
      expect(refused.json().errors[0].code).toBe('unauthenticated');
    }
  });

  it('holds a user who must change their password to that, as a session would', async () => {
    const { user, call } = await userWithKey();
    await t.deps.db
      .updateTable('users')
      .set({ mustChangePassword: true })
      .where('id', '=', user.id)
      .execute();
    const held = await call(readMyKey);
    expect(held.statusCode).toBe(403);
    expect(held.json().errors[0].code).toBe('password_change_required');
    expect((await call({ method: 'GET', url: '/api/userprofile' })).statusCode).toBe(200);
    await t.deps.db
      .updateTable('users')
      .set({ mustChangePassword: false })
      .where('id', '=', user.id)
      .execute();
    expect((await call(readMyKey)).statusCode).toBe(200);
  });

  it('refuses a revoked or replaced key at once', async () => {
    const { browser, key, call } = await userWithKey();
    const replaced = await browser.request({ method: 'POST', url: '/api/users/me/api-key' });
    const newKey = replaced.json().data.attributes.key;
    expect((await call(readMyKey)).statusCode).toBe(401);
    expect((await withApiKey(t.app, newKey)(readMyKey)).statusCode).toBe(200);
    await browser.request({ method: 'DELETE', url: '/api/users/me/api-key' });
    expect((await withApiKey(t.app, newKey)(readMyKey)).statusCode).toBe(401);
    expect(key).not.toBe(newKey);
  });

  it('acts with the user’s current permissions: a role change applies on the next request', async () => {
    const organization = await buildOrganization(t);
    const { user, call } = await userWithKey({ organization, roles: ['Administrator'] });
    const member = await buildUser(t, { organization });
    expect((await call({ method: 'GET', url: `/api/users/${member.id}/api-key` })).statusCode).toBe(200);
    const membership = await t.deps.db
      .selectFrom('memberships')
      .select('id')
      .where('userId', '=', user.id)
      .executeTakeFirstOrThrow();
    await t.deps.db
      .updateTable('membershipRoles')
      .set({ roleId: organization.roleIds.User as string })
      .where('membershipId', '=', membership.id)
      .execute();
    expect((await call({ method: 'GET', url: `/api/users/${member.id}/api-key` })).statusCode).toBe(403);
  });

  it('never creates a session or sets a cookie, and needs no CSRF token', async () => {
    const { user, call } = await userWithKey();
    const sessions = () =>
      t.deps.db.selectFrom('sessions').select('id').where('userId', '=', user.id).execute();
    const before = (await sessions()).length;
    const responses = [
      await call(readMyKey),
      await call({ method: 'GET', url: '/api/sessions' }),
      await call({ method: 'POST', url: '/api/users/me/api-key' }),
      await call(readMyKey), // the key just rotated itself: 401
    ];
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 201, 401]);
    for (const response of responses) expect(response.headers['set-cookie']).toBeUndefined();
    expect((await sessions()).length).toBe(before);
    const current = await withApiKey(
      t.app,
      responses[2]?.json().data.attributes.key,
    )({
      method: 'GET',
      url: '/api/sessions/current',
    });
    expect(current.statusCode).toBe(404);
    expect(current.json().errors[0].code).toBe('no_session');
  });

  it('updates the last use at most once a minute, with the caller’s address', async () => {
    const { user, call } = await userWithKey();
    const lastUse = () =>
      t.deps.db
        .selectFrom('apiKeys')
        .select(['lastUsedAt', 'lastUsedIp'])
        .where('userId', '=', user.id)
        .executeTakeFirstOrThrow();
    expect(await lastUse()).toEqual({ lastUsedAt: null, lastUsedIp: null });
    await call({ ...readMyKey, remoteAddress: '192.0.2.1' });
    const first = t.clock.now().toISOString();
    expect(await lastUse()).toEqual({ lastUsedAt: first, lastUsedIp: '192.0.2.1' });
    t.clock.advance(30_000);
    await call({ ...readMyKey, remoteAddress: '192.0.2.2' });
    expect(await lastUse()).toEqual({ lastUsedAt: first, lastUsedIp: '192.0.2.1' });
    t.clock.advance(31_000);
    await call({ ...readMyKey, remoteAddress: '192.0.2.3' });
    expect(await lastUse()).toEqual({ lastUsedAt: t.clock.now().toISOString(), lastUsedIp: '192.0.2.3' });
  });

  it('cannot read or change anything of another organization (404)', async () => {
    const organizationA = await buildOrganization(t);
    const organizationB = await buildOrganization(t);
    const { call } = await userWithKey({ organization: organizationA, roles: ['Administrator'] });
    const adminB = await buildAdmin(t, organizationB);
    const browserB = await signIn(t.app, adminB.username, TEST_PASSWORD);
    const keyB = (await browserB.request({ method: 'POST', url: '/api/users/me/api-key' })).json().data
      .attributes.key;
    const roleB = organizationB.roleIds.User as string;
    const requests: { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; payload?: object }[] = [
      { method: 'GET', url: `/api/users/${adminB.id}` },
      {
        method: 'PATCH',
        url: `/api/users/${adminB.id}`,
        payload: { data: { type: 'users', id: adminB.id, attributes: { firstName: 'Mallory' } } },
      },
      { method: 'GET', url: `/api/users/${adminB.id}/api-key` },
      { method: 'POST', url: `/api/users/${adminB.id}/api-key` },
      { method: 'DELETE', url: `/api/users/${adminB.id}/api-key` },
      { method: 'GET', url: `/api/users/${adminB.id}/avatar` },
      { method: 'GET', url: `/api/users/${adminB.id}/audit-events` },
      { method: 'POST', url: `/api/users/${adminB.id}/password-reset` },
      { method: 'GET', url: `/api/organizations/${organizationB.id}` },
      {
        method: 'PATCH',
        url: `/api/organizations/${organizationB.id}`,
        payload: {
          data: { type: 'organizations', id: organizationB.id, attributes: { name: 'Taken over' } },
        },
      },
      { method: 'GET', url: `/api/roles/${roleB}` },
      {
        method: 'PATCH',
        url: `/api/roles/${roleB}`,
        payload: { data: { type: 'roles', id: roleB, attributes: { permissions: ['users.view'] } } },
      },
      { method: 'DELETE', url: `/api/sessions/${browserB.sessionId}` },
    ];
    for (const request of requests) {
      const response = await call(request);
      expect(response.statusCode, `${request.method} ${request.url}: ${response.body}`).toBe(404);
    }
    const listed = await call({ method: 'GET', url: '/api/users?page[size]=100' });
    expect(listed.json().data.map((u: { id: string }) => u.id)).not.toContain(adminB.id);

    // B is untouched: user, organization, role, session and key
    const userB = await t.deps.db
      .selectFrom('users')
      .select(['firstName', 'status'])
      .where('id', '=', adminB.id)
      .executeTakeFirstOrThrow();
    expect(userB).toEqual({ firstName: 'Test', status: 'active' });
    const orgB = await t.deps.db
      .selectFrom('organizations')
      .select('name')
      .where('id', '=', organizationB.id)
      .executeTakeFirstOrThrow();
    expect(orgB.name).toBe(organizationB.name);
    const role = await t.deps.db
      .selectFrom('roles')
      .select('permissions')
      .where('id', '=', roleB)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(role.permissions)).not.toEqual(['users.view']);
    expect((await browserB.request({ method: 'GET', url: '/api/sessions/current' })).statusCode).toBe(200);
    expect((await withApiKey(t.app, keyB)(readMyKey)).statusCode).toBe(200);
  });
});

describe('per-key rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { API_KEY_RATE_LIMIT_PER_MINUTE: '5' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 429 with Retry-After past the budget of the key, and only of that key', async () => {
    const keyOf = async () => {
      const user = await buildUser(t);
      const browser = await signIn(t.app, user.username, TEST_PASSWORD);
      return (await browser.request({ method: 'POST', url: '/api/users/me/api-key' })).json().data.attributes
        .key;
    };
    const busy = withApiKey(t.app, await keyOf());
    const calm = withApiKey(t.app, await keyOf());
    for (let i = 0; i < 5; i++) {
      const response = await busy({ method: 'GET', url: '/api/users/me/api-key' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['x-ratelimit-limit']).toBe('5');
      expect(response.headers['x-ratelimit-remaining']).toBe(String(4 - i));
    }
    const limited = await busy({ method: 'GET', url: '/api/users/me/api-key' });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.json().errors[0].code).toBe('rate_limited');
    expect((await calm({ method: 'GET', url: '/api/users/me/api-key' })).statusCode).toBe(200);
  });
});
