import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../tests/helpers/app';
import { buildAdmin, buildOrganization, buildUser, TEST_PASSWORD } from '../../../tests/helpers/factories';
import { newId } from '../../platform/ids';

const permissionsBody = (permissions: unknown, extra: Record<string, unknown> = {}) => ({
  data: { type: 'roles', attributes: { permissions, ...extra } },
});

describe('roles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function rolePermissions(roleId: string): Promise<string[]> {
    const row = await t.deps.db
      .selectFrom('roles')
      .select('permissions')
      .where('id', '=', roleId)
      .executeTakeFirstOrThrow();
    return JSON.parse(row.permissions);
  }

  it('needs a signed-in user on every route', async () => {
    for (const [method, url] of [
      ['GET', '/api/roles'],
      ['GET', `/api/roles/${newId()}`],
      ['PATCH', `/api/roles/${newId()}`],
    ] as const) {
      expect((await t.app.inject({ method, url })).statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('lists the seeded roles of my organization only, and reads one', async () => {
    const member = await buildUser(t, { roles: ['User'] });
    const foreign = await buildOrganization(t);
    const browser = await signIn(t.app, member.username, TEST_PASSWORD);
    const list = await browser.request({ method: 'GET', url: '/api/roles' });
    expect(list.statusCode).toBe(200);
    const data = list.json().data;
    expect(data.map((r: { attributes: { name: string } }) => r.attributes.name)).toEqual([
      'Administrator',
      'Manager',
      'User',
    ]);
    expect(data.map((r: { id: string }) => r.id)).toEqual([
      member.organization.roleIds.Administrator,
      member.organization.roleIds.Manager,
      member.organization.roleIds.User,
    ]);
    const userRole = data[2];
    expect(userRole.attributes.permissions).toEqual([
      'users.view',
      'update_own_profile',
      'update_own_configuration',
      'manage_menus',
      'calendar_events.assign',
      'tasks.assign',
      'calls.log',
      'emails.send',
    ]);

    const one = await browser.request({
      method: 'GET',
      url: `/api/roles/${member.organization.roleIds.Manager}`,
    });
    expect(one.statusCode).toBe(200);
    expect(one.json().data.attributes.name).toBe('Manager');
    const other = await browser.request({ method: 'GET', url: `/api/roles/${foreign.roleIds.Manager}` });
    const missing = await browser.request({ method: 'GET', url: `/api/roles/${newId()}` });
    expect(other.statusCode).toBe(404);
    expect(other.body).toBe(missing.body);
  });

  it('changes a role’s permissions: effective on its members’ next request, audited', async () => {
    const admin = await buildAdmin(t);
    const organization = admin.organization;
    const member = await buildUser(t, { organization, roles: ['User'] });
    const memberBrowser = await signIn(t.app, member.username, TEST_PASSWORD);
    expect((await memberBrowser.request({ method: 'GET', url: '/api/audit-events' })).statusCode).toBe(403);

    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const roleId = organization.roleIds.User as string;
    const changed = await browser.request({
      method: 'PATCH',
      url: `/api/roles/${roleId}`,
      // Order and duplicates do not matter: the role keeps the registry's order.
      payload: permissionsBody(['audit.view', 'users.view', 'users.view', 'update_own_profile']),
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().data.attributes.permissions).toEqual([
      'users.view',
      'update_own_profile',
      'audit.view',
    ]);
    expect(await rolePermissions(roleId)).toEqual(['users.view', 'update_own_profile', 'audit.view']);

    // The member's open session sees it at once.
    expect((await memberBrowser.request({ method: 'GET', url: '/api/audit-events' })).statusCode).toBe(200);
    const profile = (await memberBrowser.request({ method: 'GET', url: '/api/userprofile' })).json().data;
    expect(profile.meta.permissions).toEqual(['users.view', 'update_own_profile', 'audit.view']);

    const audit = await t.deps.db
      .selectFrom('auditEvents')
      .select(['details', 'actorUserId'])
      .where('action', '=', 'role.permissions_changed')
      .where('organizationId', '=', organization.id)
      .executeTakeFirstOrThrow();
    expect(audit.actorUserId).toBe(admin.id);
    expect(JSON.parse(audit.details)).toEqual({
      roleId,
      roleName: 'User',
      added: ['audit.view'],
      removed: [
        'update_own_configuration',
        'manage_menus',
        'calendar_events.assign',
        'tasks.assign',
        'calls.log',
        'emails.send',
      ],
    });
  });

  it('refuses unknown permissions (422 pointing at the entry), wrong types and unknown members', async () => {
    const admin = await buildAdmin(t);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const roleId = admin.organization.roleIds.User as string;
    const before = await rolePermissions(roleId);
    const cases: [unknown, number, string][] = [
      [permissionsBody(['users.view', 'be.god']), 422, '/data/attributes/permissions/1'],
      [permissionsBody('users.view'), 400, '/data/attributes/permissions'],
      [permissionsBody([42]), 400, '/data/attributes/permissions/0'],
      [permissionsBody(['users.view'], { name: 'Root' }), 400, '/data/attributes/name'],
    ];
    for (const [payload, status, pointer] of cases) {
      const response = await browser.request({
        method: 'PATCH',
        url: `/api/roles/${roleId}`,
        payload: payload as object,
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(response.json().errors[0].source.pointer).toBe(pointer);
    }
    expect(await rolePermissions(roleId)).toEqual(before);
  });

  it('needs roles.manage, answers 404 for another organization’s role', async () => {
    const manager = await buildUser(t, { roles: ['Manager'] });
    const managerBrowser = await signIn(t.app, manager.username, TEST_PASSWORD);
    const userRole = manager.organization.roleIds.User as string;
    const denied = await managerBrowser.request({
      method: 'PATCH',
      url: `/api/roles/${userRole}`,
      payload: permissionsBody(['users.view']),
    });
    expect(denied.statusCode).toBe(403);

    const admin = await buildAdmin(t);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const foreignRole = manager.organization.roleIds.User as string;
    const before = await rolePermissions(foreignRole);
    const foreign = await browser.request({
      method: 'PATCH',
      url: `/api/roles/${foreignRole}`,
      payload: permissionsBody([]),
    });
    expect(foreign.statusCode).toBe(404);
    expect(await rolePermissions(foreignRole)).toEqual(before);
  });

  it('keeps an active administrator: the last roles.manage cannot be taken away', async () => {
    const admin = await buildAdmin(t);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const administratorRole = admin.organization.roleIds.Administrator as string;
    const response = await browser.request({
      method: 'PATCH',
      url: `/api/roles/${administratorRole}`,
      payload: permissionsBody(['users.view', 'users.edit']),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0]).toMatchObject({
      code: 'last_administrator',
      source: { pointer: '/data/attributes/permissions' },
    });
    expect(await rolePermissions(administratorRole)).toContain('roles.manage');
    // Granting it to the Manager role first makes it possible.
    const managerRole = admin.organization.roleIds.Manager as string;
    await buildUser(t, { organization: admin.organization, roles: ['Manager'] });
    const grant = await browser.request({
      method: 'PATCH',
      url: `/api/roles/${managerRole}`,
      payload: permissionsBody(['users.view', 'roles.manage']),
    });
    expect(grant.statusCode).toBe(200);
    const now = await browser.request({
      method: 'PATCH',
      url: `/api/roles/${administratorRole}`,
      payload: permissionsBody(['users.view', 'users.edit']),
    });
    expect(now.statusCode).toBe(200);
  });

  it('refuses to grant a permission the actor does not hold', async () => {
    const organization = await buildOrganization(t);
    await buildAdmin(t, organization);
    const managerRole = organization.roleIds.Manager as string;
    // A custom setup: the Manager role may manage roles but not the outbox.
    await t.deps.db
      .updateTable('roles')
      .set({ permissions: JSON.stringify(['users.view', 'roles.manage']) })
      .where('id', '=', managerRole)
      .execute();
    const manager = await buildUser(t, { organization, roles: ['Manager'] });
    const browser = await signIn(t.app, manager.username, TEST_PASSWORD);
    const response = await browser.request({
      method: 'PATCH',
      url: `/api/roles/${managerRole}`,
      payload: permissionsBody(['users.view', 'roles.manage', 'mail.manage']),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0]).toMatchObject({
      code: 'permission_not_held',
      source: { pointer: '/data/attributes/permissions/2' },
    });
  });
  it('pages, sorts, filters and trims roles with the JSON:API toolkit; fields[roles] on one', async () => {
    const member = await buildUser(t, { roles: ['User'] });
    const browser = await signIn(t.app, member.username, TEST_PASSWORD);
    const names = (response: { json: () => { data: { attributes: { name: string } }[] } }) =>
      response.json().data.map((r) => r.attributes.name);

    const first = await browser.request({
      method: 'GET',
      url: '/api/roles?page[size]=2',
      headers: { 'x-include': 'totalCount' },
    });
    expect(first.statusCode).toBe(200);
    expect(names(first)).toEqual(['Administrator', 'Manager']);
    expect(first.headers['x-include-total-count']).toBe('3');
    expect(first.json().links.next).toContain('page%5Bafter%5D=');
    const second = await browser.request({ method: 'GET', url: '/api/roles?page[size]=2&page[number]=2' });
    expect(names(second)).toEqual(['User']);

    expect(names(await browser.request({ method: 'GET', url: '/api/roles?sort=-name' }))).toEqual([
      'User',
      'Manager',
      'Administrator',
    ]);
    expect(
      names(await browser.request({ method: 'GET', url: '/api/roles?filter[name][contains]=AGE' })),
    ).toEqual(['Manager']);

    const sparse = await browser.request({ method: 'GET', url: '/api/roles?fields[roles]=name,isSystem' });
    expect(sparse.json().data[0].attributes).toEqual({ name: 'Administrator', isSystem: true });
    const roleId = sparse.json().data[2].id;
    const one = await browser.request({
      method: 'GET',
      url: `/api/roles/${roleId}?fields[roles]=permissions`,
    });
    expect(one.statusCode).toBe(200);
    expect(Object.keys(one.json().data.attributes)).toEqual(['permissions']);

    for (const [url, parameter] of [
      ['/api/roles?sort=permissions', 'sort'],
      ['/api/roles?page[number]=0', 'page[number]'],
      ['/api/roles?filter[isSystem]=true', 'filter[isSystem]'],
      ['/api/roles?fields[roles]=secret', 'fields[roles]'],
      [`/api/roles/${roleId}?fields[roles]=secret`, 'fields[roles]'],
      [`/api/roles/${roleId}?sort=name`, 'sort'],
    ] as const) {
      const response = await browser.request({ method: 'GET', url });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().errors[0].source, url).toEqual({ parameter });
    }
  });
});
