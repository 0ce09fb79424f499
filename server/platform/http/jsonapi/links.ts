export type PaginationLinks = {
  self: string;
  first: string;
  prev?: string;
  next?: string;
  last?: string;
};

export type PageState = {
  /** Known only when the client asked for it (`X-Include: totalCount`) */
  total?: number;
  /** Usually found by fetching one row more than the page size */
  hasNextPage: boolean;
};

/**
 * Top-level `links` of a paged collection. Each link is `path` with the request's other query
 * parameters kept in order (percent-encoded, repeated keys repeated) and `page[number]` /
 * `page[size]` set explicitly, so a link stays valid if the default page size changes. `last`
 * needs the total; `prev` of a page past the end points at the last page.
 */
export function paginationLinks(
  path: string,
  rawQuery: Readonly<Record<string, unknown>>,
  page: { number: number; size: number },
  { total, hasNextPage }: PageState,
): PaginationLinks {
  const kept = encodeQuery(rawQuery, ['page[number]', 'page[size]']);
  const link = (number: number) => {
    const paging = `${encodeURIComponent('page[number]')}=${number}&${encodeURIComponent('page[size]')}=${page.size}`;
    return `${path}?${kept ? `${kept}&` : ''}${paging}`;
  };
  const lastPage = total === undefined ? undefined : Math.max(1, Math.ceil(total / page.size));
  const links: PaginationLinks = { self: link(page.number), first: link(1) };
  if (page.number > 1) links.prev = link(Math.min(page.number - 1, lastPage ?? Number.POSITIVE_INFINITY));
  if (hasNextPage) links.next = link(page.number + 1);
  if (lastPage !== undefined) links.last = link(lastPage);
  return links;
}

function encodeQuery(query: Readonly<Record<string, unknown>>, without: readonly string[]): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (without.includes(key)) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') {
        pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(item))}`);
      }
    }
  }
  return pairs.join('&');
}
