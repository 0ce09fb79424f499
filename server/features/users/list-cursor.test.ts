import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, createTestApp, signIn, type TestApp } from '../../../tests/helpers/app';
import { type BuiltOrganization, buildUser, TEST_PASSWORD } from '../../../tests/helpers/factories';
import { updateProfileColumns } from './profile-store';

type Listed = { data: { id: string; attributes: { username: string } }[]; links: Record<string, string> };

describe('GET /api/users: cursor paging and Unicode case folding', () => {
  let t: TestApp;
  let organization: BuiltOrganization;
  let browser: Browser;
  let adminId: string;
  let counter = 0;

  const make = async (firstName: string, lastName: string, email?: string) => {
    counter += 1;
    const user = await buildUser(t, {
      organization,
      username: `member_${String(counter).padStart(3, '0')}`,
      firstName,
      lastName,
      ...(email ? { email } : {}),
    });
    t.clock.advance(1000);
    return user;
  };
  const get = async (url: string): Promise<Listed> => {
    const response = await browser.request({ method: 'GET', url });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const names = (document: Listed) => document.data.map((user) => user.attributes.username);

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await buildUser(t, { username: 'cursor_admin', roles: ['Administrator'] });
    organization = admin.organization;
    adminId = admin.id;
    browser = await signIn(t.app, admin.username, TEST_PASSWORD);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('folds all of Unicode in filters, on both databases, and after a rename', async () => {
    const emile = await make('Émile', 'Zola', 'Emile.Zola@Example.com');
    const strasse = await make('Lena', 'Straße');
    const sigma = await make('Ὀδυσσεύς', 'ΟΔΥΣΣΕΎΣ');
    const find = async (query: string) => names(await get(`/api/users?${query}`));
    expect(await find('filter[name]=%C3%A9mile')).toEqual([emile.username]);
    expect(await find('filter[name]=%C3%89MILE%20zo')).toEqual([emile.username]);
    expect(await find('filter[name][contains]=strasse')).toEqual([strasse.username]);
    expect(await find('filter[name][contains]=STRASSE')).toEqual([strasse.username]);
    expect(await find('filter[name][contains]=%CE%BF%CE%B4%CF%85%CF%83%CF%82')).toEqual([sigma.username]);
    expect(await find('filter[email][contains]=EMILE.ZO')).toEqual([emile.username]);
    expect(await find('filter[name]=%C3%A9m')).toEqual([emile.username]);
    expect(await find('filter[name]=%25')).toEqual([]);

    // A rename is found under the new name only (the folded copy and, on SQLite, the FTS index follow).
    const row = await t.deps.db
      .selectFrom('users')
      .select('version')
      .where('id', '=', emile.id)
      .executeTakeFirstOrThrow();
    await updateProfileColumns(
      t.deps.db,
      emile.id,
      row.version,
      { firstName: 'Éric' },
      t.clock.now().toISOString(),
    );
    expect(await find('filter[name]=%C3%A9mile')).toEqual([]);
    expect(await find('filter[name]=%C3%89RIC')).toEqual([emile.username]);
    expect(await find('sort=firstName&filter[name]=zola')).toEqual([emile.username]);
  });

  it('returns every row exactly once by cursor, forwards and backwards, under inserts and deletes', async () => {
    const lastNames = ['Ng', 'Abe', 'ng', 'Zed', 'Émery', 'Abe', 'Moe', 'Li', 'Li', 'Kay'];
    const created = [];
    for (const [index, lastName] of lastNames.entries()) {
      const user = await make(`Walker${index}`, lastName);
      created.push(user);
      if (index % 3 !== 0) {
        await t.deps.db
          .updateTable('users')
          .set({
            lastSignInAt: new Date(Date.parse('2026-02-01T00:00:00Z') + (index % 2) * 60_000).toISOString(),
          })
          .where('id', '=', user.id)
          .execute();
      }
    }
    for (const sort of ['-createdAt', '-lastName,firstName', 'lastSignInAt', '-lastSignInAt']) {
      for (const direction of ['next', 'prev'] as const) {
        const seen: string[] = [];
        const deleted = new Set<string>();
        const present = new Set(
          (await get(`/api/users?sort=${sort}&page[size]=100`)).data.map((user) => user.id),
        );
        let url = `/api/users?sort=${encodeURIComponent(sort)}&page[size]=3`;
        if (direction === 'prev') {
          // Walk to the end first, then back by links.prev.
          let page = await get(url);
          while (page.links.next) page = await get(page.links.next);
          url = page.links.self as string;
        }
        let step = 0;
        for (let page = await get(url); ; step += 1) {
          const ids = page.data.map((user) => user.id);
          seen.push(...(direction === 'prev' ? ids.reverse() : ids));
          const link = page.links[direction];
          if (!link) break;
          // Between pages: someone joins, and someone not seen yet leaves.
          const joined = await make(`Late${step}`, lastNames[step % lastNames.length] as string);
          const leaving = [...present].find((id) => id !== adminId && !seen.includes(id) && !deleted.has(id));
          if (leaving && step % 2 === 0) {
            await t.deps.db.deleteFrom('users').where('id', '=', leaving).execute();
            deleted.add(leaving);
          }
          created.push(joined);
          page = await get(link);
        }
        expect(new Set(seen).size, `${sort} ${direction}: no row twice`).toBe(seen.length);
        for (const id of present) {
          if (!deleted.has(id)) expect(seen, `${sort} ${direction}: every row once`).toContain(id);
          else expect(seen).not.toContain(id);
        }
      }
    }
  });

  it('refuses forged, foreign and conflicting cursors with the parameter named (400)', async () => {
    const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
    const first = await get('/api/users?sort=lastName&page[size]=2');
    const id = first.data[0]?.id as string;
    const next = new URL(first.links.next as string, 'http://x').searchParams.get('page[after]') as string;
    for (const [query, parameter] of [
      ['page[after]=***', 'page[after]'],
      ['page[after]=e30', 'page[after]'],
      [`page[before]=${Buffer.from('["lastName",1]').toString('base64url')}`, 'page[before]'],
      [`sort=-lastName&page[after]=${next}`, 'page[after]'],
      [`sort=lastName&page[after]=${next}&page[number]=2`, 'page[after]'],
      [`sort=lastName&page[after]=${next}&page[before]=${next}`, 'page[before]'],
      // Values no row of the list has: refused alike on both databases.
      [`sort=username&page[after]=${cursor(['username', 'a\u0000b', id])}`, 'page[after]'],
      [`sort=username&page[after]=${cursor(['username', '\ud800', id])}`, 'page[after]'],
      [`sort=username&page[after]=${cursor(['username', 'a', null])}`, 'page[after]'],
      [`sort=username&page[before]=${cursor(['username', null, id])}`, 'page[before]'],
      [`sort=lastSignInAt&page[after]=${cursor(['lastSignInAt', 2, null, id])}`, 'page[after]'],
      [`sort=lastSignInAt&page[after]=${cursor(['lastSignInAt', 0, null, id])}`, 'page[after]'],
      [
        `sort=lastSignInAt&page[after]=${cursor(['lastSignInAt', 1, '2026-01-01T00:00:00.000Z', id])}`,
        'page[after]',
      ],
      // Values of another kind than the column holds: PostgreSQL alone would refuse a text that
      // is no instant, SQLite would compare anything as it is.
      [`sort=createdAt&page[after]=${cursor(['createdAt', 'not a time', id])}`, 'page[after]'],
      [`sort=createdAt&page[after]=${cursor(['createdAt', '2026-01-01', id])}`, 'page[after]'],
      [`sort=createdAt&page[after]=${cursor(['createdAt', '2026-02-30T00:00:00.000Z', id])}`, 'page[after]'],
      [`sort=createdAt&page[before]=${cursor(['createdAt', 1767225600000, id])}`, 'page[before]'],
      [`sort=lastSignInAt&page[after]=${cursor(['lastSignInAt', 0, 'yesterday', id])}`, 'page[after]'],
      [`sort=username&page[after]=${cursor(['username', 7, id])}`, 'page[after]'],
      [`sort=username&page[after]=${cursor(['username', 'a', 7])}`, 'page[after]'],
    ]) {
      const response = await browser.request({ method: 'GET', url: `/api/users?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().errors[0].source, query).toEqual({ parameter });
    }
    // A cursor of a real row of every kind of column is taken back.
    for (const sort of ['createdAt', '-lastSignInAt', 'username']) {
      const page = await get(`/api/users?sort=${sort}&page[size]=1`);
      const after = new URL(page.links.next as string, 'http://x').searchParams.get('page[after]') as string;
      const response = await browser.request({
        method: 'GET',
        url: `/api/users?sort=${sort}&page[after]=${after}`,
      });
      expect(response.statusCode, `${sort}: ${response.body}`).toBe(200);
    }
  });
  it('finds substrings shorter than a trigram, case-folded, with an exact count', async () => {
    const oyvind = await make('Øyvind', 'Qvist', 'oq@example.com');
    const ann = await make('Ann', 'Øvergaard');
    const zed = await make('Zed', 'Qø');
    const found = async (query: string) => {
      const response = await browser.request({
        method: 'GET',
        url: `/api/users?${query}&page[size]=2`,
        headers: { 'x-include': 'totalCount' },
      });
      expect(response.statusCode, response.body).toBe(200);
      const document = response.json();
      return { names: names(document), total: document.meta.totalCount };
    };
    // One character (Ø folds to ø), paged: the first two in username order, all three counted.
    expect(await found('filter[name][contains]=%C3%98')).toEqual({
      names: [oyvind.username, ann.username],
      total: 3,
    });
    expect(await found('filter[name]=%C3%B8')).toEqual({ names: [oyvind.username, ann.username], total: 3 });
    expect(await found('filter[name][contains]=QV')).toEqual({ names: [oyvind.username], total: 1 });
    expect(await found('filter[name][contains]=Q%C3%98')).toEqual({ names: [zed.username], total: 1 });
    expect(await found('filter[email][contains]=Q%40')).toEqual({ names: [oyvind.username], total: 1 });
    expect(await found('filter[name][contains]=%25')).toEqual({ names: [], total: 0 });
  });
});
