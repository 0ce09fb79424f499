import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { type ListSpec, parseListQuery } from './list-query';

const spec: ListSpec = {
  type: 'users',
  sort: { username: 'users.username', createdAt: 'users.createdAt', id: 'users.id' },
  defaultSort: 'username',
  filters: {
    username: { column: 'users.username', kind: 'string' },
    signInCount: { column: 'users.signInCount', kind: 'number' },
    mustChangePassword: { column: 'users.mustChangePassword', kind: 'boolean' },
    createdAt: { column: 'users.createdAt', kind: 'timestamp' },
    birthday: { column: 'users.birthday', kind: 'date' },
    status: { column: 'users.status', kind: 'enum', values: ['active', 'reset', 'disabled'] },
    id: { column: 'users.id', kind: 'id' },
    email: { column: 'users.email', kind: 'string', ops: ['eq'] },
  },
  includes: ['organization', 'roles.permissions'],
  fieldsets: { users: ['username', 'email', 'organization'], organizations: ['name'] },
};

const ID_A = '01936b2e-1e2f-7a3b-8c4d-5e6f7a8b9c0d';
const ID_B = '01936b2e-1e2f-7a3b-8c4d-5e6f7a8b9c0e';

function parse(query: Record<string, unknown>) {
  return parseListQuery(query, spec);
}

/** Runs `parse` expecting a 400 and returns its code and parameter. */
function rejection(query: Record<string, unknown>, options = {}) {
  try {
    parseListQuery(query, spec, options);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.kind).toBe('bad_request');
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/\.$/);
    const source = error.source as { parameter?: string } | undefined;
    return { code: error.code, parameter: source?.parameter };
  }
  throw new Error(`expected ${JSON.stringify(query)} to be rejected`);
}

describe('parseListQuery: defaults', () => {
  it('gives page 1 of 10, the default sort and nothing else', () => {
    expect(parse({})).toEqual({
      page: { number: 1, size: 10 },
      sort: [{ column: 'users.username', field: 'username', direction: 'asc' }],
      filters: [],
      include: [],
      fields: {},
      withTotal: false,
    });
  });

  it('reads a descending default sort', () => {
    expect(parseListQuery({}, { ...spec, defaultSort: '-createdAt' }).sort).toEqual([
      { column: 'users.createdAt', field: 'createdAt', direction: 'desc' },
    ]);
  });

  it('fails loudly (not as a 400) when the spec itself has a bad default sort', () => {
    expect(() => parseListQuery({}, { ...spec, defaultSort: 'nope' })).toThrow(/defaultSort 'nope'/);
    expect(() => parseListQuery({}, { ...spec, defaultSort: 'nope' })).not.toThrow(AppError);
  });
});

describe('parseListQuery: page', () => {
  it('reads page[number] and page[size] within bounds', () => {
    expect(parse({ 'page[number]': '3', 'page[size]': '25' }).page).toEqual({
      number: 3,
      size: 25,
      byNumber: true,
    });
    expect(parse({ 'page[size]': '1' }).page.size).toBe(1);
    expect(parse({ 'page[size]': '100' }).page.size).toBe(100);
  });

  it.each(['0', '-1', '1.5', 'abc', '', ' 2', '2 ', '+2', '1e2', '0x10', '02', '99999999999'])(
    'rejects page[number]=%j',
    (value) => {
      expect(rejection({ 'page[number]': value })).toEqual({
        code: 'invalid_page_number',
        parameter: 'page[number]',
      });
    },
  );

  it.each(['0', '101', '-5', '10.0', 'ten', ''])('rejects page[size]=%j', (value) => {
    expect(rejection({ 'page[size]': value })).toEqual({
      code: 'invalid_page_size',
      parameter: 'page[size]',
    });
  });

  it('rejects other page parameters', () => {
    expect(rejection({ 'page[offset]': '10' })).toEqual({
      code: 'unknown_parameter',
      parameter: 'page[offset]',
    });
    expect(rejection({ page: '2' })).toEqual({ code: 'unknown_parameter', parameter: 'page' });
  });
});

describe('parseListQuery: sort', () => {
  it('reads a comma list with - for descending', () => {
    expect(parse({ sort: '-createdAt,username' }).sort).toEqual([
      { column: 'users.createdAt', field: 'createdAt', direction: 'desc' },
      { column: 'users.username', field: 'username', direction: 'asc' },
    ]);
  });

  it('rejects unknown fields, naming them and the allowed ones', () => {
    expect(rejection({ sort: 'username,-password' })).toEqual({
      code: 'unknown_sort_field',
      parameter: 'sort',
    });
    expect(() => parse({ sort: 'password' })).toThrow("Cannot sort by 'password'. Sort by one of 'username'");
  });

  it.each(['', ',', 'username,', '-', '--username'])('rejects sort=%j', (value) => {
    expect(rejection({ sort: value }).parameter).toBe('sort');
  });

  it('rejects a field listed twice, whatever the direction', () => {
    expect(rejection({ sort: 'username,-username' })).toEqual({ code: 'invalid_sort', parameter: 'sort' });
  });

  it('does not treat inherited object names as fields', () => {
    expect(rejection({ sort: 'constructor' })).toEqual({ code: 'unknown_sort_field', parameter: 'sort' });
  });
});

describe('parseListQuery: filters', () => {
  it('reads filter[field]=v as eq and filter[field][op]=v', () => {
    expect(parse({ 'filter[username]': 'ada', 'filter[username][contains]': 'd' }).filters).toEqual([
      { field: 'username', column: 'users.username', op: 'eq', value: 'ada' },
      { field: 'username', column: 'users.username', op: 'contains', value: 'd' },
    ]);
  });

  it('keeps string values exactly, commas and spaces included', () => {
    expect(parse({ 'filter[username]': ' a,b ' }).filters[0]?.value).toBe(' a,b ');
  });

  it('reads decimal numbers and range operators', () => {
    const { filters } = parse({
      'filter[signInCount][gte]': '2',
      'filter[signInCount][lt]': '-1.5',
      'filter[signInCount][neq]': '0',
    });
    expect(filters.map(({ op, value }) => [op, value])).toEqual([
      ['gte', 2],
      ['lt', -1.5],
      ['neq', 0],
    ]);
  });

  it.each(['1e3', '0x10', '', ' 1', '1,2', 'NaN', 'Infinity', '01', '1.', '.5', '+1'])(
    'rejects number %j',
    (value) => {
      expect(rejection({ 'filter[signInCount]': value })).toEqual({
        code: 'invalid_filter_value',
        parameter: 'filter[signInCount]',
      });
    },
  );

  it('reads booleans as true|false only', () => {
    expect(parse({ 'filter[mustChangePassword]': 'true' }).filters[0]?.value).toBe(true);
    expect(parse({ 'filter[mustChangePassword][neq]': 'false' }).filters[0]?.value).toBe(false);
    for (const value of ['1', 'TRUE', 'yes', '']) {
      expect(rejection({ 'filter[mustChangePassword]': value }).code).toBe('invalid_filter_value');
    }
  });

  it('normalizes ISO-8601 timestamps to UTC toISOString()', () => {
    const value = (raw: string) => parse({ 'filter[createdAt][gte]': raw }).filters[0]?.value;
    expect(value('2026-11-28T09:15:00Z')).toBe('2026-11-28T09:15:00.000Z');
    expect(value('2026-11-28T10:15:00.5+01:00')).toBe('2026-11-28T09:15:00.500Z');
    expect(value('2026-11-28T09:15Z')).toBe('2026-11-28T09:15:00.000Z');
    // RFC 3339 allows any fraction of a second: truncated to the millisecond (common/instant.ts).
    expect(value('2026-11-28T09:15:00.1234Z')).toBe('2026-11-28T09:15:00.123Z');
    expect(value('2026-11-28T09:15:00.999999+00:00')).toBe('2026-11-28T09:15:00.999Z');
  });

  it.each([
    '2026-11-28',
    '2026-11-28T09:15:00',
    '2026-02-30T00:00:00Z',
    '2026-11-28T24:00:00Z',
    '2026-11-28 09:15:00Z',
    '2026-11-28T09:15:00.Z',
    'yesterday',
    '1764321300000',
  ])('rejects timestamp %j', (value) => {
    expect(rejection({ 'filter[createdAt][lt]': value })).toEqual({
      code: 'invalid_filter_value',
      parameter: 'filter[createdAt][lt]',
    });
  });

  it('reads dates as YYYY-MM-DD and rejects anything else', () => {
    expect(parse({ 'filter[birthday][lte]': '2000-02-29' }).filters[0]?.value).toBe('2000-02-29');
    for (const value of ['2001-02-29', '2000-2-29', '2000-02-29T00:00:00Z', '29.02.2000']) {
      expect(rejection({ 'filter[birthday]': value }).code).toBe('invalid_filter_value');
    }
  });

  it('reads enum values and comma lists (IN / NOT IN)', () => {
    expect(parse({ 'filter[status]': 'active' }).filters[0]?.value).toBe('active');
    expect(parse({ 'filter[status]': 'active,reset,active' }).filters[0]?.value).toEqual(['active', 'reset']);
    expect(parse({ 'filter[status][neq]': 'disabled,reset' }).filters[0]).toMatchObject({
      op: 'neq',
      value: ['disabled', 'reset'],
    });
    expect(rejection({ 'filter[status]': 'active,gone' })).toEqual({
      code: 'invalid_filter_value',
      parameter: 'filter[status]',
    });
    expect(rejection({ 'filter[status]': 'Active' }).code).toBe('invalid_filter_value');
    expect(rejection({ 'filter[status]': 'active,' }).code).toBe('invalid_filter_value');
  });

  it('reads ids and id lists, rejecting anything that is not an id', () => {
    expect(parse({ 'filter[id]': `${ID_A},${ID_B}` }).filters[0]?.value).toEqual([ID_A, ID_B]);
    expect(parse({ 'filter[id]': ID_A }).filters[0]?.value).toBe(ID_A);
    expect(rejection({ 'filter[id]': '42' })).toEqual({
      code: 'invalid_filter_value',
      parameter: 'filter[id]',
    });
    const tooMany = Array.from(
      { length: 101 },
      (_, index) => ID_A.slice(0, -3) + String(index).padStart(3, '0'),
    );
    expect(rejection({ 'filter[id]': tooMany.join(',') }).code).toBe('invalid_filter_value');
  });

  it('reads exists as true|false for any kind', () => {
    expect(parse({ 'filter[birthday][exists]': 'false' }).filters[0]).toEqual({
      field: 'birthday',
      column: 'users.birthday',
      op: 'exists',
      value: false,
    });
    expect(rejection({ 'filter[birthday][exists]': 'yes' })).toEqual({
      code: 'invalid_filter_value',
      parameter: 'filter[birthday][exists]',
    });
  });

  it('rejects empty values', () => {
    expect(rejection({ 'filter[username]': '' })).toEqual({
      code: 'invalid_filter_value',
      parameter: 'filter[username]',
    });
    expect(rejection({ 'filter[username][contains]': '' }).code).toBe('invalid_filter_value');
  });

  it('rejects unknown filters, naming the parameter as sent', () => {
    expect(rejection({ 'filter[password][eq]': 'x' })).toEqual({
      code: 'unknown_filter',
      parameter: 'filter[password][eq]',
    });
    expect(rejection({ 'filter[__proto__]': 'x' }).code).toBe('unknown_filter');
  });

  it.each([
    ['filter[username][lt]', 'b'],
    ['filter[username][like]', 'b'],
    ['filter[signInCount][contains]', '1'],
    ['filter[status][gt]', 'active'],
    ['filter[mustChangePassword][gte]', 'true'],
    ['filter[email][contains]', 'x'],
    ['filter[email][exists]', 'true'],
  ])('rejects the operator in %s', (parameter, value) => {
    expect(rejection({ [parameter]: value })).toEqual({ code: 'unsupported_filter_operator', parameter });
  });

  it('never allows contains on a non-string kind, even when a spec lists it', () => {
    const custom: ListSpec = {
      ...spec,
      filters: { n: { column: 'n', kind: 'number', ops: ['contains', 'eq'] } },
    };
    expect(() => parseListQuery({ 'filter[n][contains]': '1' }, custom)).toThrow(AppError);
  });

  it.each(['filter', 'filter[]', 'filter[a][b][c]', 'filter[username][]', 'filter[username'])(
    'rejects the malformed key %s',
    (parameter) => {
      expect(rejection({ [parameter]: 'x' })).toEqual({ code: 'unknown_parameter', parameter });
    },
  );
});

describe('parseListQuery: include and fields', () => {
  it('reads allowed include paths', () => {
    expect(parse({ include: 'organization,roles.permissions,organization' }).include).toEqual([
      'organization',
      'roles.permissions',
    ]);
    expect(parse({ include: '' }).include).toEqual([]);
  });

  it('rejects paths that are not allowed, and any include where none are', () => {
    expect(rejection({ include: 'organization,roles' })).toEqual({
      code: 'unsupported_include',
      parameter: 'include',
    });
    const { includes: _includes, ...withoutIncludes } = spec;
    expect(() => parseListQuery({ include: 'organization' }, withoutIncludes)).toThrow(AppError);
  });

  it('reads fields[type] per type, an empty value meaning no fields', () => {
    expect(parse({ 'fields[users]': 'username,email', 'fields[organizations]': '' }).fields).toEqual({
      users: ['username', 'email'],
      organizations: [],
    });
  });

  it('rejects unknown types and fields', () => {
    expect(rejection({ 'fields[roles]': 'name' })).toEqual({
      code: 'unknown_fieldset_type',
      parameter: 'fields[roles]',
    });
    expect(rejection({ 'fields[users]': 'username,passwordHash' })).toEqual({
      code: 'unknown_fieldset_field',
      parameter: 'fields[users]',
    });
    expect(rejection({ 'fields[users]': 'username,' }).code).toBe('unknown_fieldset_field');
  });
});

describe('parseListQuery: other parameters', () => {
  it('rejects unknown parameters unless the caller allows them', () => {
    expect(rejection({ q: 'ada' })).toEqual({ code: 'unknown_parameter', parameter: 'q' });
    expect(parseListQuery({ q: 'ada', 'page[size]': '5' }, spec, { allowParams: ['q'] }).page.size).toBe(5);
  });

  it('rejects repeated parameters and non-string values', () => {
    expect(rejection({ sort: ['username', '-username'] })).toEqual({
      code: 'repeated_parameter',
      parameter: 'sort',
    });
    expect(rejection({ 'filter[username]': ['a', 'b'] })).toEqual({
      code: 'repeated_parameter',
      parameter: 'filter[username]',
    });
    expect(rejection({ 'page[size]': 5 })).toEqual({ code: 'invalid_parameter', parameter: 'page[size]' });
  });

  it('reads X-Include: totalCount from the headers', () => {
    const withTotal = (header: string | string[] | undefined) =>
      parseListQuery({}, spec, { headers: { 'x-include': header } }).withTotal;
    expect(withTotal('totalCount')).toBe(true);
    expect(withTotal('deleteCount; totalCount')).toBe(true);
    expect(withTotal(['other', 'totalCount'])).toBe(true);
    expect(withTotal('totalcount')).toBe(false);
    expect(withTotal(undefined)).toBe(false);
  });
});
