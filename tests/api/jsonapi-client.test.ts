import type { AddressInfo } from 'node:net';
import Kitsu from 'kitsu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../helpers/app';
import {
  type BuiltOrganization,
  type BuiltUser,
  buildOrganization,
  buildUser,
  TEST_PASSWORD,
} from '../helpers/factories';

/**
 * JSON:API conformance for integrators (issue 7 §4): a standard client from npm — kitsu, not our
 * code — reads and writes the API over real HTTP with nothing but an API key. kitsu flattens
 * `attributes` into the resource and resolves `included` into relationships, so these assertions
 * also prove the documents are well-formed JSON:API.
 */
type Resource = { id: string; type: string; [field: string]: unknown };
type Collection = { data: Resource[]; meta?: Record<string, unknown>; links?: Record<string, string> };
type Single = { data: Resource; meta?: Record<string, unknown>; headers?: Record<string, string> };

type KitsuError = {
  response?: { status: number };
  errors?: { code: string; source?: { pointer?: string } }[];
};

async function failure(promise: Promise<unknown>): Promise<KitsuError> {
  try {
    await promise;
  } catch (error) {
    return error as KitsuError;
  }
  throw new Error('the request succeeded');
}

describe('a standard JSON:API client (kitsu) with an API key', () => {
  let t: TestApp;
  let organization: BuiltOrganization;
  let admin: BuiltUser;
  let api: Kitsu;

  beforeAll(async () => {
    t = await createTestApp();
    organization = await buildOrganization(t);
    admin = await buildUser(t, {
      organization,
      roles: ['Administrator'],
      firstName: 'Ada',
      lastName: 'Lovelace',
    });
    for (const [firstName, lastName] of [
      ['Grace', 'Hopper'],
      ['Alan', 'Turing'],
      ['Edsger', 'Dijkstra'],
    ]) {
      await buildUser(t, { organization, firstName, lastName });
    }
    await buildUser(t, { firstName: 'Other', lastName: 'Organization' });
    const browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const created = await browser.request({ method: 'POST', url: '/api/users/me/api-key' });
    const key = created.json().data.attributes.key;

    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    api = new Kitsu({
      baseURL: `http://127.0.0.1:${port}/api`,
      headers: { Authorization: `Bearer ${key}` },
      // Atrium's types are the resource paths, as they are (`userprofile`, `users`, `apikeys`).
      pluralize: false,
      camelCaseTypes: false,
      resourceCase: 'none',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reads the user profile', async () => {
    const profile = (await api.get('userprofile')) as Single;
    expect(profile.data).toMatchObject({
      type: 'users',
      id: admin.id,
      username: admin.username,
      firstName: 'Ada',
    });
    expect(profile.data.meta).toMatchObject({ organization: { id: organization.id } });
    expect(profile.headers?.['set-cookie']).toBeUndefined();
  });

  it('reads one user and updates the profile with PATCH users/me', async () => {
    const before = (await api.get('users/me')) as Single;
    expect(before.data).toMatchObject({ type: 'users', id: admin.id, lastName: 'Lovelace' });
    const updated = (await api.patch('users', {
      id: 'me',
      firstName: 'Augusta',
      middleName: 'Ada',
    })) as Single;
    expect(updated.data).toMatchObject({ id: admin.id, firstName: 'Augusta', middleName: 'Ada' });
    const stored = await t.deps.db
      .selectFrom('users')
      .select(['firstName', 'middleName'])
      .where('id', '=', admin.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ firstName: 'Augusta', middleName: 'Ada' });
  });

  it('gets JSON:API errors with pointers for bad writes', async () => {
    const unknown = await failure(api.patch('users', { id: 'me', isAdmin: true }));
    expect(unknown.response?.status).toBe(400);
    expect(unknown.errors?.[0]?.source?.pointer).toBe('/data/attributes/isAdmin');
    const wrongType = await failure(api.patch('users', { id: 'me', firstName: 42 }));
    expect(wrongType.response?.status).toBe(400);
    expect(wrongType.errors?.[0]?.source?.pointer).toBe('/data/attributes/firstName');
  });

  it('lists users with paging, sorting, filtering, include and the total count', async () => {
    const first = (await api.get('users', {
      params: { page: { number: 1, size: 2 }, sort: '-lastName' },
      headers: { 'X-Include': 'totalCount' },
    })) as Collection;
    expect(first.data.map((u) => u.lastName)).toEqual(['Turing', 'Lovelace']);
    expect(first.meta).toMatchObject({ totalCount: 4 });
    expect(first.links?.next).toBeDefined();
    const second = (await api.get('users', {
      params: { page: { number: 2, size: 2 }, sort: '-lastName' },
    })) as Collection;
    expect(second.data.map((u) => u.lastName)).toEqual(['Hopper', 'Dijkstra']);

    const filtered = (await api.get('users', {
      params: { filter: { name: { contains: 'hop' } } },
    })) as Collection;
    expect(filtered.data.map((u) => u.lastName)).toEqual(['Hopper']);

    const withRoles = (await api.get('users', {
      params: { filter: { name: 'Turing' }, include: 'roles' },
    })) as Collection;
    const roles = withRoles.data[0]?.roles as { data: Resource[] } | undefined;
    expect(roles?.data.map((role) => role.name)).toEqual(['User']);

    const badSort = await failure(api.get('users', { params: { sort: 'password' } }));
    expect(badSort.response?.status).toBe(400);
  });

  it('reads organizations, roles, sessions and the API key’s own metadata', async () => {
    const organizations = (await api.get('organizations')) as Collection;
    expect(organizations.data.map((o) => o.id)).toEqual([organization.id]);
    expect(organizations.data[0]).toMatchObject({ type: 'organizations', name: organization.name });

    const roles = (await api.get('roles')) as Collection;
    expect(roles.data.map((r) => r.name).sort()).toEqual(['Administrator', 'Manager', 'User']);
    expect(roles.data.every((r) => r.type === 'roles' && Array.isArray(r.permissions))).toBe(true);

    const sessions = (await api.get('sessions')) as Collection;
    expect(sessions.data).toHaveLength(1); // the browser session that generated the key
    expect(sessions.data[0]).toMatchObject({ type: 'sessions', current: false });

    const key = (await api.get('users/me/api-key')) as Single;
    expect(key.data).toMatchObject({ type: 'apikeys', prefix: expect.stringMatching(/^atr_/) });
    expect(key.data.key).toBeUndefined();
  });

  it('pages, sorts, filters and trims organizations, roles, sessions and users', async () => {
    const roles = (await api.get('roles', {
      params: { page: { number: 2, size: 1 }, sort: '-name', fields: { roles: 'name' } },
      headers: { 'X-Include': 'totalCount' },
    })) as Collection;
    expect(roles.data.map((r) => r.name)).toEqual(['Manager']);
    expect(roles.data[0]?.permissions).toBeUndefined();
    expect(roles.meta).toMatchObject({ totalCount: 3 });
    expect(roles.links?.next).toBeDefined();
    expect(roles.links?.prev).toBeDefined();

    const organizations = (await api.get('organizations', {
      params: { sort: '-createdAt', filter: { name: { contains: organization.name } }, page: { size: 5 } },
    })) as Collection;
    expect(organizations.data.map((o) => o.id)).toEqual([organization.id]);
    const none = (await api.get('organizations', {
      params: { filter: { name: 'No Such Org' } },
    })) as Collection;
    expect(none.data).toEqual([]);

    const sessions = (await api.get('sessions', {
      params: { sort: 'createdAt', page: { size: 1 }, fields: { sessions: 'current,lastSeenAt' } },
    })) as Collection;
    expect(sessions.data).toHaveLength(1);
    expect(sessions.data[0]).toMatchObject({ type: 'sessions', current: false });
    expect(sessions.data[0]?.ip).toBeUndefined();

    const users = (await api.get('users', {
      params: { sort: 'lastName', fields: { users: 'lastName' }, page: { size: 2 } },
    })) as Collection;
    expect(users.data.map((u) => u.lastName)).toEqual(['Dijkstra', 'Hopper']);
    expect(users.data[0]?.firstName).toBeUndefined();
    const me = (await api.get('users/me', { params: { fields: { users: 'username' } } })) as Single;
    expect(me.data).toMatchObject({ id: admin.id, username: admin.username });
    expect(me.data.lastName).toBeUndefined();

    const badField = await failure(
      api.get('organizations', { params: { fields: { organizations: 'secret' } } }),
    );
    expect(badField.response?.status).toBe(400);
  });

  it('is refused without a valid key, with a JSON:API error', async () => {
    const anonymous = new Kitsu({
      baseURL: api.axios.defaults.baseURL,
      pluralize: false,
      resourceCase: 'none',
    });
    const refused = await failure(anonymous.get('userprofile'));
    expect(refused.response?.status).toBe(401);
    expect(refused.errors?.[0]?.code).toBe('unauthenticated');
  });
});
