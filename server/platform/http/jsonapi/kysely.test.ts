import type { Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import type { UsersTable } from '../../db/schema';
import { newId } from '../../ids';
import { encodeCursor } from './cursor';
import { applyListQuery, countListQuery, fetchListPage } from './kysely';
import { type ListSpec, parseListQuery } from './list-query';

const organizationSpec: ListSpec = {
  type: 'organizations',
  sort: { name: 'organizations.nameNormalized', createdAt: 'organizations.createdAt' },
  defaultSort: 'name',
  filters: {
    name: { column: 'organizations.name', kind: 'string' },
    createdAt: { column: 'organizations.createdAt', kind: 'timestamp' },
    id: { column: 'organizations.id', kind: 'id' },
  },
};

const userSpec: ListSpec = {
  type: 'users',
  sort: { username: 'users.usernameNormalized', lastSignInAt: 'users.lastSignInAt' },
  defaultSort: 'username',
  nullableSorts: ['lastSignInAt'],
  filters: {
    mustChangePassword: { column: 'users.mustChangePassword', kind: 'boolean' },
    birthday: { column: 'users.birthday', kind: 'date' },
    status: { column: 'users.status', kind: 'enum', values: ['active', 'reset', 'disabled'] },
    signInCount: { column: 'users.signInCount', kind: 'number' },
    lastSignInAt: { column: 'users.lastSignInAt', kind: 'timestamp' },
  },
};

// Delta and Epsilon share createdAt, so sorting by it needs the id tiebreak to be stable (the id
// follows the direction of the last sort term, so one index serves both directions).
const organizations = [
  { name: 'Acme', createdAt: '2026-01-01T00:00:00.000Z' },
  { name: 'Beta 100% Inc', createdAt: '2026-01-02T00:00:00.000Z' },
  { name: 'beta_underscore', createdAt: '2026-01-03T00:00:00.000Z' },
  { name: 'Gamma\\Corp', createdAt: '2026-01-04T00:00:00.000Z' },
  { name: 'Delta', createdAt: '2026-01-05T00:00:00.000Z' },
  { name: 'Epsilon', createdAt: '2026-01-05T00:00:00.000Z' },
].map((organization) => ({ id: newId(), ...organization }));

describe('applyListQuery / countListQuery on a real database', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    await db
      .insertInto('organizations')
      .values(
        organizations.map(({ id, name, createdAt }) => ({
          id,
          name,
          nameNormalized: name.toLowerCase(),
          createdAt,
          updatedAt: createdAt,
        })),
      )
      .execute();
    const user = (username: string, fields: Partial<Insertable<UsersTable>>): Insertable<UsersTable> => ({
      id: newId(),
      username,
      usernameNormalized: username,
      email: `${username}@example.com`,
      emailNormalized: `${username}@example.com`,
      firstName: username,
      lastName: 'Test',
      status: 'active',
      mustChangePassword: false,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      ...fields,
    });
    await db
      .insertInto('users')
      .values([
        user('ada', {
          birthday: null,
          mustChangePassword: true,
          status: 'active',
          signInCount: 3,
          lastSignInAt: '2026-03-01T10:00:00.000Z',
        }),
        user('bob', { birthday: '1990-05-01', status: 'disabled', signInCount: 0, lastSignInAt: null }),
        user('cy', {
          birthday: '2001-12-31',
          status: 'reset',
          signInCount: 10,
          lastSignInAt: '2026-03-02T10:00:00.000Z',
        }),
      ])
      .execute();
  });

  afterAll(async () => {
    await database?.destroy();
  });

  async function organizationNames(query: Record<string, unknown>): Promise<string[]> {
    const listQuery = parseListQuery(query, organizationSpec);
    const base = database.db.selectFrom('organizations').select(['organizations.name']);
    const rows = await applyListQuery(base, listQuery, 'organizations.id').execute();
    return rows.map((row) => row.name);
  }

  async function organizationCount(query: Record<string, unknown>): Promise<number> {
    const base = database.db.selectFrom('organizations').select(['organizations.name']);
    return countListQuery(base, parseListQuery(query, organizationSpec));
  }

  async function usernames(query: Record<string, unknown>): Promise<string[]> {
    const base = database.db.selectFrom('users').select(['users.username']);
    const rows = await applyListQuery(base, parseListQuery(query, userSpec), 'users.id').execute();
    return rows.map((row) => row.username);
  }

  it('sorts by the default sort, then by the given sort with the id as tiebreak', async () => {
    expect(await organizationNames({})).toEqual([
      'Acme',
      'Beta 100% Inc',
      'beta_underscore',
      'Delta',
      'Epsilon',
      'Gamma\\Corp',
    ]);
    expect(await organizationNames({ sort: '-createdAt' })).toEqual([
      'Epsilon',
      'Delta',
      'Gamma\\Corp',
      'beta_underscore',
      'Beta 100% Inc',
      'Acme',
    ]);
    expect(await organizationNames({ sort: 'createdAt,-name' })).toEqual([
      'Acme',
      'Beta 100% Inc',
      'beta_underscore',
      'Gamma\\Corp',
      'Epsilon',
      'Delta',
    ]);
  });

  it('pages with LIMIT/OFFSET', async () => {
    expect(await organizationNames({ 'page[size]': '2', 'page[number]': '2' })).toEqual([
      'beta_underscore',
      'Delta',
    ]);
    expect(await organizationNames({ 'page[size]': '4', 'page[number]': '2' })).toEqual([
      'Epsilon',
      'Gamma\\Corp',
    ]);
    expect(await organizationNames({ 'page[size]': '2', 'page[number]': '4' })).toEqual([]);
  });

  it('matches contains case-insensitively, taking %, _ and \\ literally', async () => {
    expect(await organizationNames({ 'filter[name][contains]': 'BETA' })).toEqual([
      'Beta 100% Inc',
      'beta_underscore',
    ]);
    expect(await organizationNames({ 'filter[name][contains]': '%' })).toEqual(['Beta 100% Inc']);
    expect(await organizationNames({ 'filter[name][contains]': '0% i' })).toEqual(['Beta 100% Inc']);
    expect(await organizationNames({ 'filter[name][contains]': '_' })).toEqual(['beta_underscore']);
    expect(await organizationNames({ 'filter[name][contains]': '\\' })).toEqual(['Gamma\\Corp']);
    expect(await organizationNames({ 'filter[name][contains]': "a'; drop table users; --" })).toEqual([]);
  });

  it('filters strings by eq and neq', async () => {
    expect(await organizationNames({ 'filter[name]': 'Acme' })).toEqual(['Acme']);
    expect(await organizationNames({ 'filter[name]': 'acme' })).toEqual([]);
    expect(await organizationCount({ 'filter[name][neq]': 'Acme' })).toBe(5);
  });

  it('filters timestamps by range, after normalizing the time zone', async () => {
    expect(
      await organizationNames({
        'filter[createdAt][gte]': '2026-01-03T00:00:00Z',
        'filter[createdAt][lt]': '2026-01-05T00:00:00+00:00',
      }),
    ).toEqual(['beta_underscore', 'Gamma\\Corp']);
    expect(await organizationNames({ 'filter[createdAt]': '2026-01-03T01:00:00+01:00' })).toEqual([
      'beta_underscore',
    ]);
  });

  it('filters ids by a list (IN) and its negation (NOT IN)', async () => {
    const [acme, beta] = organizations;
    const list = `${acme?.id},${beta?.id}`;
    expect(await organizationNames({ 'filter[id]': list })).toEqual(['Acme', 'Beta 100% Inc']);
    expect(await organizationCount({ 'filter[id][neq]': list })).toBe(4);
  });

  it('counts the matching rows, ignoring paging and sorting', async () => {
    expect(await organizationCount({})).toBe(6);
    expect(
      await organizationCount({ 'filter[name][contains]': 'beta', 'page[size]': '1', sort: '-name' }),
    ).toBe(2);
    expect(await organizationCount({ 'filter[name]': 'nobody' })).toBe(0);
  });

  it('filters booleans, dates, enums and numbers', async () => {
    expect(await usernames({ 'filter[mustChangePassword]': 'true' })).toEqual(['ada']);
    expect(await usernames({ 'filter[mustChangePassword]': 'false' })).toEqual(['bob', 'cy']);
    expect(await usernames({ 'filter[birthday][lt]': '2000-01-01' })).toEqual(['bob']);
    expect(await usernames({ 'filter[status]': 'active,reset' })).toEqual(['ada', 'cy']);
    expect(await usernames({ 'filter[status][neq]': 'active,reset' })).toEqual(['bob']);
    expect(await usernames({ 'filter[signInCount][gt]': '2' })).toEqual(['ada', 'cy']);
    expect(await usernames({ 'filter[signInCount][lte]': '3' })).toEqual(['ada', 'bob']);
  });

  it('treats NULL alike on both databases: exists, neq and sort order', async () => {
    expect(await usernames({ 'filter[birthday][exists]': 'false' })).toEqual(['ada']);
    expect(await usernames({ 'filter[birthday][exists]': 'true' })).toEqual(['bob', 'cy']);
    expect(await usernames({ 'filter[birthday][neq]': '1990-05-01' })).toEqual(['ada', 'cy']);
    expect(await usernames({ 'filter[lastSignInAt][lt]': '2030-01-01T00:00:00Z' })).toEqual(['ada', 'cy']);
    expect(await usernames({ sort: 'lastSignInAt' })).toEqual(['ada', 'cy', 'bob']);
    expect(await usernames({ sort: '-lastSignInAt' })).toEqual(['bob', 'cy', 'ada']);
  });

  it('refuses a cursor value of another kind than its sort column holds, alike on both databases', async () => {
    const spec: ListSpec = {
      type: 'users',
      sort: { failures: 'users.failedSignInCount', createdAt: 'users.createdAt', username: 'users.username' },
      sortValues: { failures: 'integer', createdAt: 'timestamp' },
      defaultSort: 'failures',
      filters: {},
    };
    const page = async (sort: string, values: unknown[]) =>
      database.db
        .selectFrom('users')
        .select('users.username')
        .$call((qb) =>
          applyListQuery(
            qb,
            parseListQuery({ sort, 'page[after]': encodeCursor({ sort, values: values as never[] }) }, spec),
            'users.id',
          ),
        )
        .execute();
    const id = newId();
    for (const [sort, values] of [
      ['failures', [1.5, id]],
      ['failures', [2_147_483_648, id]],
      ['failures', ['1', id]],
      ['createdAt', ['2026-02-30T00:00:00.000Z', id]],
      ['createdAt', ['2026-01-01T00:00:00Z', id]],
      ['createdAt', [1_767_225_600_000, id]],
      ['username', [7, id]],
      ['username', ['ada', 7]],
    ] as const) {
      await expect(page(sort, [...values]), `${sort} ${JSON.stringify(values)}`).rejects.toMatchObject({
        code: 'invalid_cursor',
        source: { parameter: 'page[after]' },
      });
    }
    // Values of the columns' kinds are taken.
    await expect(page('failures', [-2_147_483_647, id])).resolves.toBeInstanceOf(Array);
    await expect(page('createdAt', ['2026-01-01T00:00:00.000Z', id])).resolves.toBeInstanceOf(Array);
    await expect(page('username', ['ada', id])).resolves.toBeInstanceOf(Array);
  });

  it('fetches a page with look-ahead and, when asked, the total', async () => {
    const base = database.db.selectFrom('organizations').select(['organizations.name']);
    const query = (raw: Record<string, unknown>, headers = {}) =>
      parseListQuery(raw, organizationSpec, { headers });
    const first = await fetchListPage(base, query({ 'page[size]': '4' }), 'organizations.id');
    expect(first).toEqual({
      rows: [{ name: 'Acme' }, { name: 'Beta 100% Inc' }, { name: 'beta_underscore' }, { name: 'Delta' }],
      hasNextPage: true,
      hasPrevPage: false,
      nextCursor: expect.any(String),
    });
    const last = await fetchListPage(
      base,
      query({ 'page[size]': '4', 'page[number]': '2' }, { 'x-include': 'totalCount' }),
      'organizations.id',
    );
    expect(last).toEqual({
      rows: [{ name: 'Epsilon' }, { name: 'Gamma\\Corp' }],
      hasNextPage: false,
      hasPrevPage: true,
      total: 6,
    });
  });

  it('merges disjoint branches into the same pages, by cursor both ways and by number', async () => {
    const names = (rows: { name: string }[]) => rows.map((row) => row.name);
    const base = () => database.db.selectFrom('organizations').select(['organizations.name']);
    const split = [
      base().where('organizations.createdAt', '<', '2026-01-03T00:00:00.000Z'),
      base().where('organizations.createdAt', '>=', '2026-01-03T00:00:00.000Z'),
    ];
    for (const sort of ['-createdAt', 'createdAt', 'name']) {
      const whole = names(
        (
          await fetchListPage(
            base(),
            parseListQuery({ sort, 'page[size]': '10' }, organizationSpec),
            'organizations.id',
          )
        ).rows,
      );
      const walked: string[] = [];
      let raw: Record<string, unknown> = { sort, 'page[size]': '2' };
      for (;;) {
        const page = await fetchListPage(
          split,
          parseListQuery(raw, organizationSpec, { headers: { 'x-include': 'totalCount' } }),
          'organizations.id',
        );
        expect(page.total).toBe(6);
        walked.push(...names(page.rows));
        if (!page.nextCursor) break;
        raw = { sort, 'page[size]': '2', 'page[after]': page.nextCursor };
      }
      expect(walked, sort).toEqual(whole);
      const back = await fetchListPage(
        split,
        parseListQuery(
          { sort, 'page[size]': '2', 'page[before]': raw['page[after]'] ?? '' },
          organizationSpec,
        ),
        'organizations.id',
      );
      // page[after] of the last page is the 4th row: the two before it are the 2nd and 3rd.
      expect(names(back.rows), sort).toEqual(whole.slice(1, 3));
      const second = await fetchListPage(
        split,
        parseListQuery({ sort, 'page[size]': '2', 'page[number]': '2' }, organizationSpec),
        'organizations.id',
      );
      expect(names(second.rows), sort).toEqual(whole.slice(2, 4));
    }
  });
});
