import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissions, rolePermissions } from '../../../common/permissions';
import { createTestApp, signIn, type TestApp, withApiKey } from '../../../tests/helpers/app';
import {
  addToOrganization,
  buildOrganization,
  buildUser,
  TEST_PASSWORD,
} from '../../../tests/helpers/factories';
import { giveApiKey, switchOrganization } from '../../../tests/helpers/scenarios';

describe('GET /api/userprofile', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('needs a signed-in user', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/userprofile' });
    expect(response.statusCode).toBe(401);
    expect(response.json().errors[0].code).toBe('unauthenticated');
  });

  it('answers the signed-in user with the current organization, the others and the permissions', async () => {
    const home = await buildOrganization(t, 'Zeta Home');
    const user = await buildUser(t, {
      organization: home,
      roles: ['Manager'],
      firstName: 'Ada',
      lastName: 'Lovelace',
    });
    const other = await buildOrganization(t, 'Alpha Other');
    await addToOrganization(t, user.id, other, ['User']);
    await buildOrganization(t, 'Not Mine');
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);

    const response = await browser.request({ method: 'GET', url: '/api/userprofile' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const { data } = response.json();
    expect(data).toMatchObject({
      type: 'users',
      id: user.id,
      attributes: {
        username: user.username,
        firstName: 'Ada',
        lastName: 'Lovelace',
        fullName: 'Ada Lovelace',
        email: user.email,
        enabled: true,
        mustChangePassword: false,
        avatarUrl: null,
      },
    });
    expect(data.relationships.roles.data).toEqual([{ type: 'roles', id: home.roleIds.Manager }]);
    expect(data.relationships.organization.data).toEqual({ type: 'organizations', id: home.id });
    expect(data.meta.organization).toEqual({ id: home.id, name: 'Zeta Home' });
    expect(data.meta.organizations).toEqual([
      { id: other.id, name: 'Alpha Other' },
      { id: home.id, name: 'Zeta Home' },
    ]);
    // The Manager role's permissions, in the registry's order.
    const manager = ['users.view', 'users.create', 'users.edit', 'users.disable', 'update_own_profile'];
    const expected = permissions.filter((p) =>
      [
        ...manager,
        'update_own_configuration',
        'manage_menus',
        'audit.view',
        'calendar_events.assign',
        'calendar_events.manage',
        'tasks.assign',
        'tasks.manage',
        'activities.view',
        'calls.log',
        'calls.manage',
        'emails.send',
      ].includes(p),
    );
    expect(data.meta.permissions).toEqual(expected);
    expect(response.body).not.toMatch(/passwordHash|tokenHash|password_hash/);
    expect(response.body).not.toContain(browser.cookie.split('=')[1]);
  });

  it('follows an organization switch and a change of roles on the next request', async () => {
    const home = await buildOrganization(t);
    const user = await buildUser(t, { organization: home, roles: ['User'] });
    const other = await buildOrganization(t);
    await addToOrganization(t, user.id, other, ['Administrator']);
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const before = (await browser.request({ method: 'GET', url: '/api/userprofile' })).json().data;
    expect(before.meta.organization.id).toBe(home.id);
    expect(before.meta.permissions).not.toContain('roles.manage');

    const switched = await switchOrganization(browser, other.id);
    expect(switched.statusCode).toBe(200);
    const after = (await browser.request({ method: 'GET', url: '/api/userprofile' })).json().data;
    expect(after.meta.organization.id).toBe(other.id);
    // Everything an organization's role grants; instance-wide powers (system.settings) are not among them.
    expect(after.meta.permissions).toEqual(rolePermissions);
    expect(after.relationships.roles.data).toEqual([{ type: 'roles', id: other.roleIds.Administrator }]);

    // A role change made elsewhere shows on the very next request of the open session.
    await t.deps.db
      .updateTable('roles')
      .set({ permissions: JSON.stringify(['users.view']) })
      .where('id', '=', other.roleIds.Administrator as string)
      .execute();
    const changed = (await browser.request({ method: 'GET', url: '/api/userprofile' })).json().data;
    expect(changed.meta.permissions).toEqual(['users.view']);
  });

  it('works with an API key, in the key’s organization', async () => {
    const user = await buildUser(t, { roles: ['User'] });
    const key = await giveApiKey(t, user);
    const response = await withApiKey(t.app, key)({ method: 'GET', url: '/api/userprofile' });
    expect(response.statusCode).toBe(200);
    expect(response.json().data.meta.organization.id).toBe(user.organizationId);
    expect(response.body).not.toContain(key);
  });

  it('stays reachable while the user must change their password', async () => {
    const user = await buildUser(t, { mustChangePassword: true });
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const response = await browser.request({ method: 'GET', url: '/api/userprofile' });
    expect(response.statusCode).toBe(200);
    expect(response.json().data.attributes.mustChangePassword).toBe(true);
    // Everything else waits for the new password.
    expect((await browser.request({ method: 'GET', url: '/api/roles' })).statusCode).toBe(403);
  });

  it('answers 401 once the user is disabled', async () => {
    const user = await buildUser(t);
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    await t.deps.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute();
    expect((await browser.request({ method: 'GET', url: '/api/userprofile' })).statusCode).toBe(401);
  });
  it('trims the profile to fields[users]; unknown fields are a 400 naming the parameter', async () => {
    const home = await buildOrganization(t);
    const user = await buildUser(t, { organization: home, firstName: 'Grace', lastName: 'Hopper' });
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const response = await browser.request({
      method: 'GET',
      url: '/api/userprofile?fields[users]=fullName,organization',
    });
    expect(response.statusCode).toBe(200);
    const { data } = response.json();
    expect(data.attributes).toEqual({ fullName: 'Grace Hopper' });
    expect(data.relationships).toEqual({ organization: { data: { type: 'organizations', id: home.id } } });
    expect(data.meta.permissions).toBeInstanceOf(Array);
    const refused = await browser.request({ method: 'GET', url: '/api/userprofile?fields[users]=tokenHash' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].source).toEqual({ parameter: 'fields[users]' });
  });
});
