import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, JSONAPI, signIn, type TestApp } from '../../../tests/helpers/app';
import { buildAdmin, buildMember, buildUser, TEST_PASSWORD } from '../../../tests/helpers/factories';
import { auditActions, outboxFor, sessionCount, tokenFromMail, userRow } from './helpers.test-support';

let ipSequence = 0;
/** Each test speaks from its own address, so the per-IP budgets of one test do not spill over. */
const freshIp = () => `10.0.${Math.floor(++ipSequence / 250)}.${ipSequence % 250}`;

describe('Forgot your password? and the reset page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const requestReset = (login: string, ip = freshIp()) =>
    t.app.inject({
      method: 'POST',
      url: '/api/password-reset-requests',
      remoteAddress: ip,
      headers: { 'content-type': JSONAPI },
      payload: { data: { type: 'password-reset-requests', attributes: { login } } },
    });

  const completeReset = (token: string, newPassword: string, ip = freshIp()) =>
    t.app.inject({
      method: 'POST',
      url: '/api/password-resets',
      remoteAddress: ip,
      headers: { 'content-type': JSONAPI },
      payload: { data: { type: 'password-resets', attributes: { token, newPassword } } },
    });

  it('answers known and unknown logins alike, and changes nothing until the link is used', async () => {
    const user = await buildUser(t);
    const known = await requestReset(user.username);
    const knownByEmail = await requestReset(user.email.toUpperCase());
    const unknown = await requestReset('nobody-by-that-name');
    const unknownEmail = await requestReset('nobody@example.com');
    for (const response of [known, knownByEmail, unknown, unknownEmail]) {
      expect(response.statusCode).toBe(202);
      expect(response.body).toBe(known.body);
    }
    expect(known.json().meta.message).toMatch(/If an account matches/);
    // One email (the second request came within the minute), status and password unchanged.
    const mails = await outboxFor(t, user.email);
    expect(mails.map((m) => m.template)).toEqual(['password-reset']);
    expect((await userRow(t, user.id)).status).toBe('active');
    await signIn(t.app, user.username, TEST_PASSWORD);
    expect(await auditActions(t, user.id)).toContain('password.reset_requested');
  });

  it('sends at most one email per account per minute, silently', async () => {
    const user = await buildUser(t);
    const first = await requestReset(user.username);
    const second = await requestReset(user.email);
    expect(second.body).toBe(first.body);
    expect(await outboxFor(t, user.email)).toHaveLength(1);
    t.clock.advance(61_000);
    await requestReset(user.username);
    expect(await outboxFor(t, user.email)).toHaveLength(2);
  });

  it('limits requests per IP address with 429 and Retry-After', async () => {
    const ip = freshIp();
    for (let i = 0; i < 10; i++) expect((await requestReset(`someone-${i}`, ip)).statusCode).toBe(202);
    const limited = await requestReset('someone-else', ip);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses bad input: unknown members and wrong types', async () => {
    const extra = await t.app.inject({
      method: 'POST',
      url: '/api/password-reset-requests',
      headers: { 'content-type': JSONAPI },
      payload: { data: { type: 'password-reset-requests', attributes: { login: 'a', email: 'b' } } },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().errors[0].source.pointer).toBe('/data/attributes/email');
    const wrongType = await completeReset(42 as unknown as string, 'whatever it is now');
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().errors[0].source.pointer).toBe('/data/attributes/token');
  });

  it('resets with the link: sessions ended, every token voided, email, audit; no automatic sign-in', async () => {
    const user = await buildUser(t);
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    await requestReset(user.username);
    const firstToken = await tokenFromMail(t, user.email);
    t.clock.advance(61_000);
    await requestReset(user.username);
    const token = await tokenFromMail(t, user.email);
    expect(token).not.toBe(firstToken);

    const weak = await completeReset(token, 'short');
    expect(weak.statusCode).toBe(422);
    expect(weak.json().errors[0]).toMatchObject({
      code: 'password_too_short',
      source: { pointer: '/data/attributes/newPassword' },
    });

    const done = await completeReset(token, 'a fresh start for me');
    expect(done.statusCode).toBe(204);
    expect(done.cookies).toEqual([]);
    expect(await sessionCount(t, user.id)).toBe(0);
    expect((await browser.request({ method: 'GET', url: '/api/sessions/current' })).statusCode).toBe(401);
    const mails = await outboxFor(t, user.email);
    expect(mails.at(-1)?.template).toBe('password-changed');
    expect(mails.at(-1)?.textBody).not.toContain('a fresh start for me');
    expect(await auditActions(t, user.id)).toContain('password.reset_completed');
    await signIn(t.app, user.username, 'a fresh start for me');

    // The used token and the older one are both dead, with the same answer as an unknown one.
    const reused = await completeReset(token, 'and yet another one');
    const older = await completeReset(firstToken, 'and yet another one');
    const unknown = await completeReset('A'.repeat(43), 'and yet another one');
    for (const response of [reused, older, unknown]) {
      expect(response.statusCode).toBe(422);
      expect(response.json().errors[0]).toMatchObject({
        code: 'invalid_token',
        source: { pointer: '/data/attributes/token' },
      });
      expect(response.body).toBe(unknown.body);
    }
  });

  it('lets a self-service link expire after one hour', async () => {
    const user = await buildUser(t);
    await requestReset(user.username);
    const token = await tokenFromMail(t, user.email);
    t.clock.advance(59 * 60_000);
    expect((await completeReset(token, 'short')).statusCode).toBe(422);
    t.clock.advance(2 * 60_000);
    const expired = await completeReset(token, 'just in time? no');
    expect(expired.statusCode).toBe(422);
    expect(expired.json().errors[0].code).toBe('invalid_token');
    await signIn(t.app, user.username, TEST_PASSWORD);
  });

  it('checks the policy of the user’s organization', async () => {
    const admin = await buildAdmin(t);
    const user = await buildMember(t, admin.organization);
    const adminBrowser = await signIn(t.app, admin.username, TEST_PASSWORD);
    await adminBrowser.request({
      method: 'PATCH',
      url: '/api/settings/password.min_length',
      payload: {
        data: {
          type: 'settings',
          id: 'password.min_length',
          attributes: { scope: 'organization', value: 20 },
        },
      },
    });
    await requestReset(user.email);
    const token = await tokenFromMail(t, user.email);
    const short = await completeReset(token, 'only sixteen chr');
    expect(short.json().errors[0].detail).toMatch(/at least 20 characters/);
    expect((await completeReset(token, 'twenty characters or more')).statusCode).toBe(204);
  });

  it('throttles token guesses per IP address with 429 and Retry-After', async () => {
    const ip = freshIp();
    for (let i = 0; i < 10; i++) {
      expect((await completeReset(`guess-${i}`, 'whatever it is now', ip)).statusCode).toBe(422);
    }
    const limited = await completeReset('guess-11', 'whatever it is now', ip);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('sends no link to a disabled account, with the same answer', async () => {
    const user = await buildUser(t);
    await t.deps.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute();
    const response = await requestReset(user.username);
    expect(response.statusCode).toBe(202);
    expect(await outboxFor(t, user.email)).toEqual([]);
  });
});
