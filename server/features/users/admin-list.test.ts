import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, createTestApp, signIn, type TestApp } from '../../../tests/helpers/app';
import {
  addToOrganization,
  type BuiltOrganization,
  type BuiltUser,
  buildOrganization,
  buildUser,
  TEST_PASSWORD,
} from '../../../tests/helpers/factories';

type UserDocument = {
  id: string;
  attributes: Record<string, unknown> & { username: string };
  relationships: { roles: { data: { id: string }[] } };
};

describe('GET /api/users', () => {
  let t: TestApp;
  let organization: BuiltOrganization;
  let users: Record<string, BuiltUser>;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestApp();
    organization = await buildOrganization(t, 'Listing Org');
    const make = async (
      key: string,
      options: Parameters<typeof buildUser>[1],
      signedInMinutesAgo?: number,
    ): Promise<void> => {
      users[key] = await buildUser(t, { organization, ...options });
      if (signedInMinutesAgo !== undefined) {
        await t.deps.db
          .updateTable('users')
          .set({
            lastSignInAt: new Date(
              Date.parse('2026-01-15T09:00:00.000Z') - signedInMinutesAgo * 60_000,
            ).toISOString(),
          })
          .where('id', '=', users[key]?.id as string)
          .execute();
      }
      t.clock.advance(1000);
    };
    users = {};
    await make(
      'admin',
      { username: 'admin_list', firstName: 'Grace', lastName: 'Hopper', roles: ['Administrator'] },
      5,
    );
    await make(
      'ada',
      {
        username: 'ada',
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: 'ADA@Example.com',
        roles: ['Manager'],
      },
      60,
    );
    await make('alan', { username: 'alan_t', firstName: 'Alan', lastName: 'Turing', roles: ['User'] });
    await make(
      'edsger',
      { username: 'edsger', firstName: 'Edsger', lastName: 'Dijkstra_100%', roles: ['User', 'Manager'] },
      30,
    );
    await make('barbara', { username: 'barbara', firstName: 'Barbara', lastName: 'Liskov', roles: ['User'] });
    await t.deps.db
      .updateTable('users')
      .set({ status: 'disabled' })
      .where('id', '=', users.barbara?.id as string)
      .execute();
    // Someone of another organization, and a member of both.
    const other = await buildOrganization(t, 'Other Listing Org');
    await buildUser(t, {
      organization: other,
      username: 'ada_elsewhere',
      firstName: 'Ada',
      lastName: 'Other',
    });
    const both = await buildUser(t, {
      organization: other,
      username: 'dual',
      firstName: 'Dual',
      lastName: 'Member',
      roles: ['Administrator'],
    });
    await addToOrganization(t, both.id, organization, ['User']);
    users.dual = both;
    browser = await signIn(t.app, 'admin_list', TEST_PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function list(query = '', headers: Record<string, string> = {}) {
    const response = await browser.request({
      method: 'GET',
      url: `/api/users${query ? `?${query}` : ''}`,
      headers,
    });
    expect(response.statusCode, `${query}: ${response.body}`).toBe(200);
    return response;
  }
  const usernames = (response: { json(): { data: UserDocument[] } }) =>
    response.json().data.map((u) => u.attributes.username);

  it('needs a signed-in user with users.view', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
    const nobody = await buildUser(t, { organization, roles: [] });
    const noRights = await signIn(t.app, nobody.username, TEST_PASSWORD);
    expect((await noRights.request({ method: 'GET', url: '/api/users' })).statusCode).toBe(403);
    await t.deps.db.deleteFrom('memberships').where('userId', '=', nobody.id).execute();
  });

  it('lists only the members of my organization, by username, with their roles here', async () => {
    const response = await list('', { 'x-include': 'totalCount' });
    expect(usernames(response)).toEqual(['ada', 'admin_list', 'alan_t', 'barbara', 'dual', 'edsger']);
    expect(response.headers['x-include-total-count']).toBe('6');
    expect(response.json().meta.totalCount).toBe(6);
    const data: UserDocument[] = response.json().data;
    const dual = data.find((u) => u.id === users.dual?.id);
    // Only the roles of this organization (the member is an Administrator elsewhere).
    expect(dual?.relationships.roles.data.map((r) => r.id)).toEqual([organization.roleIds.User]);
    const edsger = data.find((u) => u.id === users.edsger?.id);
    expect(edsger?.relationships.roles.data.map((r) => r.id).sort()).toEqual(
      [organization.roleIds.User, organization.roleIds.Manager].sort(),
    );
    expect(data.find((u) => u.id === users.barbara?.id)?.attributes).toMatchObject({
      status: 'disabled',
      enabled: false,
    });
    expect(response.body).not.toMatch(
      /passwordHash|usernameNormalized|emailNormalized|failedSignIn|lockedUntil/,
    );
  });

  it('lets an ordinary member list colleagues (people pickers)', async () => {
    const member = await signIn(t.app, users.alan?.username as string, TEST_PASSWORD);
    const response = await member.request({ method: 'GET', url: '/api/users?filter[name]=lov' });
    expect(response.statusCode).toBe(200);
    expect(response.json().data.map((u: UserDocument) => u.attributes.username)).toEqual(['ada']);
  });

  it('filters by name over first name, last name, full name and username', async () => {
    expect(usernames(await list('filter[name]=ADA'))).toEqual(['ada']);
    expect(usernames(await list('filter[name][contains]=ing'))).toEqual(['alan_t']);
    expect(usernames(await list('filter[name]=ada%20love'))).toEqual(['ada']);
    expect(usernames(await list('filter[name]=admin_'))).toEqual(['admin_list']);
    // LIKE wildcards are literal.
    expect(usernames(await list('filter[name]=100%25'))).toEqual(['edsger']);
    expect(usernames(await list('filter[name]=n_t'))).toEqual(['alan_t']);
    expect(usernames(await list('filter[name]=%25'))).toEqual(['edsger']);
  });

  it('filters by email (exact, case-insensitive, or contains), status and role (id or name)', async () => {
    expect(usernames(await list('filter[email]=ada@EXAMPLE.com'))).toEqual(['ada']);
    expect(usernames(await list('filter[email][contains]=ALAN_T@'))).toEqual(['alan_t']);
    expect(usernames(await list('filter[status]=disabled'))).toEqual(['barbara']);
    expect(usernames(await list('filter[status][neq]=disabled&filter[name]=a'))).not.toContain('barbara');
    expect(usernames(await list('filter[role]=manager'))).toEqual(['ada', 'edsger']);
    expect(usernames(await list(`filter[role]=${organization.roleIds.Administrator}`))).toEqual([
      'admin_list',
    ]);
    expect(usernames(await list(`filter[role]=Administrator,${organization.roleIds.Manager}`))).toEqual([
      'ada',
      'admin_list',
      'edsger',
    ]);
    expect(usernames(await list('filter[role]=Nonexistent'))).toEqual([]);
  });

  it('counts by status and creation date exactly, in step with every change of the users', async () => {
    const total = async (query: string) =>
      (await list(query, { 'x-include': 'totalCount' })).json().meta.totalCount;
    const everyone: UserDocument[] = (await list('page[size]=100')).json().data;
    const alanCreated = everyone.find((u) => u.id === users.alan?.id)?.attributes.createdAt as string;
    const createdSince = everyone.filter((u) => (u.attributes.createdAt as string) >= alanCreated).length;
    expect(await total('filter[status]=disabled')).toBe(1);
    expect(await total('filter[status][neq]=disabled')).toBe(5);
    expect(await total('filter[status]=active,disabled')).toBe(6);
    expect(await total(`filter[createdAt][gte]=${alanCreated}`)).toBe(createdSince);
    expect(await total(`filter[status]=active&filter[createdAt][lt]=${alanCreated}`)).toBe(6 - createdSince);
    // Mixed with a filter the memberships cannot answer: the joined count.
    expect(await total('filter[status]=active&filter[name]=a')).toBe(
      (await list('filter[status]=active&filter[name]=a&page[size]=100')).json().data.length,
    );
    // A status written by anyone (here plain SQL) and a new member are counted at once.
    await t.deps.db
      .updateTable('users')
      .set({ status: 'active' })
      .where('id', '=', users.barbara?.id as string)
      .execute();
    expect(await total('filter[status]=disabled')).toBe(0);
    const newcomer = await buildUser(t, { organization, username: 'newcomer', roles: ['User'] });
    await t.deps.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', newcomer.id).execute();
    expect(await total('filter[status]=disabled')).toBe(1);
    expect(await total('filter[status]=active')).toBe(6);
    await t.deps.db.deleteFrom('memberships').where('userId', '=', newcomer.id).execute();
    await t.deps.db
      .updateTable('users')
      .set({ status: 'disabled' })
      .where('id', '=', users.barbara?.id as string)
      .execute();
    expect(await total('filter[status]=disabled')).toBe(1);
  });

  it('sorts by the documented fields, both ways', async () => {
    expect(usernames(await list('sort=-username'))).toEqual([
      'edsger',
      'dual',
      'barbara',
      'alan_t',
      'admin_list',
      'ada',
    ]);
    expect(usernames(await list('sort=lastName'))).toEqual([
      'edsger',
      'admin_list',
      'barbara',
      'ada',
      'dual',
      'alan_t',
    ]);
    expect(usernames(await list('sort=firstName'))).toEqual([
      'ada',
      'alan_t',
      'barbara',
      'dual',
      'edsger',
      'admin_list',
    ]);
    // Never signed in sorts last ascending.
    expect(usernames(await list('sort=lastSignInAt'))).toEqual([
      'ada',
      'edsger',
      'admin_list',
      'alan_t',
      'barbara',
      'dual',
    ]);
    expect(usernames(await list('sort=-createdAt&page[size]=2'))).toEqual(['dual', 'barbara']);
    expect(usernames(await list('sort=email&filter[role]=Manager'))).toEqual(['ada', 'edsger']);
  });

  it('pages with links and includes the roles', async () => {
    const first = await list('page[size]=4&include=roles', { 'x-include': 'totalCount' });
    expect(usernames(first)).toEqual(['ada', 'admin_list', 'alan_t', 'barbara']);
    const document = first.json();
    expect(document.links.next).toMatch(
      /^\/api\/users\?include=roles&page%5Bafter%5D=[\w-]+&page%5Bsize%5D=4$/,
    );
    expect(document.links.prev).toBeUndefined();
    expect(document.meta.totalCount).toBe(6);
    expect(document.included.map((r: { attributes: { name: string } }) => r.attributes.name)).toEqual([
      'Administrator',
      'Manager',
      'User',
    ]);
    const second = await browser.request({ method: 'GET', url: document.links.next });
    expect(usernames(second)).toEqual(['dual', 'edsger']);
    expect(second.json().links.next).toBeUndefined();
    const back = await browser.request({ method: 'GET', url: second.json().links.prev });
    expect(usernames(back)).toEqual(['ada', 'admin_list', 'alan_t', 'barbara']);
    const byNumber = await list('page[size]=4&page[number]=2&include=roles', { 'x-include': 'totalCount' });
    expect(usernames(byNumber)).toEqual(['dual', 'edsger']);
    expect(byNumber.json().links.last).toBe('/api/users?include=roles&page%5Bnumber%5D=2&page%5Bsize%5D=4');
  });

  it('refuses unknown parameters and bad values with the parameter named (400)', async () => {
    for (const [query, parameter] of [
      ['filter[password]=x', 'filter[password]'],
      ['filter[status]=sleeping', 'filter[status]'],
      ['filter[name][gt]=a', 'filter[name][gt]'],
      ['sort=passwordHash', 'sort'],
      ['page[size]=0', 'page[size]'],
      ['include=organizations', 'include'],
      ['filter[role]=a,,b', 'filter[role]'],
      ['organizationId=x', 'organizationId'],
    ]) {
      const response = await browser.request({ method: 'GET', url: `/api/users?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().errors[0].source.parameter).toBe(parameter);
    }
  });
  it('trims users and included roles to fields[users] and fields[roles]', async () => {
    const response = await browser.request({
      method: 'GET',
      url: '/api/users?filter[name]=ada&include=roles&fields[users]=username,roles&fields[roles]=name',
    });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.data).toHaveLength(1);
    expect(document.data[0].attributes).toEqual({ username: 'ada' });
    expect(Object.keys(document.data[0].relationships)).toEqual(['roles']);
    expect(document.included).toEqual([
      expect.objectContaining({ type: 'roles', attributes: { name: 'Manager' } }),
    ]);
    const emptyRoles = await browser.request({
      method: 'GET',
      url: '/api/users?fields[users]=fullName,email&sort=username&page[size]=1',
    });
    expect(emptyRoles.json().data[0].attributes).toEqual({
      fullName: 'Ada Lovelace',
      email: 'ADA@Example.com',
    });
    expect(emptyRoles.json().data[0].relationships).toEqual({});
    for (const [query, parameter] of [
      ['fields[users]=passwordHash', 'fields[users]'],
      ['fields[roles]=secret', 'fields[roles]'],
      ['fields[apiKeys]=name', 'fields[apiKeys]'],
    ] as const) {
      const refused = await browser.request({ method: 'GET', url: `/api/users?${query}` });
      expect(refused.statusCode, query).toBe(400);
      expect(refused.json().errors[0].source, query).toEqual({ parameter });
    }
  });
});
