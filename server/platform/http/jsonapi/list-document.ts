import {
  applySparseFieldset,
  collectionDocument,
  type JsonApiDocument,
  type ResourceObject,
} from './document';
import { type PageState, paginationLinks } from './links';
import { TOTAL_COUNT_HEADER } from './list-query';

/** Where a paged list's links point and what page it answered (see `paginationLinks`). */
export type ListPaging = {
  /** The list's path: the links keep the request's other query parameters. */
  path: string;
  query: Readonly<Record<string, unknown>>;
  page: { number: number; size: number; byNumber?: boolean | undefined };
  /** The page's state; `total` when the client asked for it (`X-Include: totalCount`). */
  state: PageState;
};

export type ListDocumentInput = {
  data: ResourceObject[];
  /** Related resources asked for with `include`; left out when undefined. */
  included?: ResourceObject[] | undefined;
  /** `fields[type]` of the list query: applied to `data` and `included` alike. */
  fields?: Readonly<Record<string, readonly string[]>>;
  /** Absent for a list that is not paged (a short, bounded collection). */
  paging?: ListPaging;
  /** What the actor may do from the list (`meta.abilities`), for lists that say it. */
  abilities?: Readonly<Record<string, boolean>>;
};

/**
 * The document of every list route: `data`, `included` when asked, and for a paged list its
 * `links` (self/first/next/prev per the JSON:API cursor pagination profile; `last` too when paged
 * by number with a total) and, when the client asked for the total, `meta.totalCount` with the
 * same number in the `X-Include-Total-Count` header (for clients that cannot read headers); and
 * `meta.abilities` for a list that says what the actor may do from it.
 */
export function listDocument(
  reply: { header(name: string, value: string): unknown },
  list: ListDocumentInput,
): JsonApiDocument<ResourceObject[]> {
  const sparse = (resource: ResourceObject) =>
    list.fields ? applySparseFieldset(resource, list.fields) : resource;
  const included = list.included?.map(sparse);
  const paging = list.paging;
  const abilities = list.abilities ? { abilities: list.abilities } : {};
  if (!paging) {
    return collectionDocument(list.data.map(sparse), {
      ...(included ? { included } : {}),
      ...(list.abilities ? { meta: abilities } : {}),
    });
  }
  const { total } = paging.state;
  if (total !== undefined) reply.header(TOTAL_COUNT_HEADER, String(total));
  const meta = { ...(total !== undefined ? { totalCount: total } : {}), ...abilities };
  return collectionDocument(list.data.map(sparse), {
    ...(included ? { included } : {}),
    ...(Object.keys(meta).length > 0 ? { meta } : {}),
    links: paginationLinks(paging.path, paging.query, paging.page, paging.state),
  });
}
