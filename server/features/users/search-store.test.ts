import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, createTestApp, signIn, type TestApp } from '../../../tests/helpers/app';
import { buildOrganization, buildUser, TEST_PASSWORD } from '../../../tests/helpers/factories';
import { isPostgres } from '../../platform/db/columns';
import { foldCase } from '../../platform/text/case-fold';

/**
 * Issue 17: on SQLite a profile write no longer re-indexes the user for substring search in its
 * own transaction (migration 0025); the index catches up before the next search. Whatever changed,
 * however it changed, a search finds the new words and no longer the old ones.
 */
describe('substring search after changes (deferred index on SQLite)', () => {
  let t: TestApp;
  let admin: Browser;
  let subject: { id: string; username: string };

  beforeAll(async () => {
    t = await createTestApp();
    const organization = await buildOrganization(t, 'Search Org');
    const built = await buildUser(t, { organization, roles: ['Administrator'], username: 'searcher' });
    subject = await buildUser(t, {
      organization,
      username: 'quinlan',
      firstName: 'Quentin',
      lastName: 'Marlowe',
      email: 'quentin@example.test',
    });
    admin = await signIn(t.app, built.username, TEST_PASSWORD);
  });
  afterAll(async () => {
    await t?.close();
  });

  const found = async (query: string): Promise<string[]> => {
    const response = await admin.request({ method: 'GET', url: `/api/users?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().data.map((user: { attributes: { username: string } }) => user.attributes.username);
  };
  const staleCount = async (): Promise<number> => {
    if (isPostgres(t.deps.db)) return 0;
    const { rows } = await sql<{ n: number }>`select count(*) as n from user_search_stale`.execute(t.deps.db);
    return Number(rows[0]?.n);
  };

  it('a name changed through the API is found by its new words at once, not by its old ones', async () => {
    expect(await found('filter[name]=marlow')).toEqual(['quinlan']);
    const response = await admin.request({
      method: 'PATCH',
      url: `/api/users/${subject.id}`,
      payload: { data: { type: 'users', id: subject.id, attributes: { lastName: 'Zerbinetti' } } },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(await found('filter[name]=zerbin')).toEqual(['quinlan']);
    expect(await found('filter[name]=marlow')).toEqual([]);
    expect(await staleCount()).toBe(0);
  });

  it('several changes before a search: the last words of each are found, every mark is cleared', async () => {
    for (const [index, lastName] of ['Ravensworth', 'Oakenshield', 'Pemberton'].entries()) {
      await t.deps.db
        .updateTable('users')
        .set({
          lastName,
          lastNameFolded: foldCase(lastName),
          email: `q${index}@example.test`,
          emailFolded: `q${index}@example.test`,
        })
        .where('id', '=', subject.id)
        .execute();
    }
    if (!isPostgres(t.deps.db)) expect(await staleCount()).toBe(1);
    expect(await found('filter[name]=pembert')).toEqual(['quinlan']);
    expect(await found('filter[name]=ravens')).toEqual([]);
    expect(await found('filter[name]=oaken')).toEqual([]);
    expect(await found('filter[email][contains]=q2@exa')).toEqual(['quinlan']);
    expect(await found('filter[email][contains]=q0@exa')).toEqual([]);
    expect(await staleCount()).toBe(0);
  });

  it('a change of another column marks nobody stale', async () => {
    await t.deps.db
      .updateTable('users')
      .set({ phone: '+16502530000' })
      .where('id', '=', subject.id)
      .execute();
    await t.deps.db
      .updateTable('users')
      .set({ firstNameFolded: foldCase('Quentin') })
      .where('id', '=', subject.id)
      .execute();
    expect(await staleCount()).toBe(0);
  });
});
