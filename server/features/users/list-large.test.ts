import type { Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeEmail, normalizeUsername } from '../../../common/login-keys';
import { type Browser, createTestApp, signIn, type TestApp } from '../../../tests/helpers/app';
import { type BuiltOrganization, buildUser, TEST_PASSWORD } from '../../../tests/helpers/factories';
import type { UsersTable } from '../../platform/db/schema';
import { newId } from '../../platform/ids';
import { foldCase } from '../../platform/text/case-fold';
import { isLargeOrganization, LARGE_ORGANIZATION_MEMBERS } from './list-store';

type Listed = {
  data: { id: string; attributes: { username: string } }[];
  links: Record<string, string | undefined>;
  meta?: { totalCount?: number };
};

/**
 * The users list of an organization large enough to be read in the order of the sort's index
 * (SQLite: `users` first, see list-store.ts membersQuery), against the order computed here, on both
 * databases: every member exactly once by cursor, the right total, and no other organization's
 * user among them.
 */
describe('GET /api/users: a large organization', () => {
  let t: TestApp;
  let organization: BuiltOrganization;
  let browser: Browser;
  /** [lastNameFolded, id, username, lastSignInAt] of every member, the admin included. */
  const members: [string, string, string, string | null][] = [];
  const MEMBERS = LARGE_ORGANIZATION_MEMBERS + 25;
  const LAST_NAMES = ['Ng', 'abe', 'Zed', 'Émery', 'Li', 'Kay', 'Moe', 'Øster', 'Straße', 'ng'];

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await buildUser(t, {
      username: 'large_admin',
      lastName: 'Admin',
      roles: ['Administrator'],
    });
    organization = admin.organization;
    members.push([foldCase('Admin'), admin.id, admin.username, null]);
    // Users of another organization, interleaved in every order: never listed here.
    await buildUser(t, { username: 'aaa_outsider', lastName: 'Abe' });
    await buildUser(t, { username: 'zzz_outsider', lastName: 'Zed' });
    const now = t.clock.now().getTime();
    const BATCH = 200;
    for (let done = 1; done < MEMBERS; done += BATCH) {
      const users: (Insertable<UsersTable> & { id: string; createdAt: string; lastNameFolded: string })[] =
        [];
      for (let index = done; index < Math.min(done + BATCH, MEMBERS); index++) {
        const username = `member_${String(index).padStart(5, '0')}`;
        const email = `${username}@example.com`;
        const lastName = LAST_NAMES[index % LAST_NAMES.length] as string;
        const createdAt = new Date(now - index * 1000).toISOString();
        // A third never signed in; the others at one of 50 moments (ties broken by id).
        const lastSignInAt = index % 3 === 0 ? null : new Date(now - (index % 50) * 60_000).toISOString();
        users.push({
          id: newId(),
          username,
          usernameNormalized: normalizeUsername(username),
          email,
          emailNormalized: normalizeEmail(email),
          firstName: 'Member',
          lastName,
          firstNameFolded: foldCase('Member'),
          lastNameFolded: foldCase(lastName),
          usernameFolded: foldCase(username),
          emailFolded: foldCase(email),
          status: 'active' as const,
          passwordHash: null,
          mustChangePassword: false,
          lastSignInAt,
          createdAt,
          updatedAt: createdAt,
        });
      }
      await t.deps.db.transaction().execute(async (trx) => {
        await trx.insertInto('users').values(users).execute();
        await trx
          .insertInto('memberships')
          .values(
            users.map((user) => ({
              id: newId(),
              userId: user.id,
              organizationId: organization.id,
              createdAt: user.createdAt,
            })),
          )
          .execute();
      });
      for (const user of users) {
        members.push([user.lastNameFolded, user.id, user.username, user.lastSignInAt ?? null]);
      }
    }
    browser = await signIn(t.app, admin.username, TEST_PASSWORD);
    const signedIn = await t.deps.db
      .selectFrom('users')
      .select('lastSignInAt')
      .where('id', '=', admin.id)
      .executeTakeFirstOrThrow();
    (members[0] as (typeof members)[number])[3] = new Date(signedIn.lastSignInAt as string).toISOString();
  });

  afterAll(async () => {
    await t?.close();
  });

  const get = async (url: string, headers: Record<string, string> = {}): Promise<Listed> => {
    const response = await browser.request({ method: 'GET', url, headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('is large, and lists every member exactly once by cursor, in the order of the sort', async () => {
    expect(await isLargeOrganization(t.deps.db, organization.id)).toBe(true);
    const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const expected = [...members]
      .sort((a, b) => byCodeUnit(a[0], b[0]) || byCodeUnit(a[1], b[1]))
      .map(([, , username]) => username);
    const seen: string[] = [];
    let url: string | undefined = '/api/users?sort=lastName&page[size]=100';
    while (url) {
      const document = await get(url);
      seen.push(...document.data.map((user) => user.attributes.username));
      url = document.links.next;
    }
    expect(seen).toEqual(expected);
  });

  it('lists by last sign-in, never-signed-in last (first descending), every member once both ways', async () => {
    const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    // NULL the largest value; ties by id, in the sort's direction.
    const ascending = [...members]
      .sort(
        (a, b) =>
          (a[3] === null ? 1 : 0) - (b[3] === null ? 1 : 0) ||
          byCodeUnit(a[3] ?? '', b[3] ?? '') ||
          byCodeUnit(a[1], b[1]),
      )
      .map(([, , username]) => username);
    for (const [sort, expected] of [
      ['lastSignInAt', ascending],
      ['-lastSignInAt', [...ascending].reverse()],
    ] as const) {
      const forwards: string[] = [];
      let url: string | undefined = `/api/users?sort=${sort}&page[size]=100`;
      let last: Listed | undefined;
      while (url) {
        last = await get(url);
        forwards.push(...last.data.map((user) => user.attributes.username));
        url = last.links.next;
      }
      expect(forwards, sort).toEqual(expected);
      const backwards: string[] = [];
      url = last?.links.prev;
      while (url) {
        const page = await get(url);
        backwards.unshift(...page.data.map((user) => user.attributes.username));
        url = page.links.prev;
      }
      expect(backwards, `${sort} backwards`).toEqual(
        expected.slice(0, expected.length - (last?.data.length ?? 0)),
      );
    }
  });

  it('reads the first page in each order, and backwards from the end', async () => {
    const byUsername = [...members].map(([, , username]) => username).sort();
    const first = await get('/api/users?page[size]=20');
    expect(first.data.map((user) => user.attributes.username)).toEqual(byUsername.slice(0, 20));
    const newest = await get('/api/users?sort=-username&page[size]=5');
    expect(newest.data.map((user) => user.attributes.username)).toEqual(byUsername.slice(-5).reverse());
    const next = await get(first.links.next as string);
    const back = await get(next.links.prev as string);
    expect(back.data.map((user) => user.attributes.username)).toEqual(byUsername.slice(0, 20));
  });

  it('answers numbered pages past the first with the rows of the order, in it, whole', async () => {
    const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const byUsername = [...members].map(([, , username]) => username).sort();
    const byLastName = [...members]
      .sort((a, b) => byCodeUnit(a[0], b[0]) || byCodeUnit(a[1], b[1]))
      .map(([, , username]) => username);
    const cases: [string, string[]][] = [
      ['', byUsername],
      ['&sort=-username', [...byUsername].reverse()],
      ['&sort=lastName', byLastName],
      ['&filter[name][contains]=member_01', byUsername.filter((name) => name.includes('member_01'))],
    ];
    for (const [query, expected] of cases) {
      for (const number of [2, 7, Math.ceil(expected.length / 30)]) {
        const page = await get(`/api/users?page[size]=30&page[number]=${number}${query}`);
        expect(
          page.data.map((user) => user.attributes.username),
          `${query} page ${number}`,
        ).toEqual(expected.slice((number - 1) * 30, number * 30));
        // Whole rows (the second read's), not only the ids of the first.
        for (const user of page.data) expect(user.attributes).toHaveProperty('lastName');
      }
    }
    const beyond = await get('/api/users?page[size]=30&page[number]=1000');
    expect(beyond.data).toEqual([]);
  });

  it('counts the members once, with and without filters', async () => {
    const all = await get('/api/users?page[size]=1', { 'x-include': 'totalCount' });
    expect(all.meta?.totalCount).toBe(MEMBERS);
    const named = await get('/api/users?page[size]=1&filter[name][contains]=member_0001', {
      'x-include': 'totalCount',
    });
    // member_00010 … member_00019 and member_0001x: ten, plus member_00001.
    const matching = members.filter(([, , username]) => username.includes('member_0001')).length;
    expect(named.meta?.totalCount).toBe(matching);
  });
});
