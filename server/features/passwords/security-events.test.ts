import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, createTestApp, JSONAPI, signIn, type TestApp } from '../../../tests/helpers/app';
import { type BuiltUser, buildAdmin, buildUser, TEST_PASSWORD } from '../../../tests/helpers/factories';
import { runCli } from '../../cli/index';
import { outboxFor, tokenFromMail } from './helpers.test-support';

/**
 * Issue 12 item 1 (ASVS 11.5.1): every outstanding password-reset link and email-verification
 * token dies when the account's primary email, password, status or enabled flag changes — on
 * every path that changes them.
 */
describe('links die on every security event of the account', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A "Forgot your password?" link for the user (one a minute per account: the clock moves on). */
  async function requestResetLink(user: { username: string; email: string }): Promise<string> {
    t.clock.advance(61_000);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/password-reset-requests',
      headers: { 'content-type': JSONAPI },
      payload: { data: { type: 'password-reset-requests', attributes: { login: user.username } } },
    });
    expect(response.statusCode).toBe(202);
    return tokenFromMail(t, user.email);
  }

  /** An unverified additional address and the token of its verification link. */
  async function addressToVerify(browser: Browser, user: BuiltUser): Promise<string> {
    const address = `extra.${user.username}@example.net`;
    const response = await browser.request({
      method: 'PATCH',
      url: '/api/users/me',
      payload: { data: { type: 'users', attributes: { additionalEmails: [address] } } },
    });
    expect(response.statusCode, response.body).toBe(200);
    const mail = (await outboxFor(t, address)).find((m) => m.template === 'email-verification');
    const match = /\/verify-email#token=([A-Za-z0-9_%-]+)/.exec(mail?.textBody ?? '');
    if (!match?.[1]) throw new Error(`no verification link to ${address}`);
    return decodeURIComponent(match[1]);
  }

  const spendResetLink = (token: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/password-resets',
      headers: { 'content-type': JSONAPI },
      payload: {
        data: { type: 'password-resets', attributes: { token, newPassword: 'a fresh start for me 42' } },
      },
    });
  const spendVerificationLink = (token: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/email-verifications',
      headers: { 'content-type': JSONAPI },
      payload: { data: { type: 'email-verifications', attributes: { token } } },
    });

  async function expectDead(links: { reset: string; verification?: string }) {
    const reset = await spendResetLink(links.reset);
    expect(reset.statusCode, reset.body).toBe(422);
    expect(reset.json().errors[0]).toMatchObject({
      code: 'invalid_token',
      source: { pointer: '/data/attributes/token' },
    });
    if (links.verification) {
      const verification = await spendVerificationLink(links.verification);
      expect(verification.statusCode, verification.body).toBe(422);
      expect(verification.json().errors[0].code).toBe('invalid_token');
    }
  }

  async function memberWithLinks(organization?: Awaited<ReturnType<typeof buildAdmin>>['organization']) {
    // A fresh per-IP budget of link attempts for each case (10 per 10 minutes; links live an hour).
    t.clock.advance(10 * 60_000 + 1000);
    const user = await buildUser(t, organization ? { organization } : {});
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const verification = await addressToVerify(browser, user);
    const reset = await requestResetLink(user);
    return { user, browser, links: { reset, verification } };
  }

  it('a link that nothing voided still works (the control case)', async () => {
    const { links } = await memberWithLinks();
    expect((await spendVerificationLink(links.verification)).statusCode).toBe(204);
    expect((await spendResetLink(links.reset)).statusCode).toBe(204);
  });

  it('the user changes their own primary email', async () => {
    const { user, browser, links } = await memberWithLinks();
    const response = await browser.request({
      method: 'PATCH',
      url: '/api/users/me',
      payload: {
        data: { type: 'users', attributes: { email: `new.${user.email}`, currentPassword: TEST_PASSWORD } },
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    await expectDead(links);
  });

  it('an administrator corrects the email after an admin Reset Password: the reset link dies too', async () => {
    const admin = await buildAdmin(t);
    const { user, links } = await memberWithLinks(admin.organization);
    const adminBrowser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const reset = await adminBrowser.request({ method: 'POST', url: `/api/users/${user.id}/password-reset` });
    expect(reset.statusCode).toBe(202);
    const adminLink = await tokenFromMail(t, user.email);
    const corrected = await adminBrowser.request({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      payload: { data: { type: 'users', attributes: { email: `corrected.${user.email}` } } },
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    await expectDead({ reset: adminLink, verification: links.verification });
    // The self-service link from before the admin reset was already dead.
    await expectDead({ reset: links.reset });
  });

  it("an administrator's Reset Password voids older links (the new one works)", async () => {
    const admin = await buildAdmin(t);
    const { user, links } = await memberWithLinks(admin.organization);
    const adminBrowser = await signIn(t.app, admin.username, TEST_PASSWORD);
    expect(
      (await adminBrowser.request({ method: 'POST', url: `/api/users/${user.id}/password-reset` }))
        .statusCode,
    ).toBe(202);
    await expectDead(links);
    expect((await spendResetLink(await tokenFromMail(t, user.email))).statusCode).toBe(204);
  });

  it("an administrator's Change Password", async () => {
    const admin = await buildAdmin(t);
    const { user, links } = await memberWithLinks(admin.organization);
    const adminBrowser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const set = await adminBrowser.request({
      method: 'POST',
      url: `/api/users/${user.id}/password-set`,
      payload: { data: { type: 'password-sets', attributes: { newPassword: 'set by the admin 1234' } } },
    });
    expect(set.statusCode, set.body).toBe(204);
    await expectDead(links);
  });

  it('the user changes their own password', async () => {
    const { browser, links } = await memberWithLinks();
    const changed = await browser.request({
      method: 'POST',
      url: '/api/users/me/password-change',
      payload: {
        data: {
          type: 'password-changes',
          attributes: { currentPassword: TEST_PASSWORD, newPassword: 'my own new passphrase' },
        },
      },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    await expectDead(links);
  });

  it('using one reset link voids the others and the verification links', async () => {
    const { user, links } = await memberWithLinks();
    const second = await requestResetLink(user);
    expect((await spendResetLink(second)).statusCode).toBe(204);
    await expectDead(links);
  });

  it('disabling, and then enabling, each void the links', async () => {
    const admin = await buildAdmin(t);
    const { user, links } = await memberWithLinks(admin.organization);
    const adminBrowser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const setEnabled = (enabled: boolean) =>
      adminBrowser.request({
        method: 'PATCH',
        url: `/api/users/${user.id}`,
        payload: { data: { type: 'users', attributes: { enabled } } },
      });
    expect((await setEnabled(false)).statusCode).toBe(200);
    expect((await setEnabled(true)).statusCode).toBe(200);
    await expectDead(links);
    // A link issued while disabled cannot exist (requests are refused), and one issued after
    // enabling dies on the next disable.
    const later = await requestResetLink(user);
    expect((await setEnabled(false)).statusCode).toBe(200);
    expect((await setEnabled(true)).statusCode).toBe(200);
    await expectDead({ reset: later });
  });

  it('the CLI user:set-password', async () => {
    const { user, links } = await memberWithLinks();
    const code = await runCli(
      ['user:set-password', user.username, '--password-stdin'],
      { out: () => {}, err: () => {}, readStdin: async () => 'set from the shell 4242\n' },
      { env: { DATA_DIR: t.database.dataDir, LOG_LEVEL: 'silent' }, database: t.database, clock: t.clock },
    );
    expect(code).toBe(0);
    await expectDead(links);
  });

  it('a change that is no security event (a name) leaves the links alone', async () => {
    const { browser, links } = await memberWithLinks();
    const renamed = await browser.request({
      method: 'PATCH',
      url: '/api/users/me',
      payload: { data: { type: 'users', attributes: { firstName: 'Renamed' } } },
    });
    expect(renamed.statusCode).toBe(200);
    expect((await spendVerificationLink(links.verification)).statusCode).toBe(204);
    expect((await spendResetLink(links.reset)).statusCode).toBe(204);
  });
});

/** Issue 12 item 2: enabling restores the state the account had before it was disabled. */
describe('disable then enable restores, never invents, the account state', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const status = async (id: string) =>
    (
      await t.deps.db
        .selectFrom('users')
        .select(['status', 'passwordHash'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).status;

  it('a pending admin reset stays `reset` after disable + enable, and its API key stays refused', async () => {
    const admin = await buildAdmin(t);
    const user = await buildUser(t, { organization: admin.organization });
    const { giveApiKey } = await import('../../../tests/helpers/scenarios');
    const { withApiKey } = await import('../../../tests/helpers/app');
    const key = await giveApiKey(t, user);
    const asKey = withApiKey(t.app, key);
    expect((await asKey({ method: 'GET', url: '/api/users/me' })).statusCode).toBe(200);
    const adminBrowser = await signIn(t.app, admin.username, TEST_PASSWORD);
    expect(
      (await adminBrowser.request({ method: 'POST', url: `/api/users/${user.id}/password-reset` }))
        .statusCode,
    ).toBe(202);
    const setEnabled = (enabled: boolean) =>
      adminBrowser.request({
        method: 'PATCH',
        url: `/api/users/${user.id}`,
        payload: { data: { type: 'users', attributes: { enabled } } },
      });
    expect((await setEnabled(false)).statusCode).toBe(200);
    expect(await status(user.id)).toBe('disabled');
    const enabled = await setEnabled(true);
    expect(enabled.statusCode).toBe(200);
    expect(enabled.json().data.attributes.status).toBe('reset');
    expect(await status(user.id)).toBe('reset');
    expect((await asKey({ method: 'GET', url: '/api/users/me' })).statusCode).toBe(401);
    // Signing in still answers "your password was reset".
    const signInAttempt = await t.app.inject({
      method: 'POST',
      url: '/api/sessions',
      headers: { 'content-type': JSONAPI },
      payload: { data: { type: 'sessions', attributes: { login: user.username, password: TEST_PASSWORD } } },
    });
    expect(signInAttempt.json().errors[0].code).toBe('password_reset_required');
  });

  it('an active user comes back active; a password set while disabled makes a pending reset active', async () => {
    const admin = await buildAdmin(t);
    const adminBrowser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const setEnabled = (id: string, enabled: boolean) =>
      adminBrowser.request({
        method: 'PATCH',
        url: `/api/users/${id}`,
        payload: { data: { type: 'users', attributes: { enabled } } },
      });
    const active = await buildUser(t, { organization: admin.organization });
    expect((await setEnabled(active.id, false)).statusCode).toBe(200);
    expect((await setEnabled(active.id, true)).statusCode).toBe(200);
    expect(await status(active.id)).toBe('active');

    const pending = await buildUser(t, { organization: admin.organization });
    await adminBrowser.request({ method: 'POST', url: `/api/users/${pending.id}/password-reset` });
    expect((await setEnabled(pending.id, false)).statusCode).toBe(200);
    const set = await adminBrowser.request({
      method: 'POST',
      url: `/api/users/${pending.id}/password-set`,
      payload: { data: { type: 'password-sets', attributes: { newPassword: 'chosen while disabled 77' } } },
    });
    expect(set.statusCode).toBe(204);
    expect(await status(pending.id)).toBe('disabled');
    expect((await setEnabled(pending.id, true)).statusCode).toBe(200);
    expect(await status(pending.id)).toBe('active');
  });
});
