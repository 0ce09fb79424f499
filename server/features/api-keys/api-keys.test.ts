import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, JSONAPI, signIn, type TestApp, withApiKey } from '../../../tests/helpers/app';
import {
  addToOrganization,
  buildAdmin,
  buildOrganization,
  buildUser,
  TEST_PASSWORD,
} from '../../../tests/helpers/factories';
import { switchOrganization } from '../../../tests/helpers/scenarios';
import { newId } from '../../platform/ids';
import { sha256 } from '../../platform/secrets';
import { isWellFormedApiKey } from './key-format';

/** /api/users/{id}/api-key: generate (201, the only time the key is shown), read metadata, revoke. */
describe('API key routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const keysOf = (userId: string) =>
    t.deps.db
      .selectFrom('apiKeys')
      .select(['id', 'organizationId', 'keyHash', 'prefix', 'createdAt', 'lastUsedAt'])
      .where('userId', '=', userId)
      .execute();
  const auditOf = (userId: string) =>
    t.deps.db
      .selectFrom('auditEvents')
      .select(['action', 'actorUserId', 'organizationId', 'details'])
      .where('subjectUserId', '=', userId)
      .where('action', 'like', 'api_key.%')
      .orderBy('occurredAt')
      .orderBy('id')
      .execute();
  const whoAmI = async (key: string) => {
    const response = await withApiKey(t.app, key)({ method: 'GET', url: '/api/users/me/api-key' });
    return response.statusCode;
  };

  it('requires authentication on every verb', async () => {
    for (const method of ['POST', 'GET', 'DELETE'] as const) {
      const response = await t.app.inject({ method, url: '/api/users/me/api-key' });
      expect(response.statusCode, method).toBe(401);
      expect(response.json().errors[0].code).toBe('unauthenticated');
    }
  });

  it('generates my key once, shows its metadata, and revokes it', async () => {
    const user = await buildUser(t);
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);

    const none = await browser.request({ method: 'GET', url: '/api/users/me/api-key' });
    expect(none.statusCode).toBe(200);
    expect(none.json().data).toBeNull();

    const created = await browser.request({ method: 'POST', url: '/api/users/me/api-key' });
    expect(created.statusCode).toBe(201);
    expect(created.headers['content-type']).toContain(JSONAPI);
    expect(created.headers.location).toBe(`/api/users/${user.id}/api-key`);
    const { data } = created.json();
    expect(data.type).toBe('apikeys');
    const key: string = data.attributes.key;
    expect(isWellFormedApiKey(key)).toBe(true);
    expect(data.attributes).toEqual({
      key,
      prefix: key.slice(0, 8),
      createdAt: t.clock.now().toISOString(),
      lastUsedAt: null,
      lastUsedIp: null,
    });
    expect(data.relationships.organization.data.id).toBe(user.organizationId);
    expect(data.relationships.user.data.id).toBe(user.id);

    const [stored] = await keysOf(user.id);
    expect(stored).toMatchObject({ id: data.id, organizationId: user.organizationId, keyHash: sha256(key) });
    expect(stored?.prefix).toBe(key.slice(0, 8));

    t.clock.advance(5_000);
    expect(await whoAmI(key)).toBe(200);
    const read = await browser.request({ method: 'GET', url: `/api/users/${user.id}/api-key` });
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain(key);
    expect(read.body).not.toContain(sha256(key));
    expect(read.json().data.attributes).toEqual({
      prefix: key.slice(0, 8),
      createdAt: data.attributes.createdAt,
      lastUsedAt: t.clock.now().toISOString(),
      lastUsedIp: '127.0.0.1',
    });

    const revoked = await browser.request({ method: 'DELETE', url: '/api/users/me/api-key' });
    expect(revoked.statusCode).toBe(204);
    expect(await keysOf(user.id)).toHaveLength(0);
    expect(await whoAmI(key)).toBe(401);
    expect((await browser.request({ method: 'GET', url: '/api/users/me/api-key' })).json().data).toBeNull();

    const again = await browser.request({ method: 'DELETE', url: '/api/users/me/api-key' });
    expect(again.statusCode).toBe(404);
    expect(again.json().errors[0].code).toBe('api_key_not_found');

    const audit = await auditOf(user.id);
    expect(audit.map((e) => e.action)).toEqual(['api_key.generated', 'api_key.revoked']);
    expect(audit.every((e) => e.actorUserId === user.id && e.organizationId === user.organizationId)).toBe(
      true,
    );
    expect(JSON.stringify(audit)).not.toContain(key.slice(8));
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({
      apiKeyId: data.id,
      prefix: key.slice(0, 8),
    });
  });

  it('replaces the key atomically: the old one stops working at once', async () => {
    const user = await buildUser(t);
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const first = (await browser.request({ method: 'POST', url: '/api/users/me/api-key' })).json().data;
    const second = await browser.request({
      method: 'POST',
      url: '/api/users/me/api-key',
      payload: { data: { type: 'apikeys' } },
    });
    expect(second.statusCode).toBe(201);
    const replacement = second.json().data;
    expect(replacement.id).not.toBe(first.id);
    expect(await whoAmI(first.attributes.key)).toBe(401);
    expect(await whoAmI(replacement.attributes.key)).toBe(200);
    const keys = await keysOf(user.id);
    expect(keys.map((k) => k.id)).toEqual([replacement.id]);
    const audit = await auditOf(user.id);
    expect(JSON.parse(audit.at(-1)?.details ?? '{}')).toMatchObject({
      apiKeyId: replacement.id,
      replacedApiKeyId: first.id,
    });
  });

  it('leaves exactly one working key after concurrent generations', async () => {
    const user = await buildUser(t);
    const laptop = await signIn(t.app, user.username, TEST_PASSWORD);
    const phone = await signIn(t.app, user.email, TEST_PASSWORD);
    for (let round = 0; round < 3; round++) {
      const responses = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          (i % 2 ? laptop : phone).request({ method: 'POST', url: '/api/users/me/api-key' }),
        ),
      );
      expect(responses.map((r) => r.statusCode)).toEqual(Array(6).fill(201));
      const keys = await keysOf(user.id);
      expect(keys).toHaveLength(1);
      const issued: string[] = responses.map((r) => r.json().data.attributes.key);
      const working = [];
      for (const key of issued) if ((await whoAmI(key)) === 200) working.push(key);
      expect(working).toHaveLength(1);
      expect(sha256(working[0] as string)).toBe(keys[0]?.keyHash);
    }
    const generated = (await auditOf(user.id)).filter((e) => e.action === 'api_key.generated');
    expect(generated).toHaveLength(18);
  });

  it('keeps one key per organization: the key is made for the current organization', async () => {
    const user = await buildUser(t);
    const second = await buildOrganization(t);
    await addToOrganization(t, user.id, second);
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const inFirst = (await browser.request({ method: 'POST', url: '/api/users/me/api-key' })).json().data;
    expect(inFirst.relationships.organization.data.id).toBe(user.organizationId);
    const switched = await switchOrganization(browser, second.id);
    expect(switched.statusCode).toBe(200);
    expect((await browser.request({ method: 'GET', url: '/api/users/me/api-key' })).json().data).toBeNull();
    const inSecond = (await browser.request({ method: 'POST', url: '/api/users/me/api-key' })).json().data;
    expect(inSecond.relationships.organization.data.id).toBe(second.id);
    const keys = await keysOf(user.id);
    expect(keys.map((k) => k.organizationId).sort()).toEqual([user.organizationId, second.id].sort());
    // each key acts in its own organization
    for (const [key, organizationId] of [
      [inFirst.attributes.key, user.organizationId],
      [inSecond.attributes.key, second.id],
    ]) {
      const mine = await withApiKey(t.app, key)({ method: 'GET', url: '/api/users/me/api-key' });
      expect(mine.json().data.relationships.organization.data.id).toBe(organizationId);
    }
  });

  it("refuses another user's key without manage_api_keys (403), whether or not the user exists", async () => {
    const organization = await buildOrganization(t);
    const member = await buildUser(t, { organization });
    const colleague = await buildUser(t, { organization });
    const browser = await signIn(t.app, member.username, TEST_PASSWORD);
    for (const id of [colleague.id, newId()]) {
      for (const method of ['POST', 'GET', 'DELETE'] as const) {
        const response = await browser.request({ method, url: `/api/users/${id}/api-key` });
        expect(response.statusCode, `${method} ${id}`).toBe(403);
        expect(response.json().errors[0].code).toBe('forbidden');
      }
    }
    expect(await keysOf(colleague.id)).toHaveLength(0);
  });

  it("lets an administrator manage a member's key in the same organization", async () => {
    const organization = await buildOrganization(t);
    const admin = await buildAdmin(t, organization);
    const member = await buildUser(t, { organization });
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const created = await browser.request({ method: 'POST', url: `/api/users/${member.id}/api-key` });
    expect(created.statusCode).toBe(201);
    const key = created.json().data.attributes.key;
    const acting = await withApiKey(t.app, key)({ method: 'GET', url: '/api/users/me/api-key' });
    expect(acting.json().data.relationships.user.data.id).toBe(member.id);
    const read = await browser.request({ method: 'GET', url: `/api/users/${member.id}/api-key` });
    expect(read.json().data.id).toBe(created.json().data.id);
    expect(read.body).not.toContain(key);
    const revoked = await browser.request({ method: 'DELETE', url: `/api/users/${member.id}/api-key` });
    expect(revoked.statusCode).toBe(204);
    expect(await whoAmI(key)).toBe(401);
    const audit = await auditOf(member.id);
    expect(audit.map((e) => [e.action, e.actorUserId])).toEqual([
      ['api_key.generated', admin.id],
      ['api_key.revoked', admin.id],
    ]);
  });

  it('answers 404 for a user of another organization, exactly like a missing one', async () => {
    const admin = await buildAdmin(t);
    const stranger = await buildUser(t);
    const strangerBrowser = await signIn(t.app, stranger.username, TEST_PASSWORD);
    const strangerKey = (
      await strangerBrowser.request({ method: 'POST', url: '/api/users/me/api-key' })
    ).json().data.attributes.key;
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    for (const method of ['POST', 'GET', 'DELETE'] as const) {
      const foreign = await browser.request({ method, url: `/api/users/${stranger.id}/api-key` });
      const missing = await browser.request({ method, url: `/api/users/${newId()}/api-key` });
      expect(foreign.statusCode, method).toBe(404);
      expect(foreign.body).toBe(missing.body);
      expect(foreign.json().errors[0].code).toBe('user_not_found');
    }
    expect(await whoAmI(strangerKey)).toBe(200);
    expect(await keysOf(stranger.id)).toHaveLength(1);
  });

  it('refuses unknown members and wrong types with a pointer', async () => {
    const user = await buildUser(t);
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const cases: [Record<string, unknown>, number, string][] = [
      [{ data: { type: 'apikeys', attributes: { key: 'atr_mine' } } }, 400, '/data/attributes/key'],
      [
        { data: { type: 'apikeys', attributes: { organizationId: user.organizationId } } },
        400,
        '/data/attributes/organizationId',
      ],
      [{ data: { type: 'apikeys', relationships: {} } }, 400, '/data/relationships'],
      [{ data: { type: 'apikeys', attributes: [] } }, 400, '/data/attributes'],
      [{ data: { type: 'users' } }, 409, '/data/type'],
    ];
    for (const [payload, status, pointer] of cases) {
      const response = await browser.request({ method: 'POST', url: '/api/users/me/api-key', payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(response.json().errors[0].source.pointer).toBe(pointer);
    }
    const malformed = await browser.request({
      method: 'POST',
      url: '/api/users/me/api-key',
      headers: { 'content-type': JSONAPI },
      payload: '{"data":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(await keysOf(user.id)).toHaveLength(0);
  });

  it('works with a key: no session, no cookie, no CSRF token; a key may rotate itself', async () => {
    const user = await buildUser(t);
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const key = (await browser.request({ method: 'POST', url: '/api/users/me/api-key' })).json().data
      .attributes.key;
    const countSessions = async () =>
      (await t.deps.db.selectFrom('sessions').select('id').where('userId', '=', user.id).execute()).length;
    const sessionsBefore = await countSessions();
    const rotated = await withApiKey(t.app, key)({ method: 'POST', url: '/api/users/me/api-key' });
    expect(rotated.statusCode).toBe(201);
    expect(rotated.headers['set-cookie']).toBeUndefined();
    const newKey = rotated.json().data.attributes.key;
    expect(await whoAmI(key)).toBe(401);
    const revoked = await withApiKey(t.app, newKey)({ method: 'DELETE', url: '/api/users/me/api-key' });
    expect(revoked.statusCode).toBe(204);
    expect(revoked.headers['set-cookie']).toBeUndefined();
    expect(await countSessions()).toBe(sessionsBefore);
  });
});
