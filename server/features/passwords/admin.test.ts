import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, JSONAPI, signIn, type TestApp, withApiKey } from '../../../tests/helpers/app';
import { buildAdmin, buildMember, buildUser, TEST_PASSWORD } from '../../../tests/helpers/factories';
import { giveApiKey } from '../../../tests/helpers/scenarios';
import { newId } from '../../platform/ids';
import { sha256 } from '../../platform/secrets';
import { writeSetting } from '../../platform/settings';
import { auditActions, outboxFor, sessionCount, tokenFromMail, userRow } from './helpers.test-support';

const setBody = (attributes: Record<string, unknown>) => ({ data: { type: 'password-sets', attributes } });

describe('POST /api/users/{id}/password-set (administrator Change Password)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('needs authentication and password_management; other organizations are 404', async () => {
    const admin = await buildAdmin(t);
    const target = await buildMember(t, admin.organization);
    const stranger = await buildMember(t);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: `/api/users/${target.id}/password-set`,
      headers: { 'content-type': JSONAPI },
      payload: setBody({ newPassword: 'a brand new passphrase' }),
    });
    expect(anonymous.statusCode).toBe(401);
    const member = await signIn(t.app, (await buildMember(t, admin.organization)).username, TEST_PASSWORD);
    const forbidden = await member.request({
      method: 'POST',
      url: `/api/users/${target.id}/password-set`,
      payload: setBody({ newPassword: 'a brand new passphrase' }),
    });
    expect(forbidden.statusCode).toBe(403);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    for (const id of [stranger.id, newId(), 'nobody']) {
      const response = await browser.request({
        method: 'POST',
        url: `/api/users/${id}/password-set`,
        payload: setBody({ newPassword: 'a brand new passphrase' }),
      });
      expect(response.statusCode, id).toBe(404);
    }
    const before = await userRow(t, stranger.id);
    expect((await userRow(t, stranger.id)).passwordHash).toBe(before.passwordHash);
  });

  it('on oneself: must-change defaults off, the session is rotated (new cookie and csrfToken), others end', async () => {
    const admin = await buildAdmin(t);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const elsewhere = await signIn(t.app, admin.username, TEST_PASSWORD);
    const response = await browser.request({
      method: 'POST',
      url: '/api/users/me/password-set',
      payload: setBody({ newPassword: 'my own choice of passphrase' }),
    });
    expect(response.statusCode, response.body).toBe(200);
    const session = response.json().data;
    expect(session.type).toBe('sessions');
    expect(session.attributes.csrfToken).toEqual(expect.any(String));
    expect(session.attributes.csrfToken).not.toBe(browser.csrfToken);
    const cookie = response.cookies.find((c) => c.name.endsWith('atrium_session'));
    expect(cookie?.value).toBeTruthy();
    expect(`${cookie?.name}=${cookie?.value}`).not.toBe(browser.cookie);
    expect((await userRow(t, admin.id)).mustChangePassword).toBe(false);
    // The rotated session works with its new token; the old cookie and the other device do not.
    const rotated = await t.app.inject({
      method: 'GET',
      url: '/api/userprofile',
      headers: { cookie: `${cookie?.name}=${cookie?.value}` },
    });
    expect(rotated.statusCode).toBe(200);
    expect((await browser.request({ method: 'GET', url: '/api/userprofile' })).statusCode).toBe(401);
    expect((await elsewhere.request({ method: 'GET', url: '/api/userprofile' })).statusCode).toBe(401);
    expect(await sessionCount(t, admin.id)).toBe(1);
    await signIn(t.app, admin.username, 'my own choice of passphrase');
    // Ticking the box on oneself is still honoured.
    const again = await signIn(t.app, admin.username, 'my own choice of passphrase');
    const ticked = await again.request({
      method: 'POST',
      url: `/api/users/${admin.id}/password-set`,
      payload: setBody({ newPassword: 'yet another passphrase', mustChange: true }),
    });
    expect(ticked.statusCode).toBe(200);
    expect((await userRow(t, admin.id)).mustChangePassword).toBe(true);
  });

  it('on oneself with an API key: must-change off, every session ends, 204', async () => {
    const admin = await buildAdmin(t);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const asKey = withApiKey(t.app, await giveApiKey(t, admin));
    const response = await asKey({
      method: 'POST',
      url: '/api/users/me/password-set',
      payload: setBody({ newPassword: 'chosen through my key' }),
    });
    expect(response.statusCode).toBe(204);
    expect((await userRow(t, admin.id)).mustChangePassword).toBe(false);
    expect((await browser.request({ method: 'GET', url: '/api/userprofile' })).statusCode).toBe(401);
  });

  it('on someone else: must-change still defaults on', async () => {
    const admin = await buildAdmin(t);
    const target = await buildMember(t, admin.organization);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const response = await browser.request({
      method: 'POST',
      url: `/api/users/${target.id}/password-set`,
      payload: setBody({ newPassword: 'set for a colleague 99' }),
    });
    expect(response.statusCode).toBe(204);
    expect((await userRow(t, target.id)).mustChangePassword).toBe(true);
  });

  it('refuses bad input: unknown members 400, policy 422 naming the rule', async () => {
    const admin = await buildAdmin(t);
    const target = await buildMember(t, admin.organization);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const extra = await browser.request({
      method: 'POST',
      url: `/api/users/${target.id}/password-set`,
      payload: setBody({ newPassword: 'a brand new passphrase', status: 'active' }),
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().errors[0].source.pointer).toBe('/data/attributes/status');
    const wrongType = await browser.request({
      method: 'POST',
      url: `/api/users/${target.id}/password-set`,
      payload: setBody({ newPassword: 'a brand new passphrase', mustChange: 'yes' }),
    });
    expect(wrongType.statusCode).toBe(400);
    const short = await browser.request({
      method: 'POST',
      url: `/api/users/${target.id}/password-set`,
      payload: setBody({ newPassword: 'short' }),
    });
    expect(short.statusCode).toBe(422);
    expect(short.json().errors[0]).toMatchObject({
      code: 'password_too_short',
      source: { pointer: '/data/attributes/newPassword' },
    });
    const username = await browser.request({
      method: 'POST',
      url: `/api/users/${target.id}/password-set`,
      payload: setBody({ newPassword: `${target.username} is my password` }),
    });
    expect(username.json().errors[0].code).toBe('password_context_username');
    expect(username.json().errors[0].detail).toBe("The password must not contain the user's username.");
  });

  it('sets the password: sessions ended, must change by default, email without the password, audited', async () => {
    const admin = await buildAdmin(t);
    const target = await buildMember(t, admin.organization);
    const targetBrowser = await signIn(t.app, target.username, TEST_PASSWORD);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const newPassword = 'set by the administrator';
    const response = await browser.request({
      method: 'POST',
      url: `/api/users/${target.id}/password-set`,
      payload: setBody({ newPassword }),
    });
    expect(response.statusCode).toBe(204);
    expect(await sessionCount(t, target.id)).toBe(0);
    expect((await targetBrowser.request({ method: 'GET', url: '/api/sessions/current' })).statusCode).toBe(
      401,
    );
    expect((await userRow(t, target.id)).mustChangePassword).toBe(true);
    const [mail] = await outboxFor(t, target.email);
    expect(mail?.template).toBe('password-changed');
    expect(mail?.textBody).not.toContain(newPassword);
    expect(await auditActions(t, target.id)).toContain('password.set_by_admin');

    // The user signs in with it and can do nothing but change it.
    const again = await signIn(t.app, target.username, newPassword);
    const blocked = await again.request({ method: 'GET', url: '/api/sessions' });
    expect(blocked.json().errors[0].code).toBe('password_change_required');
    // The administrator's own session is untouched.
    expect((await browser.request({ method: 'GET', url: '/api/sessions/current' })).statusCode).toBe(200);
  });

  it('leaves must-change off when asked, and includes the password only when the organization allows it', async () => {
    const admin = await buildAdmin(t);
    const target = await buildMember(t, admin.organization);
    await writeSetting(
      t.deps.db,
      t.clock,
      'organization',
      { organizationId: admin.organizationId },
      'password.include_in_email',
      true,
    );
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const newPassword = 'sent in the clear, as asked';
    const response = await browser.request({
      method: 'POST',
      url: `/api/users/${target.id}/password-set`,
      payload: setBody({ newPassword, mustChange: false }),
    });
    expect(response.statusCode).toBe(204);
    expect((await userRow(t, target.id)).mustChangePassword).toBe(false);
    const [mail] = await outboxFor(t, target.email);
    expect(mail?.textBody).toContain(newPassword);
    const signedIn = await signIn(t.app, target.username, newPassword);
    expect((await signedIn.request({ method: 'GET', url: '/api/sessions' })).statusCode).toBe(200);
  });
});

describe('POST /api/users/{id}/password-reset (administrator Reset Password)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const reset = (
    browser: Awaited<ReturnType<typeof signIn>>,
    id: string,
    payload?: Record<string, unknown>,
  ) =>
    browser.request({
      method: 'POST',
      url: `/api/users/${id}/password-reset`,
      ...(payload === undefined ? {} : { payload }),
    });

  it('needs authentication and password_management; other organizations are 404', async () => {
    const admin = await buildAdmin(t);
    const target = await buildMember(t, admin.organization);
    const stranger = await buildMember(t);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/users/${target.id}/password-reset` })).statusCode,
    ).toBe(401);
    const member = await signIn(t.app, (await buildMember(t, admin.organization)).username, TEST_PASSWORD);
    expect((await reset(member, target.id)).statusCode).toBe(403);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    expect((await reset(browser, stranger.id)).statusCode).toBe(404);
    expect((await userRow(t, stranger.id)).status).toBe('active');
    const extra = await reset(browser, target.id, {
      data: { type: 'password-resets', attributes: { token: 'x' } },
    });
    expect(extra.statusCode).toBe(400);
    expect((await userRow(t, target.id)).status).toBe('active');
  });

  it('resets atomically: status reset, old password dead, sessions ended, API key refused, 24-hour single-use link', async () => {
    const admin = await buildAdmin(t);
    const target = await buildMember(t, admin.organization);
    const targetBrowser = await signIn(t.app, target.username, TEST_PASSWORD);
    const key = await giveApiKey(t, target, admin.organizationId);
    const viaKey = withApiKey(t.app, key);
    expect((await viaKey({ method: 'GET', url: '/api/password-policy' })).statusCode).toBe(200);

    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const response = await reset(browser, target.id);
    expect(response.statusCode).toBe(202);
    expect(response.json().data).toEqual([{ type: 'users', id: target.id }]);

    const row = await userRow(t, target.id);
    expect(row.status).toBe('reset');
    expect(row.passwordHash).toBeNull();
    expect(await sessionCount(t, target.id)).toBe(0);
    expect((await targetBrowser.request({ method: 'GET', url: '/api/sessions/current' })).statusCode).toBe(
      401,
    );
    expect((await viaKey({ method: 'GET', url: '/api/sessions' })).statusCode).toBe(401);
    const signInAttempt = await t.app.inject({
      method: 'POST',
      url: '/api/sessions',
      headers: { 'content-type': JSONAPI },
      payload: {
        data: { type: 'sessions', attributes: { login: target.username, password: TEST_PASSWORD } },
      },
    });
    expect(signInAttempt.statusCode).toBe(401);
    expect(signInAttempt.json().errors[0].detail).toMatch(/reset by an administrator/);

    const token = await tokenFromMail(t, target.email);
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(response.body).not.toContain(token);
    const stored = await t.deps.db
      .selectFrom('passwordTokens')
      .select(['tokenHash', 'purpose', 'createdAt', 'expiresAt'])
      .where('userId', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(stored.tokenHash).toBe(sha256(token));
    expect(stored.purpose).toBe('admin_reset');
    expect(Date.parse(stored.expiresAt) - Date.parse(stored.createdAt)).toBe(24 * 3_600_000);
    expect(await auditActions(t, target.id)).toContain('password.reset_by_admin');

    // After 23 hours the link still works; the user chooses a password and signs in with it.
    t.clock.advance(23 * 3_600_000);
    const done = await t.app.inject({
      method: 'POST',
      url: '/api/password-resets',
      headers: { 'content-type': JSONAPI },
      payload: {
        data: { type: 'password-resets', attributes: { token, newPassword: 'chosen after the reset' } },
      },
    });
    expect(done.statusCode).toBe(204);
    expect((await userRow(t, target.id)).status).toBe('active');
    await signIn(t.app, target.username, 'chosen after the reset');
    expect((await viaKey({ method: 'GET', url: '/api/sessions' })).statusCode).toBe(200);
  });

  it('signs out an administrator who resets their own password, clearing the cookie', async () => {
    const admin = await buildAdmin(t);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const response = await reset(browser, 'me', { data: { type: 'password-resets', attributes: {} } });
    expect(response.statusCode).toBe(202);
    const cleared = response.cookies.find((c) => c.name === 'atrium_session');
    expect(cleared?.value).toBe('');
    expect((await browser.request({ method: 'GET', url: '/api/sessions/current' })).statusCode).toBe(401);
    expect((await userRow(t, admin.id)).status).toBe('reset');
  });

  it('rolls everything back when the email cannot be queued', async () => {
    const admin = await buildAdmin(t);
    const target = await buildUser(t, { organization: admin.organization, email: 'fine@example.com' });
    const targetBrowser = await signIn(t.app, target.username, TEST_PASSWORD);
    // An address the outbox refuses (a header injection attempt that slipped into the table).
    await t.deps.db
      .updateTable('users')
      .set({ email: 'bad\r\nBcc: x@evil.test' })
      .where('id', '=', target.id)
      .execute();
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const response = await reset(browser, target.id);
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    const row = await userRow(t, target.id);
    expect(row.status).toBe('active');
    expect(row.passwordHash).not.toBeNull();
    expect(await sessionCount(t, target.id)).toBe(1);
    expect((await targetBrowser.request({ method: 'GET', url: '/api/sessions/current' })).statusCode).toBe(
      200,
    );
    const tokens = await t.deps.db
      .selectFrom('passwordTokens')
      .select('id')
      .where('userId', '=', target.id)
      .execute();
    expect(tokens).toEqual([]);
    expect(await auditActions(t, target.id)).not.toContain('password.reset_by_admin');
  });
});

describe('POST /api/password-resets/bulk', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const bulk = (browser: Awaited<ReturnType<typeof signIn>>, ids: string[]) =>
    browser.request({
      method: 'POST',
      url: '/api/password-resets/bulk',
      payload: { data: ids.map((id) => ({ type: 'users', id })) },
    });

  it('resets several users at once, all or nothing', async () => {
    const admin = await buildAdmin(t);
    const first = await buildMember(t, admin.organization);
    const second = await buildMember(t, admin.organization);
    const stranger = await buildMember(t);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const member = await signIn(t.app, first.username, TEST_PASSWORD);
    expect((await bulk(member, [second.id])).statusCode).toBe(403);

    const mixed = await bulk(browser, [first.id, stranger.id, second.id]);
    expect(mixed.statusCode).toBe(404);
    expect(mixed.json().errors[0].source.pointer).toBe('/data/1/id');
    for (const user of [first, second, stranger]) expect((await userRow(t, user.id)).status).toBe('active');

    const tooMany = await bulk(
      browser,
      Array.from({ length: 101 }, () => first.id),
    );
    expect(tooMany.statusCode).toBe(422);
    const empty = await bulk(browser, []);
    expect(empty.statusCode).toBe(422);
    const wrongType = await browser.request({
      method: 'POST',
      url: '/api/password-resets/bulk',
      payload: { data: [{ type: 'password-resets', id: first.id }] },
    });
    expect(wrongType.statusCode).toBeGreaterThanOrEqual(400);

    const response = await bulk(browser, [first.id, second.id]);
    expect(response.statusCode).toBe(202);
    for (const user of [first, second]) {
      expect((await userRow(t, user.id)).status).toBe('reset');
      await tokenFromMail(t, user.email);
    }
    expect(await sessionCount(t, first.id)).toBe(0);
  });
});
