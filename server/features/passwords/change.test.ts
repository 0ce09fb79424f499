import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, JSONAPI, signIn, type TestApp, withApiKey } from '../../../tests/helpers/app';
import { buildOrganization, buildUser, TEST_PASSWORD } from '../../../tests/helpers/factories';
import { giveApiKey } from '../../../tests/helpers/scenarios';
import { writeSetting } from '../../platform/settings';
import { auditActions, countHashes, outboxFor, sessionCount, userRow } from './helpers.test-support';

const changeBody = (attributes: Record<string, unknown>) => ({
  data: { type: 'password-changes', attributes },
});

describe('GET /api/password-policy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers the system rules anonymously and the organization rules when signed in', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/password-policy' });
    expect(anonymous.statusCode).toBe(200);
    const system = anonymous.json().data;
    expect(system.type).toBe('password-policies');
    expect(system.attributes).toMatchObject({
      minLength: 12,
      maxLength: 1024,
      lowerCase: false,
      upperCase: false,
      numbers: false,
      specialChars: false,
      blocklist: true,
      contextWords: true,
    });
    // Each rule by a stable code with its numbers (a client words it), and in English for integrators.
    expect(system.attributes.rules[0]).toEqual({
      rule: 'length',
      min: 12,
      max: 1024,
      detail: expect.stringMatching(/At least 12 characters/),
    });
    expect(system.attributes.rules.map((rule: { rule: string }) => rule.rule)).toEqual([
      'length',
      'not_common',
      'no_context_words',
    ]);

    const user = await buildUser(t);
    await writeSetting(
      t.deps.db,
      t.clock,
      'organization',
      { organizationId: user.organizationId },
      'password.min_length',
      16,
    );
    await writeSetting(
      t.deps.db,
      t.clock,
      'organization',
      { organizationId: user.organizationId },
      'password.numbers',
      true,
    );
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const own = (await browser.request({ method: 'GET', url: '/api/password-policy' })).json().data
      .attributes;
    expect(own).toMatchObject({ minLength: 16, numbers: true });
    expect(own.rules.map((rule: { detail: string }) => rule.detail).join(' ')).toMatch(
      /At least 16 characters.*number/s,
    );
    expect(own.rules).toContainEqual(expect.objectContaining({ rule: 'length', min: 16 }));
    expect(own.rules).toContainEqual(expect.objectContaining({ rule: 'numbers' }));
    // The organization's rules do not leak to anonymous callers.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/password-policy' })).json().data.attributes.minLength,
    ).toBe(12);
  });
});

describe('POST /api/users/{id}/password-change', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const change = (
    browser: Awaited<ReturnType<typeof signIn>>,
    attributes: Record<string, unknown>,
    id = 'me',
  ) =>
    browser.request({
      method: 'POST',
      url: `/api/users/${id}/password-change`,
      payload: changeBody(attributes),
    });

  it('needs a signed-in user', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/users/me/password-change',
      headers: { 'content-type': JSONAPI },
      payload: changeBody({ currentPassword: 'x', newPassword: 'y' }),
    });
    expect(response.statusCode).toBe(401);
  });

  it('greets the person in the password email by their whole name, as the app writes it', async () => {
    const user = await buildUser(t, { firstName: 'Grace', lastName: 'Hopper' });
    await t.deps.db
      .updateTable('users')
      .set({ namePrefix: 'Rear Adm.', middleName: 'Brewster Murray', nameSuffix: 'PhD' })
      .where('id', '=', user.id)
      .execute();
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const changed = await change(browser, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a whole new passphrase',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const mail = (await outboxFor(t, user.email)).find((m) => m.template === 'password-changed');
    expect(mail?.textBody).toContain('Rear Adm. Grace Brewster Murray Hopper PhD');
  });

  it("refuses another user's id: 403 in my organization, 404 elsewhere", async () => {
    const user = await buildUser(t);
    const colleague = await buildUser(t, { organization: user.organization });
    const stranger = await buildUser(t);
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const attributes = { currentPassword: TEST_PASSWORD, newPassword: 'a whole new passphrase' };
    expect((await change(browser, attributes, colleague.id)).statusCode).toBe(403);
    expect((await change(browser, attributes, stranger.id)).statusCode).toBe(404);
    expect((await change(browser, attributes, 'not-an-id')).statusCode).toBe(404);
    expect((await userRow(t, colleague.id)).passwordHash).toBe((await userRow(t, user.id)).passwordHash);
  });

  it('refuses unknown members and wrong types (400) with a pointer', async () => {
    const user = await buildUser(t);
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const extra = await change(browser, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'x'.repeat(20),
      mustChange: false,
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().errors[0].source.pointer).toBe('/data/attributes/mustChange');
    const wrongType = await change(browser, { currentPassword: TEST_PASSWORD, newPassword: 123456789012 });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().errors[0].source.pointer).toBe('/data/attributes/newPassword');
    const wrongResource = await browser.request({
      method: 'POST',
      url: '/api/users/me/password-change',
      payload: { data: { type: 'password-sets', attributes: { currentPassword: 'a', newPassword: 'b' } } },
    });
    expect(wrongResource.statusCode).toBe(409);
    expect(wrongResource.json().errors[0].source.pointer).toBe('/data/type');
  });

  it('answers a wrong current password on currentPassword, and throttles guessing per user', async () => {
    const user = await buildUser(t);
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const before = (await userRow(t, user.id)).passwordHash;
    for (let i = 0; i < 5; i++) {
      const wrong = await change(browser, {
        currentPassword: 'not my password',
        newPassword: 'a whole new passphrase',
      });
      expect(wrong.statusCode).toBe(422);
      expect(wrong.json().errors[0]).toMatchObject({
        code: 'current_password_wrong',
        source: { pointer: '/data/attributes/currentPassword' },
      });
    }
    const limited = await change(browser, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a whole new passphrase',
    });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await userRow(t, user.id)).passwordHash).toBe(before);
    expect(await auditActions(t, user.id)).toContain('password.change_failed');
    // It does not lock the account's sign-in.
    await signIn(t.app, user.username, TEST_PASSWORD);
    t.clock.advance(16 * 60_000);
    const later = await (await signIn(t.app, user.username, TEST_PASSWORD)).request({
      method: 'POST',
      url: '/api/users/me/password-change',
      payload: changeBody({ currentPassword: TEST_PASSWORD, newPassword: 'a whole new passphrase' }),
    });
    expect(later.statusCode).toBe(200);
  });

  it('checks each policy rule and names it on newPassword', async () => {
    const organization = await buildOrganization(t, 'Blue Herons');
    const user = await buildUser(t, { organization, username: 'kestrel.admin' });
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const refuse = async (newPassword: string, code: string) => {
      const response = await change(browser, { currentPassword: TEST_PASSWORD, newPassword });
      expect(response.statusCode, newPassword).toBe(422);
      const error = response.json().errors.find((e: { code: string }) => e.code === code);
      expect(error?.source.pointer, `${newPassword} → ${code}`).toBe('/data/attributes/newPassword');
      return error;
    };
    // length in code points: 11 emoji are 22 UTF-16 units, still too short
    const tooShort = await refuse('🦊'.repeat(11), 'password_too_short');
    expect(tooShort.detail).toMatch(/at least 12 characters \(it has 11\)/);
    // The particulars in meta, for a client to say it in its own language.
    expect(tooShort.meta).toEqual({ rule: 'too_short', min: 12, length: 11 });
    await refuse(`e\u0301`.repeat(5), 'password_too_short');
    await refuse('my kestrel.admin passphrase', 'password_context_username');
    await refuse('we are the blue herons team', 'password_context_organization');
    await refuse('atrium is my favourite', 'password_context_product');
    await writeSetting(
      t.deps.db,
      t.clock,
      'organization',
      { organizationId: organization.id },
      'password.min_length',
      8,
    );
    await refuse('iloveyou', 'password_common_password');
    await refuse('QwertyUiop', 'password_common_password');
    for (const key of [
      'password.lower_case',
      'password.upper_case',
      'password.numbers',
      'password.special_chars',
    ] as const) {
      await writeSetting(t.deps.db, t.clock, 'organization', { organizationId: organization.id }, key, true);
    }
    const all = await change(browser, { currentPassword: TEST_PASSWORD, newPassword: 'plainlettersonly' });
    const codes = all.json().errors.map((e: { code: string }) => e.code);
    expect(codes).toEqual(['password_upper_case', 'password_numbers', 'password_special_chars']);
    const fine = await change(browser, { currentPassword: TEST_PASSWORD, newPassword: 'Ünïcode ok 7 🐦' });
    expect(fine.statusCode).toBe(200);
  });

  it('refuses more than 1024 characters before hashing, and accepts long phrases with spaces', async () => {
    const user = await buildUser(t);
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const hashes = countHashes(t);
    try {
      const tooLong = await change(browser, {
        currentPassword: TEST_PASSWORD,
        newPassword: '😀'.repeat(1025),
      });
      expect(tooLong.statusCode).toBe(422);
      expect(tooLong.json().errors[0]).toMatchObject({
        code: 'password_too_long',
        source: { pointer: '/data/attributes/newPassword' },
        meta: { rule: 'too_long', max: 1024 },
      });
      expect(hashes.count).toBe(0);
      const huge = await change(browser, {
        currentPassword: TEST_PASSWORD,
        newPassword: 'x'.repeat(100_000),
      });
      expect([400, 413, 422]).toContain(huge.statusCode);
      expect(hashes.count).toBe(0);
    } finally {
      hashes.restore();
    }
    const phrase = '  a long phrase with spaces, commas and 😀 — over sixty-four characters long   ';
    expect([...phrase].length).toBeGreaterThan(64);
    const ok = await change(browser, { currentPassword: TEST_PASSWORD, newPassword: phrase });
    expect(ok.statusCode).toBe(200);
    // Nothing was trimmed: the exact phrase signs in, the trimmed one does not.
    await signIn(t.app, user.username, phrase);
    await expect(signIn(t.app, user.username, phrase.trim())).rejects.toThrow(/401/);
  });

  it('changes the password: other sessions end, this one is rotated, links voided, email queued, audited', async () => {
    const user = await buildUser(t);
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const otherDevice = await signIn(t.app, user.username, TEST_PASSWORD);
    await t.app.inject({
      method: 'POST',
      url: '/api/password-reset-requests',
      headers: { 'content-type': JSONAPI },
      payload: { data: { type: 'password-reset-requests', attributes: { login: user.username } } },
    });
    const wakes = t.mailWakes();
    const newPassword = 'brand new secret phrase';
    const response = await change(browser, { currentPassword: TEST_PASSWORD, newPassword });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.data.type).toBe('sessions');
    expect(body.data.id).not.toBe(browser.sessionId);
    expect(body.data.attributes.csrfToken).toMatch(/^[0-9a-f]{64}$/);
    expect(body.data.attributes.csrfToken).not.toBe(browser.csrfToken);
    const cookie = response.cookies.find((c) => c.name === 'atrium_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(`atrium_session=${cookie?.value}`).not.toBe(browser.cookie);

    // The old cookie and the other device are signed out; the new cookie works.
    expect((await browser.request({ method: 'GET', url: '/api/sessions/current' })).statusCode).toBe(401);
    expect((await otherDevice.request({ method: 'GET', url: '/api/sessions/current' })).statusCode).toBe(401);
    const rotated = await t.app.inject({
      method: 'GET',
      url: '/api/sessions/current',
      headers: { cookie: `atrium_session=${cookie?.value}` },
    });
    expect(rotated.statusCode).toBe(200);
    expect(await sessionCount(t, user.id)).toBe(1);

    const row = await userRow(t, user.id);
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordChangedAt).toBe(t.clock.now().toISOString());
    const tokens = await t.deps.db
      .selectFrom('passwordTokens')
      .select('usedAt')
      .where('userId', '=', user.id)
      .execute();
    expect(tokens.length).toBe(1);
    expect(tokens.every((token) => token.usedAt !== null)).toBe(true);
    const mails = await outboxFor(t, user.email);
    expect(mails.map((m) => m.template)).toEqual(['password-reset', 'password-changed']);
    expect(mails[1]?.textBody).not.toContain(newPassword);
    expect(t.mailWakes()).toBeGreaterThan(wakes);
    expect(await auditActions(t, user.id)).toContain('password.changed');
    expect(response.body).not.toContain(cookie?.value);

    await expect(signIn(t.app, user.username, TEST_PASSWORD)).rejects.toThrow(/401/);
    await signIn(t.app, user.username, newPassword);
  });

  it('with an API key: 204, every session of the user ended, the key keeps working', async () => {
    const user = await buildUser(t);
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const key = await giveApiKey(t, user);
    const viaKey = withApiKey(t.app, key);
    const response = await viaKey({
      method: 'POST',
      url: `/api/users/${user.id}/password-change`,
      payload: changeBody({ currentPassword: TEST_PASSWORD, newPassword: 'changed by an integration' }),
    });
    expect(response.statusCode).toBe(204);
    expect(response.cookies).toEqual([]);
    expect(await sessionCount(t, user.id)).toBe(0);
    expect((await browser.request({ method: 'GET', url: '/api/sessions/current' })).statusCode).toBe(401);
    expect((await viaKey({ method: 'GET', url: '/api/password-policy' })).statusCode).toBe(200);
    await signIn(t.app, user.username, 'changed by an integration');
  });

  it('is the only thing a user who must change their password can do', async () => {
    const user = await buildUser(t, { mustChangePassword: true });
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const blocked = await browser.request({ method: 'GET', url: '/api/sessions' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().errors[0].code).toBe('password_change_required');
    expect((await browser.request({ method: 'GET', url: '/api/password-policy' })).statusCode).toBe(200);
    const response = await change(browser, {
      currentPassword: TEST_PASSWORD,
      newPassword: 'my very own passphrase',
    });
    expect(response.statusCode).toBe(200);
    expect((await userRow(t, user.id)).mustChangePassword).toBe(false);
    const cookie = response.cookies.find((c) => c.name === 'atrium_session');
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/sessions',
      headers: { cookie: `atrium_session=${cookie?.value}` },
    });
    expect(after.statusCode).toBe(200);
  });
});
