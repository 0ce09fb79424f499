import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../tests/helpers/app';
import {
  addToOrganization,
  buildAdmin,
  buildOrganization,
  buildUser,
  TEST_PASSWORD,
} from '../../../tests/helpers/factories';
import { switchOrganization } from '../../../tests/helpers/scenarios';
import { newId } from '../../platform/ids';

const body = (name: unknown, extra: Record<string, unknown> = {}) => ({
  data: { type: 'organizations', attributes: { name, ...extra } },
});

describe('organizations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('needs a signed-in user on every route', async () => {
    for (const [method, url] of [
      ['GET', '/api/organizations'],
      ['GET', `/api/organizations/${newId()}`],
      ['POST', '/api/organizations'],
      ['PATCH', `/api/organizations/${newId()}`],
    ] as const) {
      const response = await t.app.inject({ method, url });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('lists only my organizations, marking the current one', async () => {
    const home = await buildOrganization(t, 'Bravo Home');
    const user = await buildUser(t, { organization: home });
    const second = await buildOrganization(t, 'alpha second');
    await addToOrganization(t, user.id, second);
    const foreign = await buildOrganization(t, 'Foreign Corp');
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);

    const list = await browser.request({ method: 'GET', url: '/api/organizations' });
    expect(list.statusCode).toBe(200);
    const data = list.json().data;
    expect(data.map((o: { attributes: { name: string } }) => o.attributes.name)).toEqual([
      'alpha second',
      'Bravo Home',
    ]);
    expect(data.map((o: { meta: { current: boolean } }) => o.meta.current)).toEqual([false, true]);

    const mine = await browser.request({ method: 'GET', url: `/api/organizations/${second.id}` });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().data).toMatchObject({
      type: 'organizations',
      id: second.id,
      attributes: { name: 'alpha second' },
    });
    // Another organization's id answers exactly like a missing one.
    const other = await browser.request({ method: 'GET', url: `/api/organizations/${foreign.id}` });
    const missing = await browser.request({ method: 'GET', url: `/api/organizations/${newId()}` });
    expect(other.statusCode).toBe(404);
    expect(other.body).toBe(missing.body);
  });

  it('creates an organization: the creator is its Administrator, with the seeded roles, audited', async () => {
    const admin = await buildAdmin(t);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const created = await browser.request({
      method: 'POST',
      url: '/api/organizations',
      payload: body('Northwind Ltd'),
    });
    expect(created.statusCode).toBe(201);
    const { data } = created.json();
    expect(created.headers.location).toBe(`/api/organizations/${data.id}`);
    expect(data.attributes.name).toBe('Northwind Ltd');

    const roles = await t.deps.db
      .selectFrom('roles')
      .select('name')
      .where('organizationId', '=', data.id)
      .orderBy('name')
      .execute();
    expect(roles.map((r) => r.name)).toEqual(['Administrator', 'Manager', 'User']);
    const membership = await t.deps.db
      .selectFrom('memberships')
      .innerJoin('membershipRoles', 'membershipRoles.membershipId', 'memberships.id')
      .innerJoin('roles', 'roles.id', 'membershipRoles.roleId')
      .select('roles.name')
      .where('memberships.userId', '=', admin.id)
      .where('memberships.organizationId', '=', data.id)
      .execute();
    expect(membership.map((m) => m.name)).toEqual(['Administrator']);
    const audit = await t.deps.db
      .selectFrom('auditEvents')
      .select(['action', 'actorUserId'])
      .where('organizationId', '=', data.id)
      .execute();
    expect(audit).toEqual([{ action: 'organization.created', actorUserId: admin.id }]);

    // The creator can switch to it.
    const switched = await switchOrganization(browser, data.id);
    expect(switched.statusCode).toBe(200);
  });

  it('refuses a duplicate name case-insensitively (409 naming the field)', async () => {
    const admin = await buildAdmin(t);
    await buildOrganization(t, 'Contoso');
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const before = await t.deps.db.selectFrom('organizations').select('id').execute();
    const duplicate = await browser.request({
      method: 'POST',
      url: '/api/organizations',
      payload: body('CONTOSO'),
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors[0]).toMatchObject({
      code: 'organization_name_taken',
      source: { pointer: '/data/attributes/name' },
    });
    expect(await t.deps.db.selectFrom('organizations').select('id').execute()).toHaveLength(before.length);
  });

  it('refuses invalid bodies with pointers: 400 for types and unknown members, 409 for another resource type, 422 for rules', async () => {
    const admin = await buildAdmin(t);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const cases: [unknown, number, string][] = [
      [body(42), 400, '/data/attributes/name'],
      [body('Acme', { organizationId: newId() }), 400, '/data/attributes/organizationId'],
      [{ data: { type: 'users', attributes: { name: 'Acme' } } }, 409, '/data/type'],
      [body(''), 422, '/data/attributes/name'],
      [body('  Padded'), 422, '/data/attributes/name'],
      [body('Line\nbreak'), 422, '/data/attributes/name'],
      [body('x'.repeat(256)), 422, '/data/attributes/name'],
    ];
    for (const [payload, status, pointer] of cases) {
      const response = await browser.request({
        method: 'POST',
        url: '/api/organizations',
        payload: payload as object,
      });
      expect(response.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(status);
      expect(response.json().errors[0].source.pointer).toBe(pointer);
    }
  });

  it('needs organizations.manage to create or rename', async () => {
    const member = await buildUser(t, { roles: ['Manager'] });
    const browser = await signIn(t.app, member.username, TEST_PASSWORD);
    const create = await browser.request({
      method: 'POST',
      url: '/api/organizations',
      payload: body('Nope Inc'),
    });
    expect(create.statusCode).toBe(403);
    const rename = await browser.request({
      method: 'PATCH',
      url: `/api/organizations/${member.organizationId}`,
      payload: body('Nope Inc'),
    });
    expect(rename.statusCode).toBe(403);
    const rows = await t.deps.db
      .selectFrom('organizations')
      .select('id')
      .where('nameNormalized', '=', 'nope inc')
      .execute();
    expect(rows).toEqual([]);
  });

  it('renames one of my organizations only, with the permission held there', async () => {
    const admin = await buildAdmin(t);
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const renamed = await browser.request({
      method: 'PATCH',
      url: `/api/organizations/${admin.organizationId}`,
      payload: {
        data: { type: 'organizations', id: admin.organizationId, attributes: { name: 'Renamed Org' } },
      },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().data.attributes.name).toBe('Renamed Org');
    const row = await t.deps.db
      .selectFrom('organizations')
      .select(['name', 'nameNormalized'])
      .where('id', '=', admin.organizationId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'Renamed Org', nameNormalized: 'renamed org' });
    const audit = await t.deps.db
      .selectFrom('auditEvents')
      .select('details')
      .where('organizationId', '=', admin.organizationId)
      .where('action', '=', 'organization.renamed')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details)).toMatchObject({ to: 'Renamed Org' });

    // Another organization: 404, untouched.
    const foreign = await buildOrganization(t, 'Foreign Rename Target');
    const other = await browser.request({
      method: 'PATCH',
      url: `/api/organizations/${foreign.id}`,
      payload: body('Hijacked'),
    });
    expect(other.statusCode).toBe(404);
    // A member organization where the admin is only a User: 403.
    const weak = await buildOrganization(t);
    await addToOrganization(t, admin.id, weak, ['User']);
    const forbidden = await browser.request({
      method: 'PATCH',
      url: `/api/organizations/${weak.id}`,
      payload: body('Hijacked'),
    });
    expect(forbidden.statusCode).toBe(403);
    // The body id must match the URL.
    const mismatch = await browser.request({
      method: 'PATCH',
      url: `/api/organizations/${admin.organizationId}`,
      payload: { data: { type: 'organizations', id: foreign.id, attributes: { name: 'X Corp' } } },
    });
    expect(mismatch.statusCode).toBe(409);
    // A name taken by another organization: 409; the same name in another case: fine.
    const taken = await browser.request({
      method: 'PATCH',
      url: `/api/organizations/${admin.organizationId}`,
      payload: body('foreign rename target'),
    });
    expect(taken.statusCode).toBe(409);
    const recased = await browser.request({
      method: 'PATCH',
      url: `/api/organizations/${admin.organizationId}`,
      payload: body('RENAMED ORG'),
    });
    expect(recased.statusCode).toBe(200);
    const names = await t.deps.db
      .selectFrom('organizations')
      .select('name')
      .where('id', 'in', [foreign.id, weak.id])
      .execute();
    expect(names.map((n) => n.name)).not.toContain('Hijacked');
  });
  it('pages, sorts, filters and trims the list with the JSON:API toolkit; fields[organizations] on one', async () => {
    const home = await buildOrganization(t, 'Paging Home');
    const user = await buildUser(t, { organization: home });
    for (const name of ['Paging Zulu', 'paging alpha', 'Other Mike']) {
      t.clock.advance(1000);
      await addToOrganization(t, user.id, await buildOrganization(t, name));
    }
    const browser = await signIn(t.app, user.username, TEST_PASSWORD);
    const names = (response: { json: () => { data: { attributes: { name: string } }[] } }) =>
      response.json().data.map((o) => o.attributes.name);

    const first = await browser.request({
      method: 'GET',
      url: '/api/organizations?page[size]=2',
      headers: { 'x-include': 'totalCount' },
    });
    expect(first.statusCode).toBe(200);
    expect(names(first)).toEqual(['Other Mike', 'paging alpha']);
    expect(first.headers['x-include-total-count']).toBe('4');
    // The user holds no organizations.manage in the current organization: nothing to create or rename.
    expect(first.json().meta).toEqual({ totalCount: 4, abilities: { create: false, rename: false } });
    expect(first.json().links.next).toContain('page%5Bafter%5D=');
    const second = await browser.request({
      method: 'GET',
      url: '/api/organizations?page[size]=2&page[number]=2',
    });
    expect(names(second)).toEqual(['Paging Home', 'Paging Zulu']);
    expect(second.json().links.next).toBeUndefined();

    const sorted = await browser.request({ method: 'GET', url: '/api/organizations?sort=-name' });
    expect(names(sorted)).toEqual(['Paging Zulu', 'Paging Home', 'paging alpha', 'Other Mike']);
    const filtered = await browser.request({
      method: 'GET',
      url: '/api/organizations?filter[name][contains]=PAGING&sort=-createdAt',
    });
    expect(names(filtered)).toEqual(['paging alpha', 'Paging Zulu', 'Paging Home']);
    const exact = await browser.request({
      method: 'GET',
      url: '/api/organizations?filter[name]=paging%20zulu',
    });
    expect(names(exact)).toEqual(['Paging Zulu']);

    const sparse = await browser.request({
      method: 'GET',
      url: '/api/organizations?fields[organizations]=name',
    });
    expect(sparse.json().data[0].attributes).toEqual({ name: 'Other Mike' });
    const one = await browser.request({
      method: 'GET',
      url: `/api/organizations/${home.id}?fields[organizations]=createdAt`,
    });
    expect(one.statusCode).toBe(200);
    expect(Object.keys(one.json().data.attributes)).toEqual(['createdAt']);

    for (const [url, parameter] of [
      ['/api/organizations?sort=secret', 'sort'],
      ['/api/organizations?page[size]=101', 'page[size]'],
      ['/api/organizations?filter[current]=true', 'filter[current]'],
      ['/api/organizations?fields[organizations]=nope', 'fields[organizations]'],
      [`/api/organizations/${home.id}?fields[organizations]=nope`, 'fields[organizations]'],
      [`/api/organizations/${home.id}?fields[users]=name`, 'fields[users]'],
      [`/api/organizations/${home.id}?page[size]=1`, 'page[size]'],
    ] as const) {
      const response = await browser.request({ method: 'GET', url });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().errors[0].source, url).toEqual({ parameter });
    }
  });
});
