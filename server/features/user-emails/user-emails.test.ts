import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, createTestApp, JSONAPI, signIn, type TestApp } from '../../../tests/helpers/app';
import {
  type BuiltOrganization,
  buildOrganization,
  buildUser,
  TEST_PASSWORD,
} from '../../../tests/helpers/factories';
import { signedInUser } from '../../../tests/helpers/scenarios';
import { sha256 } from '../../platform/secrets';

describe('additional emails and their verification', () => {
  let t: TestApp;
  let organization: BuiltOrganization;
  beforeAll(async () => {
    t = await createTestApp();
    organization = await buildOrganization(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const member = () => signedInUser(t, { organization });

  const setEmails = (browser: Browser, additionalEmails: unknown) =>
    browser.request({
      method: 'PATCH',
      url: '/api/users/me',
      payload: { data: { type: 'users', attributes: { additionalEmails } } },
    });

  const verify = (token: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/email-verifications',
      headers: { 'content-type': JSONAPI, ...headers },
      payload: { data: { type: 'email-verifications', attributes: { token } } },
    });

  /** The token of the verification email sent to an address, read from the outbox row. */
  async function tokenSentTo(address: string): Promise<string> {
    const mail = await t.deps.db
      .selectFrom('mailOutbox')
      .select(['textBody', 'template'])
      .where('toAddress', '=', address)
      .where('template', '=', 'email-verification')
      .orderBy('createdAt', 'desc')
      .executeTakeFirstOrThrow();
    const match = /\/verify-email#token=([A-Za-z0-9_-]+)/.exec(mail.textBody);
    if (!match?.[1]) throw new Error(`no verification link in: ${mail.textBody}`);
    return match[1];
  }

  async function emailRows(userId: string) {
    return t.deps.db
      .selectFrom('userEmails')
      .select(['email', 'verifiedAt', 'position'])
      .where('userId', '=', userId)
      .orderBy('position')
      .execute();
  }

  it('adds addresses unverified, sends each a 24-hour link stored only as a hash, and removes addresses', async () => {
    const { user, browser } = await member();
    const first = `first_${user.username}@example.net`;
    const second = `second_${user.username}@example.net`;
    const wakes = t.mailWakes();
    const response = await setEmails(browser, [first, second]);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().data.attributes.additionalEmails).toEqual([
      { email: first, verified: false },
      { email: second, verified: false },
    ]);
    expect(t.mailWakes()).toBe(wakes + 1);
    const token = await tokenSentTo(first);
    const stored = await t.deps.db
      .selectFrom('emailVerifications')
      .select(['tokenHash', 'expiresAt'])
      .execute();
    expect(stored.map((row) => row.tokenHash)).toContain(sha256(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    const row = stored.find((r) => r.tokenHash === sha256(token));
    expect(Date.parse(row?.expiresAt ?? '') - t.clock.now().getTime()).toBe(24 * 3_600_000);
    expect(response.body).not.toContain(token);

    // Remove the first, keep the second (no new email for it).
    const outboxBefore = await t.deps.db.selectFrom('mailOutbox').select('id').execute();
    const removed = await setEmails(browser, [second]);
    expect(removed.statusCode).toBe(200);
    expect(await emailRows(user.id)).toEqual([{ email: second, verifiedAt: null, position: 0 }]);
    const outboxAfter = await t.deps.db.selectFrom('mailOutbox').select('id').execute();
    expect(outboxAfter).toHaveLength(outboxBefore.length);
    // The removed address's link is dead.
    expect((await verify(token)).statusCode).toBe(422);
  });

  it('verifies an address with its token once; used, expired and unknown tokens get the same answer', async () => {
    const { user, browser } = await member();
    const address = `verify_${user.username}@example.net`;
    await setEmails(browser, [address]);
    const token = await tokenSentTo(address);
    const ok = await verify(token);
    expect(ok.statusCode, ok.body).toBe(204);
    const read = await browser.request({ method: 'GET', url: '/api/users/me' });
    expect(read.json().data.attributes.additionalEmails).toEqual([{ email: address, verified: true }]);
    const audit = await t.deps.db
      .selectFrom('auditEvents')
      .select('action')
      .where('subjectUserId', '=', user.id)
      .where('action', '=', 'email.verified')
      .execute();
    expect(audit).toHaveLength(1);

    const used = await verify(token);
    const unknown = await verify('x'.repeat(43));
    expect(used.statusCode).toBe(422);
    expect(used.body).toBe(unknown.body);
    expect(used.json().errors[0]).toMatchObject({
      code: 'invalid_token',
      source: { pointer: '/data/attributes/token' },
    });

    const late = `late_${user.username}@example.net`;
    await setEmails(browser, [address, late]);
    const lateToken = await tokenSentTo(late);
    t.clock.advance(24 * 3_600_000 + 1);
    const expired = await verify(lateToken);
    expect(expired.statusCode).toBe(422);
    expect(expired.body).toBe(unknown.body);
    // Keeping a verified address keeps it verified.
    const again = await signIn(t.app, user.username, TEST_PASSWORD);
    const read2 = await again.request({ method: 'GET', url: '/api/users/me' });
    expect(read2.json().data.attributes.additionalEmails).toEqual([
      { email: address, verified: true },
      { email: late, verified: false },
    ]);
  });

  it('refuses malformed verification bodies and limits guesses per IP', async () => {
    expect((await verify(42)).statusCode).toBe(400);
    expect((await verify('')).statusCode).toBe(422);
    const headers = { 'x-forwarded-for': '198.51.100.7' };
    const limited = await createTestApp({ env: { TRUST_PROXY: '127.0.0.1' } });
    try {
      const guess = () =>
        limited.app.inject({
          method: 'POST',
          url: '/api/email-verifications',
          headers: { 'content-type': JSONAPI, ...headers },
          payload: { data: { type: 'email-verifications', attributes: { token: 'guess' } } },
        });
      for (let i = 0; i < 20; i++) expect((await guess()).statusCode).toBe(422);
      const blocked = await guess();
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });

  it('refuses duplicates in the list, the primary address, and addresses of other users (409)', async () => {
    const { user, browser } = await member();
    const other = await buildUser(t, { organization });
    const outsider = await buildUser(t);
    const twice = await setEmails(browser, ['dup@example.net', 'DUP@example.net']);
    expect(twice.statusCode).toBe(422);
    expect(twice.json().errors[0].source.pointer).toBe('/data/attributes/additionalEmails/1');
    const primary = await setEmails(browser, [user.email.toUpperCase()]);
    expect(primary.statusCode).toBe(422);
    expect(primary.json().errors[0].source.pointer).toBe('/data/attributes/additionalEmails/0');
    const taken = await setEmails(browser, ['free@example.net', other.email.toUpperCase()]);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors[0]).toMatchObject({
      code: 'email_taken',
      source: { pointer: '/data/attributes/additionalEmails/1' },
    });
    expect((await setEmails(browser, [outsider.email])).statusCode).toBe(409);
    const invalid = await setEmails(browser, ['fine@example.net', 'not an email']);
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().errors[0].source.pointer).toBe('/data/attributes/additionalEmails/1');
    expect(await emailRows(user.id)).toEqual([]);

    // Someone's additional address cannot become another user's primary address either.
    await setEmails(browser, [`mine_${user.username}@example.net`]);
    const otherBrowser = await signIn(t.app, other.username, TEST_PASSWORD);
    const grab = await otherBrowser.request({
      method: 'PATCH',
      url: '/api/users/me',
      payload: {
        data: {
          type: 'users',
          attributes: { email: `MINE_${user.username}@example.net`, currentPassword: TEST_PASSWORD },
        },
      },
    });
    expect(grab.statusCode).toBe(409);
    expect(grab.json().errors[0].source.pointer).toBe('/data/attributes/email');
  });

  it('rolls back everything when one part of the update fails: no address, no link, no email', async () => {
    const { user, browser } = await member();
    const other = await buildUser(t, { organization });
    const outboxBefore = (await t.deps.db.selectFrom('mailOutbox').select('id').execute()).length;
    const response = await browser.request({
      method: 'PATCH',
      url: '/api/users/me',
      payload: {
        data: {
          type: 'users',
          attributes: {
            firstName: 'Changed',
            additionalEmails: [`fresh_${user.username}@example.net`],
            username: other.username,
          },
        },
      },
    });
    expect(response.statusCode).toBe(409);
    expect(await emailRows(user.id)).toEqual([]);
    expect((await t.deps.db.selectFrom('mailOutbox').select('id').execute()).length).toBe(outboxBefore);
    const stored = await t.deps.db
      .selectFrom('users')
      .select(['firstName', 'version'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ firstName: 'Test', version: 1 });
  });
});
