export {
  isJsonApiPath,
  type JsonApiContentNegotiationOptions,
  jsonApiContentNegotiation,
} from './content-negotiation';
export {
  applySparseFieldset,
  collectionDocument,
  type DocumentOptions,
  JSONAPI_MEDIA_TYPE,
  type JsonApiDocument,
  type Links,
  type Meta,
  type Relationship,
  type ResourceIdentifier,
  type ResourceObject,
  resourceDocument,
} from './document';
export { parseFieldsQuery } from './fields-query';
export {
  applyListFilters,
  applyListQuery,
  containsCondition,
  countListQuery,
  fetchListPage,
  type ListPage,
} from './kysely';
export { type PageState, type PaginationLinks, paginationLinks } from './links';
export { type ListDocumentInput, type ListPaging, listDocument } from './list-document';
export {
  DEFAULT_PAGE_SIZE,
  type FilterKind,
  type FilterOp,
  type FilterSpec,
  type FilterValue,
  isCostlyListQuery,
  type ListFilter,
  type ListQuery,
  type ListQueryOptions,
  type ListSort,
  type ListSpec,
  MAX_PAGE_SIZE,
  type PageRequest,
  parseListQuery,
  TOTAL_COUNT_HEADER,
} from './list-query';
export { listReadsOf } from './list-reads';
export { fieldsQuerySchema, listQuerySchema } from './query-schema';
