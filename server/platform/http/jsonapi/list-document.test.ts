import { describe, expect, it } from 'vitest';
import type { ResourceObject } from './document';
import { listDocument } from './list-document';

const ada: ResourceObject = {
  type: 'users',
  id: 'u1',
  attributes: { username: 'ada', email: 'ada@example.com' },
  links: { self: '/api/users/u1' },
};
const admins: ResourceObject = {
  type: 'roles',
  id: 'r1',
  attributes: { name: 'Administrator', isSystem: true },
};

function replyRecorder() {
  const headers = new Map<string, string>();
  return { headers, reply: { header: (name: string, value: string) => headers.set(name, value) } };
}

describe('listDocument', () => {
  it('pages by cursor: self, first and next links, keeping the other query parameters', () => {
    const { headers, reply } = replyRecorder();
    const document = listDocument(reply, {
      data: [ada],
      paging: {
        path: '/api/users',
        query: { sort: '-createdAt', 'page[size]': '1' },
        page: { number: 1, size: 1 },
        state: { hasNextPage: true, nextCursor: 'abc' },
      },
    });
    expect(document).toEqual({
      jsonapi: { version: '1.1' },
      data: [ada],
      links: {
        self: '/api/users?sort=-createdAt&page%5Bsize%5D=1',
        first: '/api/users?sort=-createdAt&page%5Bsize%5D=1',
        next: '/api/users?sort=-createdAt&page%5Bafter%5D=abc&page%5Bsize%5D=1',
      },
    });
    expect(headers.size).toBe(0);
  });

  it('answers the total asked for in meta.totalCount and the X-Include-Total-Count header', () => {
    const { headers, reply } = replyRecorder();
    const document = listDocument(reply, {
      data: [],
      paging: {
        path: '/api/roles',
        query: {},
        page: { number: 1, size: 10 },
        state: { total: 0, hasNextPage: false },
      },
    });
    expect(document.meta).toEqual({ totalCount: 0 });
    expect(headers.get('X-Include-Total-Count')).toBe('0');
    expect(document.links).toEqual({
      self: '/api/roles?page%5Bsize%5D=10',
      first: '/api/roles?page%5Bsize%5D=10',
    });
  });

  it('applies fields[type] to data and included alike, and includes only what was asked for', () => {
    const { reply } = replyRecorder();
    const paging = {
      path: '/api/users',
      query: {},
      page: { number: 1, size: 10 },
      state: { hasNextPage: false },
    };
    const fields = { users: ['username'], roles: ['name'] };
    const document = listDocument(reply, { data: [ada], included: [admins], fields, paging });
    expect(document.data).toEqual([{ ...ada, attributes: { username: 'ada' } }]);
    expect(document.included).toEqual([{ ...admins, attributes: { name: 'Administrator' } }]);
    // Asked for and empty stays in the document; not asked for (undefined) leaves it out.
    expect(listDocument(reply, { data: [], included: [], paging }).included).toEqual([]);
    expect(listDocument(reply, { data: [], paging })).not.toHaveProperty('included');
  });

  it('answers a list that is not paged with its data only', () => {
    const { headers, reply } = replyRecorder();
    expect(listDocument(reply, { data: [admins] })).toEqual({ jsonapi: { version: '1.1' }, data: [admins] });
    expect(headers.size).toBe(0);
  });
});
