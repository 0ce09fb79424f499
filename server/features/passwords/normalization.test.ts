import { hash as rawArgon2Hash, verify as rawArgon2Verify } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, JSONAPI, signIn, type TestApp } from '../../../tests/helpers/app';
import { buildAdmin, buildOrganization, buildUser, TEST_PASSWORD } from '../../../tests/helpers/factories';
import { auditActions, tokenFromMail, userRow } from './helpers.test-support';

/** The same text twice: composed (NFC, what most keyboards send) and decomposed (NFD). */
const NFC = 'Crème-Brûlée-Façade-Noël'.normalize('NFC');
const NFD = NFC.normalize('NFD');

const signInStatus = async (t: TestApp, login: string, password: string) =>
  (
    await t.app.inject({
      method: 'POST',
      url: '/api/sessions',
      headers: { 'content-type': JSONAPI },
      payload: { data: { type: 'sessions', attributes: { login, password } } },
    })
  ).statusCode;

/** Stores a hash made from the text as typed, as Atrium did before passwords were normalized. */
async function giveLegacyHash(t: TestApp, userId: string, typed: string): Promise<string> {
  const legacy = await rawArgon2Hash(typed);
  await t.deps.db.updateTable('users').set({ passwordHash: legacy }).where('id', '=', userId).execute();
  return legacy;
}

describe('passwords are NFKC-normalized wherever they enter (NIST SP 800-63B §5.1.1.2)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the two spellings are different strings', () => {
    expect(NFC).not.toBe(NFD);
    expect(NFD.normalize('NFKC')).toBe(NFC);
  });

  it('own change in NFC, sign-in with NFD (and back)', async () => {
    const user = await buildUser(t);
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const changed = await browser.request({
      method: 'POST',
      url: '/api/users/me/password-change',
      payload: {
        data: { type: 'password-changes', attributes: { currentPassword: TEST_PASSWORD, newPassword: NFC } },
      },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await signInStatus(t, user.username, NFD)).toBe(201);
    expect(await signInStatus(t, user.username, NFC)).toBe(201);
    // The current password is compared normalized too, and "unchanged" sees through the spelling.
    const again = await signIn(t.app, user.username, NFD);
    const unchanged = await again.request({
      method: 'POST',
      url: '/api/users/me/password-change',
      payload: { data: { type: 'password-changes', attributes: { currentPassword: NFD, newPassword: NFC } } },
    });
    expect(unchanged.statusCode).toBe(422);
    expect(unchanged.json().errors[0].code).toBe('password_unchanged');
  });

  it("an administrator's Change Password in NFD, sign-in with NFC", async () => {
    const admin = await buildAdmin(t);
    const user = await buildUser(t, { organization: admin.organization });
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const set = await browser.request({
      method: 'POST',
      url: `/api/users/${user.id}/password-set`,
      payload: { data: { type: 'password-sets', attributes: { newPassword: NFD, mustChange: false } } },
    });
    expect(set.statusCode, set.body).toBe(204);
    expect(await signInStatus(t, user.username, NFC)).toBe(201);
  });

  it('Create User with NFD, sign-in with NFC', async () => {
    const admin = await buildAdmin(t);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const created = await browser.request({
      method: 'POST',
      url: '/api/users',
      payload: {
        data: {
          type: 'users',
          attributes: {
            username: 'anna.nfd',
            email: 'anna.nfd@example.com',
            firstName: 'Anna',
            lastName: 'Baker',
            password: NFD,
            mustChangePassword: false,
          },
        },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(await signInStatus(t, 'anna.nfd', NFC)).toBe(201);
  });

  it('a reset link used with NFD, sign-in with NFC', async () => {
    const user = await buildUser(t);
    await t.app.inject({
      method: 'POST',
      url: '/api/password-reset-requests',
      headers: { 'content-type': JSONAPI },
      payload: { data: { type: 'password-reset-requests', attributes: { login: user.username } } },
    });
    const token = await tokenFromMail(t, user.email);
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/password-resets',
      headers: { 'content-type': JSONAPI },
      payload: { data: { type: 'password-resets', attributes: { token, newPassword: NFD } } },
    });
    expect(reset.statusCode, reset.body).toBe(204);
    expect(await signInStatus(t, user.username, NFC)).toBe(201);
  });

  it('a hash made before normalization still signs in (as typed), and is replaced by the normalized one', async () => {
    const user = await buildUser(t);
    const legacy = await giveLegacyHash(t, user.id, NFD);
    const changedAt = (await userRow(t, user.id)).passwordChangedAt;
    // Typed the way it was set: the old hash matches the text as typed.
    expect(await signInStatus(t, user.username, NFD)).toBe(201);
    const upgraded = (await userRow(t, user.id)).passwordHash as string;
    expect(upgraded).not.toBe(legacy);
    expect(await rawArgon2Verify(upgraded, NFC)).toBe(true);
    // From now on either spelling works, and a wrong password still does not.
    expect(await signInStatus(t, user.username, NFC)).toBe(201);
    expect(await signInStatus(t, user.username, `${NFC}!`)).toBe(401);
    // An upgrade is not a password change: nothing else moved.
    expect((await userRow(t, user.id)).passwordChangedAt).toBe(changedAt);
  });

  it('a hash made from NFC before normalization accepts the NFD spelling at once', async () => {
    const user = await buildUser(t);
    const legacy = await giveLegacyHash(t, user.id, NFC);
    expect(await signInStatus(t, user.username, NFD)).toBe(201);
    expect((await userRow(t, user.id)).passwordHash).toBe(legacy);
  });

  it('the current-password check accepts a pre-normalization hash and upgrades it', async () => {
    const user = await buildUser(t);
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const legacy = await giveLegacyHash(t, user.id, NFD);
    const response = await browser.request({
      method: 'PATCH',
      url: '/api/users/me',
      payload: {
        data: { type: 'users', attributes: { email: `moved.${user.email}`, currentPassword: NFD } },
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const upgraded = (await userRow(t, user.id)).passwordHash as string;
    expect(upgraded).not.toBe(legacy);
    expect(await rawArgon2Verify(upgraded, NFC)).toBe(true);
  });
});

describe('one current-password check for every form that asks for it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers the same code on both forms and shares one budget of 5 wrong tries in 15 minutes', async () => {
    const organization = await buildOrganization(t);
    const user = await buildUser(t, { organization });
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const emailChange = (currentPassword: string) =>
      browser.request({
        method: 'PATCH',
        url: '/api/users/me',
        payload: { data: { type: 'users', attributes: { email: `next.${user.email}`, currentPassword } } },
      });
    const passwordChange = (currentPassword: string) =>
      browser.request({
        method: 'POST',
        url: '/api/users/me/password-change',
        payload: {
          data: {
            type: 'password-changes',
            attributes: { currentPassword, newPassword: 'a whole new passphrase' },
          },
        },
      });
    for (let i = 0; i < 3; i++) {
      const wrong = await emailChange('not my password');
      expect(wrong.statusCode).toBe(422);
      expect(wrong.json().errors[0]).toMatchObject({
        code: 'current_password_wrong',
        source: { pointer: '/data/attributes/currentPassword' },
      });
    }
    for (let i = 0; i < 2; i++) {
      const wrong = await passwordChange('not my password');
      expect(wrong.json().errors[0].code).toBe('current_password_wrong');
    }
    // Five wrong answers across the two forms: both are closed now, even to the right password.
    const limitedEmail = await emailChange(TEST_PASSWORD);
    expect(limitedEmail.statusCode).toBe(429);
    expect(Number(limitedEmail.headers['retry-after'])).toBeGreaterThan(0);
    expect((await passwordChange(TEST_PASSWORD)).statusCode).toBe(429);
    expect(await auditActions(t, user.id)).toContain('password.change_failed');
    t.clock.advance(16 * 60_000);
    expect((await emailChange(TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('asks for the current password on an email change (422 current_password_required)', async () => {
    const user = await buildUser(t);
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const missing = await browser.request({
      method: 'PATCH',
      url: '/api/users/me',
      payload: { data: { type: 'users', attributes: { email: `other.${user.email}` } } },
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors[0]).toMatchObject({
      code: 'current_password_required',
      source: { pointer: '/data/attributes/currentPassword' },
    });
  });
});
