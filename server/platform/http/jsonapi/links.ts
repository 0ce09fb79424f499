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
  /** `page[after]` of the next page, for cursor paging */
  nextCursor?: string | undefined;
  /** `page[before]` of the previous page, for cursor paging */
  prevCursor?: string | undefined;
};

const PAGE_PARAMETERS = ['page[number]', 'page[size]', 'page[after]', 'page[before]'];

/**
 * Top-level `links` of a paged collection. Each link is `path` with the request's other query
 * parameters kept in order (percent-encoded, repeated keys repeated) and `page[size]` set
 * explicitly, so a link stays valid if the default page size changes.
 * - Cursor paging (the default; the JSON:API cursor pagination profile): `next` is
 *   `page[after]=<cursor>`, `prev` is `page[before]=<cursor>`, `first` has no cursor; no `last`.
 * - `page[number]` requests keep paging by number: `last` needs the total; `prev` of a page past
 *   the end points at the last page.
 */
export function paginationLinks(
  path: string,
  rawQuery: Readonly<Record<string, unknown>>,
  page: { number: number; size: number; byNumber?: boolean | undefined },
  state: PageState,
): PaginationLinks {
  if (!page.byNumber) return cursorLinks(path, rawQuery, page.size, state);
  const { total, hasNextPage } = state;
  const kept = encodeQuery(rawQuery, PAGE_PARAMETERS);
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

function cursorLinks(
  path: string,
  rawQuery: Readonly<Record<string, unknown>>,
  size: number,
  { nextCursor, prevCursor }: PageState,
): PaginationLinks {
  const kept = encodeQuery(rawQuery, PAGE_PARAMETERS);
  const link = (cursor?: { parameter: string; value: string }) => {
    const paging = [
      ...(cursor ? [`${encodeURIComponent(cursor.parameter)}=${encodeURIComponent(cursor.value)}`] : []),
      `${encodeURIComponent('page[size]')}=${size}`,
    ].join('&');
    return `${path}?${kept ? `${kept}&` : ''}${paging}`;
  };
  const given = (['page[after]', 'page[before]'] as const).find(
    (parameter) => typeof rawQuery[parameter] === 'string',
  );
  const links: PaginationLinks = {
    self: link(given ? { parameter: given, value: rawQuery[given] as string } : undefined),
    first: link(),
  };
  if (prevCursor) links.prev = link({ parameter: 'page[before]', value: prevCursor });
  if (nextCursor) links.next = link({ parameter: 'page[after]', value: nextCursor });
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
