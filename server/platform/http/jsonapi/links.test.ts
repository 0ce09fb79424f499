import { describe, expect, it } from 'vitest';
import { paginationLinks } from './links';

const P = 'page%5Bnumber%5D';
const S = 'page%5Bsize%5D';

describe('paginationLinks', () => {
  it('links a middle page with total: self, first, prev, next, last', () => {
    const links = paginationLinks(
      '/api/users',
      { 'page[number]': '2', 'page[size]': '5' },
      { number: 2, size: 5, byNumber: true },
      {
        total: 12,
        hasNextPage: true,
      },
    );
    expect(links).toEqual({
      self: `/api/users?${P}=2&${S}=5`,
      first: `/api/users?${P}=1&${S}=5`,
      prev: `/api/users?${P}=1&${S}=5`,
      next: `/api/users?${P}=3&${S}=5`,
      last: `/api/users?${P}=3&${S}=5`,
    });
  });

  it('omits prev on the first page, next on the last, and last without a total', () => {
    const first = paginationLinks(
      '/api/users',
      {},
      { number: 1, size: 10, byNumber: true },
      { hasNextPage: false },
    );
    expect(first).toEqual({ self: `/api/users?${P}=1&${S}=10`, first: `/api/users?${P}=1&${S}=10` });
  });

  it('keeps the other parameters in order, encoded, repeated keys repeated', () => {
    const links = paginationLinks(
      '/api/users',
      { sort: '-createdAt,username', 'filter[name][contains]': 'a&b =%', include: ['x', 'y'] },
      { number: 1, size: 10, byNumber: true },
      { hasNextPage: true },
    );
    expect(links.next).toBe(
      `/api/users?sort=-createdAt%2Cusername&filter%5Bname%5D%5Bcontains%5D=a%26b%20%3D%25&include=x&include=y&${P}=2&${S}=10`,
    );
    const decoded = new URLSearchParams(links.next!.split('?')[1]);
    expect(decoded.get('filter[name][contains]')).toBe('a&b =%');
  });

  it('gives last = 1 for an empty list and points prev of a page past the end at the last page', () => {
    expect(
      paginationLinks('/api/x', {}, { number: 1, size: 10, byNumber: true }, { total: 0, hasNextPage: false })
        .last,
    ).toBe(`/api/x?${P}=1&${S}=10`);
    const beyond = paginationLinks(
      '/api/x',
      {},
      { number: 9, size: 10, byNumber: true },
      { total: 25, hasNextPage: false },
    );
    expect(beyond.prev).toBe(`/api/x?${P}=3&${S}=10`);
    expect(beyond.last).toBe(`/api/x?${P}=3&${S}=10`);
  });

  it('pages by cursor unless page[number] was given: next after, prev before, first without a cursor', () => {
    const A = 'page%5Bafter%5D';
    const B = 'page%5Bbefore%5D';
    const links = paginationLinks(
      '/api/users',
      { sort: 'lastName', 'page[after]': 'c1', 'page[size]': '5' },
      { number: 1, size: 5 },
      { hasNextPage: true, nextCursor: 'c3', prevCursor: 'c2' },
    );
    expect(links).toEqual({
      self: `/api/users?sort=lastName&${A}=c1&${S}=5`,
      first: `/api/users?sort=lastName&${S}=5`,
      prev: `/api/users?sort=lastName&${B}=c2&${S}=5`,
      next: `/api/users?sort=lastName&${A}=c3&${S}=5`,
    });
    const first = paginationLinks('/api/x', {}, { number: 1, size: 10 }, { hasNextPage: false });
    expect(first).toEqual({ self: `/api/x?${S}=10`, first: `/api/x?${S}=10` });
  });
});
