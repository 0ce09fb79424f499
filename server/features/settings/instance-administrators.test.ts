import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, createTestApp, JSONAPI, signIn, type TestApp } from '../../../tests/helpers/app';
import {
  buildAdmin,
  buildInstanceAdmin,
  buildMember,
  buildUser,
  TEST_PASSWORD,
} from '../../../tests/helpers/factories';
import { ensureFirstAdministrator } from '../users/bootstrap';

/**
 * Issue 12 item 3: system-wide settings and every instance-wide power belong to instance
 * administrators — the first administrator and those they appoint — never to a role inside an
 * organization, whoever created it.
 */
describe('instance administrators', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const setSetting = (browser: Browser, key: string, scope: string, value: unknown) =>
    browser.request({
      method: 'PATCH',
      url: `/api/settings/${key}`,
      payload: { data: { type: 'settings', id: key, attributes: { scope, value } } },
    });
  const appoint = (browser: Browser, userId: string, instanceAdministrator: unknown) =>
    browser.request({
      method: 'PATCH',
      url: `/api/users/${userId}`,
      payload: { data: { type: 'users', attributes: { instanceAdministrator } } },
    });
  const permissionsOf = async (browser: Browser): Promise<string[]> =>
    (await browser.request({ method: 'GET', url: '/api/userprofile' })).json().data.meta.permissions;

  it('the first administrator created at first start is one', async () => {
    const fresh = await createTestApp();
    try {
      await ensureFirstAdministrator(fresh.deps, () => {});
      const browser = await signIn(
        fresh.app,
        fresh.config.admin.username,
        fresh.config.admin.password as string,
      );
      expect(await permissionsOf(browser)).toContain('system.settings');
      expect((await setSetting(browser, 'password.min_length', 'system', 14)).statusCode).toBe(200);
    } finally {
      await fresh.close();
    }
  });

  it("the creator of an organization is its Administrator, not the instance's", async () => {
    // An Administrator of organization A (organizations.manage) creates organization B.
    const someone = await buildAdmin(t);
    const browser = await signIn(t.app, someone.username, TEST_PASSWORD);
    const created = await browser.request({
      method: 'POST',
      url: '/api/organizations',
      payload: { data: { type: 'organizations', attributes: { name: `Org B ${someone.username}` } } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const switched = await browser.request({
      method: 'PATCH',
      url: '/api/sessions/current',
      payload: {
        data: {
          type: 'sessions',
          relationships: { organization: { data: { type: 'organizations', id: created.json().data.id } } },
        },
      },
    });
    expect(switched.statusCode).toBe(200);
    const permissions = await permissionsOf(browser);
    expect(permissions).toContain('roles.manage');
    expect(permissions).not.toContain('system.settings');
    // The report's case: organization B's Administrator sets "include the password in the email" system-wide.
    const system = await setSetting(browser, 'password.include_in_email', 'system', true);
    expect(system.statusCode).toBe(403);
    expect((await browser.request({ method: 'GET', url: '/api/settings?scope=system' })).statusCode).toBe(
      403,
    );
    // Their own organization's settings are theirs.
    expect((await setSetting(browser, 'password.include_in_email', 'organization', true)).statusCode).toBe(
      200,
    );
  });

  it('no role grants system.settings: not the seeded Administrator role, not an edited one', async () => {
    const admin = await buildAdmin(t);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    expect(await permissionsOf(browser)).not.toContain('system.settings');
    expect((await setSetting(browser, 'lockout.threshold', 'system', 3)).statusCode).toBe(403);
    const roles = (await browser.request({ method: 'GET', url: '/api/roles' })).json().data;
    for (const role of roles) expect(role.attributes.permissions).not.toContain('system.settings');
    const administratorRole = admin.organization.roleIds.Administrator as string;
    const edit = await browser.request({
      method: 'PATCH',
      url: `/api/roles/${administratorRole}`,
      payload: {
        data: {
          type: 'roles',
          id: administratorRole,
          attributes: { permissions: ['users.view', 'roles.manage', 'system.settings'] },
        },
      },
    });
    expect(edit.statusCode).toBe(422);
    expect(edit.json().errors[0]).toMatchObject({
      code: 'instance_permission',
      source: { pointer: '/data/attributes/permissions/2' },
    });
    // A role row that still names it (written before the migration) grants nothing instance-wide.
    await t.deps.db
      .updateTable('roles')
      .set({ permissions: JSON.stringify(['users.view', 'roles.manage', 'system.settings']) })
      .where('id', '=', admin.organization.roleIds.Manager as string)
      .execute();
    const manager = await buildUser(t, { organization: admin.organization, roles: ['Manager'] });
    const managerBrowser = await signIn(t.app, manager.username, TEST_PASSWORD);
    expect(await permissionsOf(managerBrowser)).not.toContain('system.settings');
    expect((await setSetting(managerBrowser, 'lockout.threshold', 'system', 3)).statusCode).toBe(403);
  });

  it('an instance administrator appoints another (audited), who then sets system settings', async () => {
    const instanceAdmin = await buildInstanceAdmin(t);
    const colleague = await buildAdmin(t, instanceAdmin.organization);
    const browser = await signIn(t.app, instanceAdmin.username, TEST_PASSWORD);
    expect((await setSetting(browser, 'lockout.threshold', 'system', 12)).statusCode).toBe(200);

    const colleagueBrowser = await signIn(t.app, colleague.username, TEST_PASSWORD);
    expect((await setSetting(colleagueBrowser, 'lockout.threshold', 'system', 11)).statusCode).toBe(403);
    // Not an instance administrator: cannot appoint anyone, not even themselves.
    expect((await appoint(colleagueBrowser, colleague.id, true)).statusCode).toBe(403);
    expect((await appoint(colleagueBrowser, 'me', true)).statusCode).toBe(403);

    const appointed = await appoint(browser, colleague.id, true);
    expect(appointed.statusCode, appointed.body).toBe(200);
    expect((await setSetting(colleagueBrowser, 'lockout.threshold', 'system', 11)).statusCode).toBe(200);
    const audit = await t.deps.db
      .selectFrom('auditEvents')
      .select(['action', 'actorUserId'])
      .where('subjectUserId', '=', colleague.id)
      .where('action', 'like', 'user.instance_administrator%')
      .execute();
    expect(audit).toEqual([
      { action: 'user.instance_administrator_appointed', actorUserId: instanceAdmin.id },
    ]);

    // Nobody dismisses themselves (someone must keep the power); another one can.
    const self = await appoint(colleagueBrowser, 'me', false);
    expect(self.statusCode).toBe(422);
    expect(self.json().errors[0]).toMatchObject({
      code: 'cannot_dismiss_self',
      source: { pointer: '/data/attributes/instanceAdministrator' },
    });
    expect((await appoint(browser, colleague.id, false)).statusCode).toBe(200);
    expect((await setSetting(colleagueBrowser, 'lockout.threshold', 'system', 10)).statusCode).toBe(403);
    await t.app.inject({ method: 'GET', url: '/healthz' });
    expect((await setSetting(browser, 'lockout.threshold', 'system', null)).statusCode).toBe(200);
  });

  it('appointing: unauthenticated 401, wrong type 400, another organization’s user 404', async () => {
    const instanceAdmin = await buildInstanceAdmin(t);
    const stranger = await buildMember(t);
    const anonymous = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${stranger.id}`,
      headers: { 'content-type': JSONAPI },
      payload: { data: { type: 'users', attributes: { instanceAdministrator: true } } },
    });
    expect(anonymous.statusCode).toBe(401);
    const browser = await signIn(t.app, instanceAdmin.username, TEST_PASSWORD);
    const wrongType = await appoint(browser, stranger.id, 'yes');
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().errors[0].source.pointer).toBe('/data/attributes/instanceAdministrator');
    expect((await appoint(browser, stranger.id, true)).statusCode).toBe(404);
  });

  it("an organization's administrator cannot take over an instance administrator's account", async () => {
    const instanceAdmin = await buildInstanceAdmin(t);
    const orgAdmin = await buildAdmin(t, instanceAdmin.organization);
    const browser = await signIn(t.app, orgAdmin.username, TEST_PASSWORD);
    const reset = await browser.request({
      method: 'POST',
      url: `/api/users/${instanceAdmin.id}/password-reset`,
    });
    expect(reset.statusCode).toBe(403);
    const set = await browser.request({
      method: 'POST',
      url: `/api/users/${instanceAdmin.id}/password-set`,
      payload: { data: { type: 'password-sets', attributes: { newPassword: 'taken over at last 123' } } },
    });
    expect(set.statusCode).toBe(403);
    const email = await browser.request({
      method: 'PATCH',
      url: `/api/users/${instanceAdmin.id}`,
      payload: { data: { type: 'users', attributes: { email: 'attacker@example.net' } } },
    });
    expect(email.statusCode).toBe(403);
    const disable = await browser.request({
      method: 'PATCH',
      url: `/api/users/${instanceAdmin.id}`,
      payload: { data: { type: 'users', attributes: { enabled: false } } },
    });
    expect(disable.statusCode).toBe(403);
    // Nothing changed, and another instance administrator may still act.
    await signIn(t.app, instanceAdmin.username, TEST_PASSWORD);
    const other = await buildInstanceAdmin(t, instanceAdmin.organization);
    const otherBrowser = await signIn(t.app, other.username, TEST_PASSWORD);
    expect(
      (await otherBrowser.request({ method: 'POST', url: `/api/users/${instanceAdmin.id}/password-reset` }))
        .statusCode,
    ).toBe(202);
  });
});
