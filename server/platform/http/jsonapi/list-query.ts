import { errorMeta } from '../../../../common/error-particulars';
import { type Cursor, decodeCursor } from './cursor';
import {
  allowedFilterOps,
  type FilterOp,
  type FilterSpec,
  type FilterValue,
  parseFilterValue,
} from './filter-values';
import { badParameter, quoteList } from './query-error';

export type { FilterKind, FilterOp, FilterSpec, FilterValue } from './filter-values';

/** What a list endpoint accepts. Column strings are Kysely references such as `users.username`. */
export type ListSpec = {
  /** The JSON:API type of the listed resources */
  type: string;
  /** Public sort field → column reference, e.g. `{ username: 'users.username' }` */
  sort: Record<string, string>;
  /** Used when the request has no `sort`, e.g. `'username'` or `'-createdAt'` */
  defaultSort: string;
  /** Sort fields whose column may be NULL (NULLs sort as the largest value); the others are NOT NULL */
  nullableSorts?: readonly string[];
  /**
   * What the columns of sort fields hold where it is not text: `timestamp` (an instant, ISO 8601 in
   * UTC with milliseconds as the database returns it) or `integer` (a 32-bit whole number). A cursor's value of another kind
   * is refused (400 `invalid_cursor`) alike on both databases; PostgreSQL alone would refuse a
   * text that is no instant, SQLite would compare it as text.
   */
  sortValues?: Readonly<Record<string, SortValueKind>>;
  filters: Record<string, FilterSpec>;
  /** Relationship paths allowed in `include` */
  includes?: readonly string[];
  /** Allowed `fields[type]` fields per type */
  fieldsets?: Record<string, readonly string[]>;
  /**
   * Paged forward by cursor only (`page[after]` from `links.next`): `page[number]` and
   * `page[before]` are neither described nor accepted (400 `unknown_parameter`, reason `cursor_only`).
   */
  forwardOnly?: true;
  /** The default page size, in words, where it is not `DEFAULT_PAGE_SIZE` (a setting's, say). */
  defaultPageSize?: string;
};

/** What a sort column holds where it is not text (`ListSpec.sortValues`): its cursor values must be of that kind. */
export type SortValueKind = 'timestamp' | 'integer';

export type ListSort = {
  column: string;
  field: string;
  direction: 'asc' | 'desc';
  nullable?: boolean;
  /** Absent: text. */
  value?: SortValueKind;
};

export type ListFilter = { field: string; column: string; op: FilterOp; value: FilterValue };

/**
 * Which page: by cursor (`after`/`before`, the JSON:API cursor pagination profile; the default,
 * every page costs what the first costs) or by `number` (`page[number]`, kept for compatibility:
 * the database reads and skips every row of the pages before it, see README "Lists").
 */
export type PageRequest = {
  /** 1 unless `page[number]` was given */
  number: number;
  size: number;
  /** `page[number]` was given: links page by number too */
  byNumber?: boolean;
  /** `page[after]`: the rows after this one, in the list's order */
  after?: Cursor;
  /** `page[before]`: the rows just before this one, in the list's order */
  before?: Cursor;
};

export type ListQuery = {
  page: PageRequest;
  sort: ListSort[];
  filters: ListFilter[];
  include: string[];
  fields: Record<string, string[]>;
  /** The client asked for the total count (`X-Include: totalCount`) */
  withTotal?: boolean;
};

/**
 * Whether reading the list costs more than the rows of its page, growing with the data: an exact
 * count (`withTotal`), a `contains` filter (an index narrows it, but short or common substrings
 * read many rows), or a numbered page past the first (OFFSET reads every row before it). A store
 * reads such a list through `listReadsOf` (off the event loop on SQLite); the request budgets
 * charge the same requests as costly (`isCostlyListRequest`).
 */
export function isCostlyListQuery(listQuery: ListQuery): boolean {
  const { page, filters, withTotal } = listQuery;
  if (withTotal === true || (page.byNumber === true && page.number > 1)) return true;
  return filters.some((filter) => filter.op === 'contains');
}

export type ListQueryOptions = {
  /** Further query parameters the route handles itself; any other unknown one is a 400. */
  allowParams?: readonly string[];
  /** The request headers, read for `X-Include: totalCount`. */
  headers?: Readonly<Record<string, string | string[] | undefined>>;
};

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;
export const MAX_PAGE_NUMBER = 10_000_000;
/** The response header answering `X-Include: totalCount` */
export const TOTAL_COUNT_HEADER = 'X-Include-Total-Count';

const FILTER_PARAMETER = /^filter\[([^[\]]+)\](?:\[([^[\]]+)\])?$/;
const FIELDS_PARAMETER = /^fields\[([^[\]]+)\]$/;

/**
 * Parses the query string of a list endpoint (DESIGN.md §3) strictly against `spec`: every
 * unknown, repeated or malformed parameter is a 400 `AppError` whose `source.parameter` names it.
 * Bracketed keys arrive literally (`'filter[name][contains]'`), as Fastify's query parser leaves them.
 */
export function parseListQuery(
  query: Readonly<Record<string, unknown>>,
  spec: ListSpec,
  options: ListQueryOptions = {},
): ListQuery {
  const result: ListQuery = {
    page: { number: 1, size: DEFAULT_PAGE_SIZE },
    sort: [],
    filters: [],
    include: [],
    fields: {},
    withTotal: wantsTotalCount(options.headers?.['x-include']),
  };
  let sortValue: string | undefined;
  const cursors: { parameter: 'page[after]' | 'page[before]'; text: string }[] = [];
  for (const [parameter, rawValue] of Object.entries(query)) {
    if (rawValue === undefined || options.allowParams?.includes(parameter)) continue;
    const value = single(parameter, rawValue);
    const filterMatch = FILTER_PARAMETER.exec(parameter);
    const fieldsMatch = FIELDS_PARAMETER.exec(parameter);
    if (spec.forwardOnly && (parameter === 'page[number]' || parameter === 'page[before]')) {
      throw badParameter(
        parameter,
        'unknown_parameter',
        'This list pages by cursor only: follow links.next (page[after]).',
        errorMeta('unknown_parameter', { reason: 'cursor_only', parameter }),
      );
    } else if (parameter === 'page[number]') {
      result.page.number = parseWholeNumber(parameter, value, MAX_PAGE_NUMBER, 'invalid_page_number');
      result.page.byNumber = true;
    } else if (parameter === 'page[after]' || parameter === 'page[before]') {
      cursors.push({ parameter, text: value });
    } else if (parameter === 'page[size]') {
      result.page.size = parseWholeNumber(parameter, value, MAX_PAGE_SIZE, 'invalid_page_size');
    } else if (parameter === 'sort') {
      sortValue = value;
    } else if (parameter === 'include') {
      result.include = parseInclude(value, spec);
    } else if (filterMatch?.[1]) {
      result.filters.push(parseFilter(parameter, filterMatch[1], filterMatch[2], value, spec));
    } else if (fieldsMatch?.[1]) {
      result.fields[fieldsMatch[1]] = parseFieldset(parameter, fieldsMatch[1], value, spec);
    } else {
      throw badParameter(
        parameter,
        'unknown_parameter',
        `The query parameter ${parameter} is not supported here.`,
        errorMeta('unknown_parameter', { reason: 'not_supported', parameter }),
      );
    }
  }
  result.sort = sortValue === undefined ? defaultSort(spec) : parseSort(sortValue, spec);
  parseCursors(result, cursors);
  return result;
}

/** `-createdAt,name`: what a cursor is bound to. */
export function sortSignature(sort: readonly ListSort[]): string {
  return sort.map(({ field, direction }) => `${direction === 'desc' ? '-' : ''}${field}`).join(',');
}

function parseCursors(
  result: ListQuery,
  cursors: { parameter: 'page[after]' | 'page[before]'; text: string }[],
): void {
  const [first, second] = cursors;
  if (!first) return;
  if (second) {
    // The profile's range pagination (both at once) is optional; Atrium does not offer it.
    throw badParameter(
      second.parameter,
      'range_pagination_not_supported',
      'Give page[after] or page[before], not both.',
    );
  }
  if (result.page.byNumber) {
    throw badParameter(
      first.parameter,
      'invalid_parameter',
      `Give ${first.parameter} or page[number], not both.`,
      errorMeta('invalid_parameter', { reason: 'page_conflict', parameter: first.parameter }),
    );
  }
  const cursor = decodeCursor(first.parameter, first.text, sortSignature(result.sort));
  if (first.parameter === 'page[after]') result.page.after = cursor;
  else result.page.before = cursor;
}

function single(parameter: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    throw badParameter(
      parameter,
      'repeated_parameter',
      `Give the query parameter ${parameter} only once.`,
      errorMeta('repeated_parameter', { parameter }),
    );
  }
  throw badParameter(
    parameter,
    'invalid_parameter',
    `The query parameter ${parameter} must be a plain value.`,
    errorMeta('invalid_parameter', { reason: 'not_plain', parameter }),
  );
}

function parseWholeNumber(parameter: string, value: string, max: number, code: string): number {
  const number = /^[1-9]\d{0,8}$/.test(value) ? Number(value) : Number.NaN;
  if (number >= 1 && number <= max) return number;
  throw badParameter(parameter, code, `${parameter} must be a whole number from 1 to ${max}.`, {
    minimum: 1,
    maximum: max,
  });
}

function parseSort(value: string, spec: ListSpec): ListSort[] {
  const seen = new Set<string>();
  return value.split(',').map((term) => {
    const direction = term.startsWith('-') ? 'desc' : 'asc';
    const field = direction === 'desc' ? term.slice(1) : term;
    if (!Object.hasOwn(spec.sort, field)) {
      const detail =
        field === ''
          ? 'sort must be a comma-separated list of fields, each optionally prefixed with -.'
          : `Cannot sort by '${field}'. Sort by one of ${quoteList(Object.keys(spec.sort))}.`;
      throw field === ''
        ? badParameter('sort', 'invalid_sort', detail, errorMeta('invalid_sort', { reason: 'syntax' }))
        : badParameter(
            'sort',
            'unknown_sort_field',
            detail,
            errorMeta('unknown_sort_field', { field, allowed: Object.keys(spec.sort) }),
          );
    }
    if (seen.has(field)) {
      throw badParameter(
        'sort',
        'invalid_sort',
        `sort lists '${field}' more than once.`,
        errorMeta('invalid_sort', { reason: 'repeated', field }),
      );
    }
    seen.add(field);
    const sort: ListSort = { column: spec.sort[field] as string, field, direction };
    if (spec.nullableSorts?.includes(field)) sort.nullable = true;
    const value = spec.sortValues?.[field];
    if (value) sort.value = value;
    return sort;
  });
}

function defaultSort(spec: ListSpec): ListSort[] {
  try {
    return parseSort(spec.defaultSort, spec);
  } catch (error) {
    throw new Error(`ListSpec '${spec.type}': defaultSort '${spec.defaultSort}' is not a valid sort.`, {
      cause: error,
    });
  }
}

function parseInclude(value: string, spec: ListSpec): string[] {
  if (value === '') return [];
  const paths = [...new Set(value.split(','))];
  const allowed = spec.includes ?? [];
  const unknown = paths.find((path) => !allowed.includes(path));
  if (unknown === undefined) return paths;
  throw badParameter(
    'include',
    'unsupported_include',
    `Cannot include '${unknown}'. Include one of ${quoteList(allowed)}.`,
    errorMeta('unsupported_include', { include: unknown, allowed }),
  );
}

function parseFilter(
  parameter: string,
  field: string,
  op: string | undefined,
  value: string,
  spec: ListSpec,
): ListFilter {
  if (!Object.hasOwn(spec.filters, field)) {
    const detail = `Cannot filter by '${field}'. Filter by one of ${quoteList(Object.keys(spec.filters))}.`;
    throw badParameter(
      parameter,
      'unknown_filter',
      detail,
      errorMeta('unknown_filter', { field, allowed: Object.keys(spec.filters) }),
    );
  }
  const filter = spec.filters[field] as FilterSpec;
  const allowed = allowedFilterOps(filter);
  const filterOp = (op ?? 'eq') as FilterOp;
  if (!allowed.includes(filterOp)) {
    const detail = `The operator '${filterOp}' is not supported for filter '${field}'. Use one of ${quoteList(allowed)}.`;
    throw badParameter(
      parameter,
      'unsupported_filter_operator',
      detail,
      errorMeta('unsupported_filter_operator', { operator: filterOp, field, allowed }),
    );
  }
  return {
    field,
    column: filter.column,
    op: filterOp,
    value: parseFilterValue(value, filter, filterOp, parameter),
  };
}

function parseFieldset(parameter: string, type: string, value: string, spec: ListSpec): string[] {
  const fieldsets = spec.fieldsets ?? {};
  if (!Object.hasOwn(fieldsets, type)) {
    const detail = `Sparse fieldsets are not available for type '${type}'. Use one of ${quoteList(Object.keys(fieldsets))}.`;
    throw badParameter(
      parameter,
      'unknown_fieldset_type',
      detail,
      errorMeta('unknown_fieldset_type', { type, allowed: Object.keys(fieldsets) }),
    );
  }
  if (value === '') return [];
  const allowed = fieldsets[type] as readonly string[];
  const fields = [...new Set(value.split(','))];
  const unknown = fields.find((field) => !allowed.includes(field));
  if (unknown === undefined) return fields;
  const detail = `Type '${type}' has no field '${unknown}'. Choose from ${quoteList(allowed)}.`;
  throw badParameter(
    parameter,
    'unknown_fieldset_field',
    detail,
    errorMeta('unknown_fieldset_field', { type, field: unknown, allowed }),
  );
}

/** `X-Include: totalCount` (OroCRM's convention; several values separated by `;` or `,`). */
function wantsTotalCount(header: string | string[] | undefined): boolean {
  const values = Array.isArray(header) ? header : header === undefined ? [] : [header];
  return values.some((value) => value.split(/[;,]/).some((item) => item.trim() === 'totalCount'));
}
