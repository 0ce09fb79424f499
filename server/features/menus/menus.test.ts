import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type signIn, type TestApp } from '../../../tests/helpers/app';
import { buildAdmin, buildOrganization } from '../../../tests/helpers/factories';
import { signedInUser } from '../../../tests/helpers/scenarios';

type Browser = Awaited<ReturnType<typeof signIn>>;
type Item = {
  key: string;
  parent: string | null;
  position: number;
  level: number;
  label: string;
  hidden: boolean;
};

describe('menus API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const menu = async (browser: Browser, name: string, scope = 'user'): Promise<Item[]> => {
    const response = await browser.request({ method: 'GET', url: `/api/menus/${name}?scope=${scope}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().data.attributes.items;
  };
  const keys = async (browser: Browser, name: string, parent: string | null = null, scope = 'user') =>
    (await menu(browser, name, scope)).filter((item) => item.parent === parent).map((item) => item.key);
  const patch = (browser: Browser, name: string, key: string, attributes: object, scope = 'user') =>
    browser.request({
      method: 'PATCH',
      url: `/api/menus/${name}/items/${key}?scope=${scope}`,
      payload: { data: { type: 'menu-items', id: key, attributes } },
    });
  const create = (browser: Browser, name: string, attributes: object, scope = 'user') =>
    browser.request({
      method: 'POST',
      url: `/api/menus/${name}/items?scope=${scope}`,
      payload: { data: { type: 'menu-items', attributes } },
    });
  const rowCount = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('menuUpdates')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('needs a signed-in user; the organization level needs organization.settings', async () => {
    for (const [method, url] of [
      ['GET', '/api/menus'],
      ['GET', '/api/menus/usermenu'],
      ['POST', '/api/menus/usermenu/items'],
      ['PATCH', '/api/menus/usermenu/items/my_user'],
      ['DELETE', '/api/menus/usermenu/items/my_user'],
      ['DELETE', '/api/menus/usermenu/updates/my_user'],
      ['DELETE', '/api/menus/usermenu/updates'],
    ] as const) {
      expect((await t.app.inject({ method, url })).statusCode, `${method} ${url}`).toBe(401);
    }
    const { browser } = await signedInUser(t, { roles: ['User'] });
    expect((await browser.request({ method: 'GET', url: '/api/menus?scope=organization' })).statusCode).toBe(
      403,
    );
    expect((await patch(browser, 'usermenu', 'my_user', { hidden: true }, 'organization')).statusCode).toBe(
      403,
    );
    expect(
      (await browser.request({ method: 'DELETE', url: '/api/menus/usermenu/updates?scope=organization' }))
        .statusCode,
    ).toBe(403);
  });

  it('lists every menu merged for me, without the items my permissions do not allow', async () => {
    const { browser } = await signedInUser(t, { roles: ['User'] });
    const response = await browser.request({ method: 'GET', url: '/api/menus' });
    expect(response.statusCode).toBe(200);
    const menus = response.json().data as { id: string; attributes: { items: Item[] } }[];
    expect(menus.map((m) => m.id)).toEqual(['application_menu', 'usermenu', 'shortcuts', 'more_actions']);
    const byId = new Map(menus.map((m) => [m.id, m.attributes.items.map((item) => item.key)]));
    expect(byId.get('application_menu')).toEqual(['users']);
    expect(byId.get('usermenu')).toEqual([
      'my_user',
      'my_configuration',
      'my_calendar',
      'my_tasks',
      'my_menus',
    ]);
    expect(byId.get('more_actions')).toEqual([
      'send_email',
      'log_call',
      'assign_event',
      'assign_task',
      'edit_menus',
    ]);

    const { browser: admin } = await signedInUser(t, { roles: ['Administrator'] });
    const adminMenu = await keys(admin, 'application_menu');
    expect(adminMenu).toEqual(['users', 'roles', 'audit_log', 'organizations']);
    expect(await keys(admin, 'more_actions')).toEqual([
      'send_email',
      'log_call',
      'assign_event',
      'assign_task',
      'change_password',
      'reset_password',
      'edit_menus',
    ]);
    // An item the viewer may not use cannot be changed either: it does not exist for them.
    expect((await patch(browser, 'application_menu', 'roles', { hidden: true })).statusCode).toBe(404);
  });

  it('moves, hides and renames an item for me only, and resets it', async () => {
    const organization = await buildOrganization(t);
    const { browser, user } = await signedInUser(t, { organization, roles: ['User'] });
    const { browser: other } = await signedInUser(t, { organization, roles: ['User'] });

    const moved = await patch(browser, 'usermenu', 'my_menus', { position: 0 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().data).toMatchObject({
      type: 'menu-items',
      id: 'my_menus',
      attributes: { position: 0, changed: true },
    });
    expect(await keys(browser, 'usermenu')).toEqual([
      'my_menus',
      'my_user',
      'my_configuration',
      'my_calendar',
      'my_tasks',
    ]);

    expect(
      (await patch(browser, 'usermenu', 'my_configuration', { hidden: true, label: 'Settings' })).statusCode,
    ).toBe(200);
    expect((await menu(browser, 'usermenu')).find((item) => item.key === 'my_configuration')).toMatchObject({
      hidden: true,
      label: 'Settings',
    });
    // Indent: my_user under my_menus, then outdent it again at the end.
    expect((await patch(browser, 'usermenu', 'my_user', { parent: 'my_menus' })).statusCode).toBe(200);
    expect(await keys(browser, 'usermenu', 'my_menus')).toEqual(['my_user']);
    expect((await menu(browser, 'usermenu')).find((item) => item.key === 'my_user')?.level).toBe(2);
    expect((await patch(browser, 'usermenu', 'my_user', { parent: null, position: 2 })).statusCode).toBe(200);
    expect(await keys(browser, 'usermenu')).toEqual([
      'my_menus',
      'my_configuration',
      'my_user',
      'my_calendar',
      'my_tasks',
    ]);

    // Another user of the same organization sees the definition.
    expect(await keys(other, 'usermenu')).toEqual([
      'my_user',
      'my_configuration',
      'my_calendar',
      'my_tasks',
      'my_menus',
    ]);

    const reset = await browser.request({
      method: 'DELETE',
      url: '/api/menus/usermenu/updates/my_configuration',
    });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json().data.attributes).toMatchObject({
      hidden: false,
      label: 'My Configuration',
      changed: false,
    });

    const all = await browser.request({ method: 'DELETE', url: '/api/menus/usermenu/updates' });
    expect(all.statusCode).toBe(200);
    expect(await keys(browser, 'usermenu')).toEqual([
      'my_user',
      'my_configuration',
      'my_calendar',
      'my_tasks',
      'my_menus',
    ]);

    // Each change is audited like an organization's, with me as its subject, in this organization.
    const audit = await t.deps.db
      .selectFrom('auditEvents')
      .select(['action', 'organizationId', 'actorUserId', 'subjectUserId', 'details'])
      .where('actorUserId', '=', user.id)
      .where('action', 'like', 'menus.%')
      .orderBy('occurredAt')
      .orderBy('id')
      .execute();
    expect(audit).toHaveLength(6);
    for (const row of audit) {
      expect(row).toMatchObject({
        action: 'menus.personal_changed',
        organizationId: organization.id,
        subjectUserId: user.id,
      });
    }
    expect(JSON.parse(String(audit[0]?.details))).toMatchObject({
      menu: 'usermenu',
      key: 'my_menus',
      changes: { position: 0 },
    });
    expect(JSON.parse(String(audit.at(-1)?.details))).toEqual({ menu: 'usermenu', reset: true });
  });

  it('adds, renames and deletes custom links and dividers; a default item is hidden, never deleted', async () => {
    const { browser } = await signedInUser(t, { roles: ['User'] });
    const created = await create(browser, 'application_menu', {
      label: 'Docs',
      url: 'https://docs.example.com/atrium',
    });
    expect(created.statusCode, created.body).toBe(201);
    const key = created.json().data.id as string;
    expect(key).toMatch(/^custom_[0-9a-f]{32}$/);
    expect(created.headers.location).toBe(`/api/menus/application_menu/items/${key}`);
    expect(created.json().data.attributes).toMatchObject({
      custom: true,
      deletable: true,
      position: 1,
      level: 1,
    });

    const divider = await create(browser, 'application_menu', { divider: true, position: 0 });
    expect(divider.statusCode, divider.body).toBe(201);
    const dividerKey = divider.json().data.id as string;
    expect(await keys(browser, 'application_menu')).toEqual([dividerKey, 'users', key]);

    const child = await create(browser, 'application_menu', {
      label: 'Team',
      url: '/users?filter=team',
      parent: key,
    });
    expect(child.statusCode, child.body).toBe(201);
    expect(child.json().data.attributes).toMatchObject({ parent: key, level: 2 });

    expect(
      (await patch(browser, 'application_menu', key, { label: 'Handbook' })).json().data.attributes.label,
    ).toBe('Handbook');
    expect((await patch(browser, 'application_menu', key, { label: null })).statusCode).toBe(422);

    const refused = await browser.request({
      method: 'DELETE',
      url: '/api/menus/application_menu/items/users',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0]).toMatchObject({
      code: 'menu_item_not_deletable',
      source: { parameter: 'key' },
    });
    expect(refused.json().errors[0].detail).toContain('hide it instead');

    // Deleting a parent moves its children up into its place.
    const deleted = await browser.request({
      method: 'DELETE',
      url: `/api/menus/application_menu/items/${key}`,
    });
    expect(deleted.statusCode).toBe(204);
    const childKey = child.json().data.id as string;
    expect(await keys(browser, 'application_menu')).toEqual([dividerKey, 'users', childKey]);
    expect(
      (await browser.request({ method: 'DELETE', url: `/api/menus/application_menu/updates/${childKey}` }))
        .statusCode,
    ).toBe(422);
  });

  it('refuses bad input with a pointer and stores nothing', async () => {
    const { browser, user } = await signedInUser(t, { roles: ['User'] });
    const before = await rowCount();
    const expectError = async (
      response: Awaited<ReturnType<Browser['request']>>,
      status: number,
      source: Record<string, string>,
    ) => {
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json().errors[0].source).toEqual(source);
    };
    for (const url of [
      'javascript:alert(1)',
      'http://example.com/',
      '//evil.example/x',
      '/\\evil.example',
      'data:text/html,x',
      'java\tscript:x',
      'https://user:pw@example.com/',
    ]) {
      await expectError(await create(browser, 'usermenu', { label: 'Bad', url }), 422, {
        pointer: '/data/attributes/url',
      });
    }
    await expectError(await create(browser, 'usermenu', { label: 'No URL' }), 422, {
      pointer: '/data/attributes/url',
    });
    await expectError(await create(browser, 'usermenu', { url: '/users' }), 422, {
      pointer: '/data/attributes/label',
    });
    await expectError(await create(browser, 'usermenu', { label: ' ', url: '/users' }), 422, {
      pointer: '/data/attributes/label',
    });
    await expectError(await create(browser, 'usermenu', { divider: true, url: '/users' }), 422, {
      pointer: '/data/attributes/url',
    });
    await expectError(await create(browser, 'usermenu', { label: 'x', url: '/x', position: 9 }), 422, {
      pointer: '/data/attributes/position',
    });
    await expectError(await create(browser, 'usermenu', { label: 'x', url: '/x', parent: 'nope' }), 422, {
      pointer: '/data/attributes/parent',
    });
    await expectError(await create(browser, 'nomenu', { label: 'x', url: '/x' }), 404, { parameter: 'menu' });
    await expectError(await patch(browser, 'usermenu', 'nope', { hidden: true }), 404, { parameter: 'key' });
    await expectError(await patch(browser, 'usermenu', 'my_user', { hidden: 'yes' }), 400, {
      pointer: '/data/attributes/hidden',
    });
    // One past the last place among the top-level items.
    const pastTheEnd = (await keys(browser, 'usermenu')).length;
    await expectError(await patch(browser, 'usermenu', 'my_user', { position: pastTheEnd }), 422, {
      pointer: '/data/attributes/position',
    });
    await expectError(await patch(browser, 'usermenu', 'my_user', { parent: 'my_user' }), 422, {
      pointer: '/data/attributes/parent',
    });
    await expectError(await patch(browser, 'usermenu', 'my_user', { url: '/x' }), 400, {
      pointer: '/data/attributes/url',
    });
    expect(await rowCount()).toBe(before);
    const refusedAudit = await t.deps.db
      .selectFrom('auditEvents')
      .select(['id'])
      .where('actorUserId', '=', user.id)
      .where('action', 'like', 'menus.%')
      .execute();
    expect(refusedAudit).toEqual([]);

    // Three levels: a → b → c is fine, a fourth is refused, and so is moving a under its descendant.
    const a = (await create(browser, 'shortcuts', { label: 'A', url: '/a' })).json().data.id;
    const b = (await create(browser, 'shortcuts', { label: 'B', url: '/b', parent: a })).json().data.id;
    const c = (await create(browser, 'shortcuts', { label: 'C', url: '/c', parent: b })).json().data.id;
    const withTree = await rowCount();
    await expectError(await create(browser, 'shortcuts', { label: 'D', url: '/d', parent: c }), 422, {
      pointer: '/data/attributes/parent',
    });
    await expectError(await patch(browser, 'shortcuts', a, { parent: c }), 422, {
      pointer: '/data/attributes/parent',
    });
    await expectError(await patch(browser, 'shortcuts', 'my_user', { parent: c }), 422, {
      pointer: '/data/attributes/parent',
    });
    // Moving b (two levels) under my_user puts c on level 3: allowed; under a level-2 item it would be 4.
    expect((await patch(browser, 'shortcuts', b, { parent: 'my_user' })).statusCode).toBe(200);
    const d = (await create(browser, 'shortcuts', { label: 'D', url: '/d', parent: a })).json().data.id;
    await expectError(await patch(browser, 'shortcuts', b, { parent: d }), 422, {
      pointer: '/data/attributes/parent',
    });
    expect(await rowCount()).toBeGreaterThan(withTree);
  });

  it('layers my changes over the organization defaults an administrator sets; other organizations are untouched', async () => {
    const organization = await buildOrganization(t);
    const admin = await buildAdmin(t, organization);
    const { browser: adminBrowser } = await signedInUser(t, { organization, roles: ['Administrator'] });
    const { browser: member } = await signedInUser(t, { organization, roles: ['User'] });
    const { browser: stranger } = await signedInUser(t, { roles: ['Administrator'] });
    expect(admin.organizationId).toBe(organization.id);

    const link = await create(
      adminBrowser,
      'usermenu',
      { label: 'Intranet', url: 'https://intranet.example' },
      'organization',
    );
    expect(link.statusCode, link.body).toBe(201);
    const linkKey = link.json().data.id as string;
    expect(link.headers.location).toBe(`/api/menus/usermenu/items/${linkKey}?scope=organization`);
    expect(
      (await patch(adminBrowser, 'usermenu', 'my_configuration', { hidden: true }, 'organization'))
        .statusCode,
    ).toBe(200);

    const seen = await menu(member, 'usermenu');
    expect(seen.map((item) => item.key)).toEqual([
      'my_user',
      'my_configuration',
      'my_calendar',
      'my_tasks',
      'my_menus',
      linkKey,
    ]);
    expect(seen.find((item) => item.key === 'my_configuration')?.hidden).toBe(true);
    expect(seen.find((item) => item.key === linkKey)).toMatchObject({
      custom: true,
      deletable: false,
      changed: false,
    });
    // The member shows it again and moves the organization's link first; deleting it is refused.
    expect((await patch(member, 'usermenu', 'my_configuration', { hidden: false })).statusCode).toBe(200);
    expect((await patch(member, 'usermenu', linkKey, { position: 0 })).statusCode).toBe(200);
    expect(await keys(member, 'usermenu')).toEqual([
      linkKey,
      'my_user',
      'my_configuration',
      'my_calendar',
      'my_tasks',
      'my_menus',
    ]);
    const refused = await member.request({ method: 'DELETE', url: `/api/menus/usermenu/items/${linkKey}` });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].detail).toContain('hide it instead');
    // The organization level is unchanged by the member.
    expect((await keys(adminBrowser, 'usermenu', null, 'organization')).at(-1)).toBe(linkKey);

    // Another organization sees none of it and cannot reach the item.
    expect((await keys(stranger, 'usermenu')).includes(linkKey)).toBe(false);
    expect((await patch(stranger, 'usermenu', linkKey, { hidden: true }, 'organization')).statusCode).toBe(
      404,
    );
    expect(
      (
        await stranger.request({
          method: 'DELETE',
          url: `/api/menus/usermenu/items/${linkKey}?scope=organization`,
        })
      ).statusCode,
    ).toBe(404);

    const audit = await t.deps.db
      .selectFrom('auditEvents')
      .select(['action'])
      .where('organizationId', '=', organization.id)
      .where('action', '=', 'menus.changed')
      .execute();
    expect(audit).toHaveLength(2);

    // Resetting the organization's menu brings the definition back for the member too, under their own changes.
    expect(
      (
        await adminBrowser.request({
          method: 'DELETE',
          url: '/api/menus/usermenu/updates?scope=organization',
        })
      ).statusCode,
    ).toBe(200);
    expect(await keys(member, 'usermenu')).toEqual([
      'my_user',
      'my_configuration',
      'my_calendar',
      'my_tasks',
      'my_menus',
    ]);
  });

  it('a member without manage_menus reads their menus but cannot change them', async () => {
    const organization = await buildOrganization(t);
    await t.deps.db
      .updateTable('roles')
      .set({ permissions: JSON.stringify(['users.view', 'update_own_profile']) })
      .where('organizationId', '=', organization.id)
      .where('name', '=', 'User')
      .execute();
    const { browser } = await signedInUser(t, { organization, roles: ['User'] });
    expect(await keys(browser, 'usermenu')).toEqual([
      'my_user',
      'my_configuration',
      'my_calendar',
      'my_tasks',
    ]);
    expect((await patch(browser, 'usermenu', 'my_user', { hidden: true })).statusCode).toBe(403);
    expect((await create(browser, 'usermenu', { label: 'x', url: '/x' })).statusCode).toBe(403);
    expect((await browser.request({ method: 'DELETE', url: '/api/menus/usermenu/updates' })).statusCode).toBe(
      403,
    );
  });
});
