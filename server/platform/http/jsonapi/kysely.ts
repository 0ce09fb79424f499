import { type Expression, type RawBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import { parseInstant } from '../../../../common/instant';
import { foldCase } from '../../text/case-fold';
import { type CursorValue, encodeCursor } from './cursor';
import {
  type FilterValue,
  type ListFilter,
  type ListQuery,
  type SortValueKind,
  sortSignature,
} from './list-query';
import { badParameter } from './query-error';

/**
 * One ORDER BY term of a list, the id tiebreak included: a column, or (`nullRank`) the rank
 * `case when column is null then 1 else 0 end` put before a nullable column.
 */
type KeyTerm = {
  column: string;
  direction: 'asc' | 'desc';
  nullRank?: true;
  /** What the column holds (absent: text); a null rank holds 0 or 1. */
  value?: SortValueKind;
};

/**
 * The ORDER BY of a list: its sort terms, then `idColumn` (so pages never overlap) in the
 * direction of the last term, so that one index `(…, column, id)` serves both directions.
 * A nullable column sorts behind its null rank (0 for a value, 1 for NULL), so NULLs come last
 * ascending and first descending (NULL the largest value) on both databases while every key the
 * index reads is an ordinary value: an index `(…, nullRank(column), column, id)` serves the order
 * (SQLite's indexes put NULLs first and cannot serve `NULLS LAST`), and a cursor inside the values
 * or inside the NULLs starts a range scan (see nullRankExpression for the index's expression).
 */
function keyTerms(listQuery: Pick<ListQuery, 'sort'>, idColumn: string): KeyTerm[] {
  const terms: KeyTerm[] = listQuery.sort.flatMap(({ column, direction, nullable, value }): KeyTerm[] => {
    const term: KeyTerm = value ? { column, direction, value } : { column, direction };
    return nullable === true ? [{ column, direction, nullRank: true }, term] : [term];
  });
  if (!terms.some(({ column, nullRank }) => column === idColumn && !nullRank)) {
    terms.push({ column: idColumn, direction: terms.at(-1)?.direction ?? 'asc' });
  }
  return terms;
}

/**
 * `case when <column> is null then 1 else 0 end`: the key put before a nullable sort column.
 * An index serving such a sort is created on this same expression of the bare column (e.g.
 * migration 0020's `users_last_sign_in_rank`), which both databases match to the ORDER BY.
 */
export function nullRankExpression(column: string): RawBuilder<number> {
  return sql<number>`(case when ${sql.ref(column)} is null then 1 else 0 end)`;
}

function keyExpression({ column, nullRank }: KeyTerm): RawBuilder<unknown> | ReturnType<typeof sql.ref> {
  return nullRank ? nullRankExpression(column) : sql.ref(column);
}

function reversed(terms: readonly KeyTerm[]): KeyTerm[] {
  return terms.map((term) => ({ ...term, direction: term.direction === 'asc' ? 'desc' : 'asc' }));
}

/**
 * Narrows `qb` to one page of the list: a WHERE per filter, ORDER BY per sort term and then
 * `idColumn` as the tiebreak (so pages never overlap), LIMIT, and where the page starts:
 * - `page[after]`/`page[before]` (a cursor): a keyset condition on the sort keys, so the database
 *   starts reading at the cursor in the sort's index and a deep page costs what the first costs;
 *   `page[before]` reads backwards (the caller reverses the rows);
 * - `page[number]`: OFFSET, which reads and skips every row before the page.
 * Same SQL semantics on SQLite and PostgreSQL:
 * - `neq` keeps rows where the column is NULL ("everything but this value");
 * - `lt`…`gte` and `eq` never match NULL; `exists=false` finds exactly the NULLs;
 * - `contains` is a case-insensitive substring match; `%`, `_` and `\` in the value are literal;
 * - NULLs sort as the largest value (PostgreSQL's default: last ascending, first descending).
 * Text sorts by the database collation; sort on a normalized column where the two must agree.
 * @throws AppError 400 `invalid_cursor` when the cursor does not have one value per sort key, each
 *   of the kind its column holds (`fitsKey`).
 */
export function applyListQuery<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  listQuery: ListQuery,
  idColumn: string,
): SelectQueryBuilder<DB, TB, O> {
  const terms = keyTerms(listQuery, idColumn);
  const { before, number, size } = listQuery.page;
  const reading = before ? reversed(terms) : terms;
  let query = applyListFilters(qb, listQuery.filters);
  const values = cursorValues(listQuery.page, terms);
  if (values) query = query.where(keysetCondition(reading, values));
  query = ordered(query, reading).limit(size);
  return values ? query : query.offset((number - 1) * size);
}

/**
 * The queries a page is read from, one after another until it is full: the list's one query, or,
 * for a cursor in a list led by a nullable column's null rank, the rest of the cursor's rank (the
 * values, or the NULLs) and then the other rank, each with its rank fixed and ordered by the
 * remaining keys, so that the index `(rank, column, id)` serves each from where it starts. (One
 * query over both ranks cannot seek: SQLite does not start a range scan on a row value led by an
 * expression, and read every row before the cursor.) Filters applied; no LIMIT.
 */
function readingParts<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  listQuery: ListQuery,
  idColumn: string,
): SelectQueryBuilder<DB, TB, O>[] {
  const terms = keyTerms(listQuery, idColumn);
  const values = cursorValues(listQuery.page, terms);
  const [first] = terms;
  if (!values || !first?.nullRank) return [applyListQuery(qb, listQuery, idColumn).clearLimit()];
  const reading = listQuery.page.before ? reversed(terms) : terms;
  const [rank, ...rest] = reading as [KeyTerm, ...KeyTerm[]];
  // cursorValues checked it: a null rank is 0 or 1.
  const [cursorRank, ...restValues] = values as [0 | 1, ...CursorValue[]];
  const filtered = applyListFilters(qb, listQuery.filters);
  const withRank = (value: number) => filtered.where(sql<SqlBool>`${keyExpression(rank)} = ${value}`);
  const parts = [ordered(withRank(cursorRank).where(keysetCondition(rest, restValues)), rest)];
  const nextRank = rank.direction === 'asc' ? cursorRank + 1 : cursorRank - 1;
  if (nextRank === 0 || nextRank === 1) parts.push(ordered(withRank(nextRank), rest));
  return parts;
}

function ordered<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  reading: readonly KeyTerm[],
): SelectQueryBuilder<DB, TB, O> {
  return reading.reduce((query, term) => query.orderBy(keyExpression(term), term.direction), qb);
}

/**
 * The key values of the page's cursor, if it has one.
 * @throws AppError 400 `invalid_cursor` when it does not have one value per key of the list, each
 *   of the kind its column holds.
 */
function cursorValues(
  page: ListQuery['page'],
  terms: readonly KeyTerm[],
): readonly CursorValue[] | undefined {
  const cursor = page.after ?? page.before;
  if (!cursor) return undefined;
  const { values } = cursor;
  if (values.length !== terms.length || !terms.every((_, index) => fitsKey(terms, values, index))) {
    throw invalidCursor(page);
  }
  return values;
}

/** The largest value of a 32-bit integer column (PostgreSQL's `integer`). */
const MAX_INTEGER = 2_147_483_647;

/**
 * Whether a cursor's value for key `index` is one a row of the list can have: a null rank is 0
 * or 1, and its column's value is NULL exactly when the rank is 1; every other key (a NOT NULL
 * column, the id) holds a value, of the kind its column holds (`ListSpec.sortValues`: an instant
 * as the database returns it, a 32-bit whole number, else text). So a forged cursor is refused
 * alike on both databases.
 */
function fitsKey(terms: readonly KeyTerm[], values: readonly CursorValue[], index: number): boolean {
  const term = terms[index] as KeyTerm;
  const value = values[index] ?? null;
  if (term.nullRank) return value === 0 || value === 1;
  const rankTerm = terms[index - 1];
  const ranked = rankTerm?.nullRank === true && rankTerm.column === term.column;
  if (ranked && (value === null) !== (values[index - 1] === 1)) return false;
  if (value === null) return ranked;
  switch (term.value) {
    case 'timestamp':
      return typeof value === 'string' && parseInstant(value) === value;
    case 'integer':
      // PostgreSQL's integer: a fraction or a larger number is no value of the column.
      return Number.isInteger(value) && Math.abs(value as number) <= MAX_INTEGER;
    default:
      return typeof value === 'string';
  }
}

function invalidCursor(page: ListQuery['page']) {
  return badParameter(
    cursorParameter(page),
    'invalid_cursor',
    'The cursor does not belong to this list: take it from a links.next or links.prev of this list.',
  );
}

/**
 * The rows after `values` in the order of `terms`: for some k, the first k−1 keys equal and the
 * k-th after. Every key is a value except a nullable column's, and that one only inside the
 * NULLs of its null rank (equal to NULL there: `is null`). Besides the alternatives, a bound the
 * planner starts an index range scan at: the row value `(key₁, …, keyₙ) > (v₁, …, vₙ)` when the
 * keys share one direction and the values hold no NULL (both databases compare row values
 * left to right and serve them from an index on those keys in order), else the first key alone.
 */
function keysetCondition(terms: readonly KeyTerm[], values: readonly CursorValue[]): Expression<SqlBool> {
  const alternatives: RawBuilder<SqlBool>[] = [];
  for (let k = 0; k < terms.length; k += 1) {
    const parts: RawBuilder<SqlBool>[] = [];
    for (let i = 0; i < k; i += 1) parts.push(equalTo(terms[i] as KeyTerm, values[i] ?? null));
    const after = afterValue(terms[k] as KeyTerm, values[k] ?? null);
    if (after === undefined) continue;
    parts.push(after);
    alternatives.push(sql<SqlBool>`(${sql.join(parts, sql` and `)})`);
  }
  const any =
    alternatives.length === 0 ? sql<SqlBool>`1 = 0` : sql<SqlBool>`(${sql.join(alternatives, sql` or `)})`;
  const [first] = terms;
  const firstValue = values[0] ?? null;
  if (!first || firstValue === null) return any;
  const direction = first.direction;
  const comparison = direction === 'asc' ? sql.raw('>') : sql.raw('<');
  if (terms.length > 1 && terms.every((term) => term.direction === direction) && !values.includes(null)) {
    const keys = sql.join(terms.map(keyExpression));
    return sql<SqlBool>`((${keys}) ${comparison} (${sql.join(values)}) and ${any})`;
  }
  const bound = direction === 'asc' ? sql.raw('>=') : sql.raw('<=');
  return sql<SqlBool>`(${keyExpression(first)} ${bound} ${firstValue} and ${any})`;
}

function equalTo(term: KeyTerm, value: CursorValue): RawBuilder<SqlBool> {
  const key = keyExpression(term);
  return value === null ? sql<SqlBool>`${key} is null` : sql<SqlBool>`${key} = ${value}`;
}

/**
 * The rows strictly after `value` in this term's order, or undefined when there are none. A
 * NULL value is a nullable column's inside its NULLs: nothing there is after another.
 */
function afterValue(term: KeyTerm, value: CursorValue): RawBuilder<SqlBool> | undefined {
  if (value === null) return undefined;
  const key = keyExpression(term);
  return term.direction === 'asc' ? sql<SqlBool>`${key} > ${value}` : sql<SqlBool>`${key} < ${value}`;
}

function cursorParameter(page: ListQuery['page']): string {
  return page.before ? 'page[before]' : 'page[after]';
}

export type ListPage<TRow> = {
  rows: TRow[];
  hasNextPage: boolean;
  /** There are rows before this page (known for cursor pages and page numbers past 1). */
  hasPrevPage?: boolean;
  /** `page[after]` of the next page (cursor paging) */
  nextCursor?: string;
  /** `page[before]` of the previous page (cursor paging) */
  prevCursor?: string;
  total?: number;
};

const KEY_ALIAS = 'listKey';

/**
 * Runs the list query: one page of rows (fetching one more to learn whether another page exists
 * in the reading direction), the cursors of the pages next to it and, when the client asked for
 * it (`withTotal`), the exact total count of rows matching the filters (one count query).
 * `qb` may be several disjoint queries of the same rows (an OR no index can serve in order, split
 * in two): each reads its first rows from its own index and the page is merged here; their sort
 * keys must be numbers or ASCII text (see compareKeys).
 * @throws AppError 400 `invalid_cursor` for a cursor whose values do not fit the sort's keys
 *   (`fitsKey`), or that the database still cannot compare with the sort's columns.
 */
export async function fetchListPage<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O> | readonly SelectQueryBuilder<DB, TB, O>[],
  listQuery: ListQuery,
  idColumn: string,
): Promise<ListPage<O>> {
  const terms = keyTerms(listQuery, idColumn);
  const { size, after, before, number } = listQuery.page;
  const branches = Array.isArray(qb) ? qb : [qb as SelectQueryBuilder<DB, TB, O>];
  // One query, or (disjoint branches) the first rows of each, merged here in the list's order.
  const skipped = branches.length > 1 && !(after ?? before) ? (number - 1) * size : 0;
  const branchQuery: ListQuery =
    skipped > 0 ? { ...listQuery, page: { ...listQuery.page, number: 1 } } : listQuery;
  let rows: Record<string, unknown>[] = [];
  try {
    // The branches at once: on PostgreSQL each on a connection of its own, one round trip in all.
    const wanted = skipped + size + 1;
    const read = await Promise.all(
      branches.map((branch) => readBranch(branch, terms, branchQuery, idColumn, wanted)),
    );
    rows = read.flat();
  } catch (error) {
    throw (after ?? before) && isDataException(error)
      ? badParameter(cursorParameter(listQuery.page), 'invalid_cursor', 'The cursor does not fit this list.')
      : error;
  }
  if (branches.length > 1) {
    const reading = before ? reversed(terms) : terms;
    rows = rows.sort((a, b) => compareKeys(reading, a, b)).slice(skipped);
  }
  const hasMore = rows.length > size;
  rows = rows.slice(0, size);
  if (before) rows.reverse();
  const keys = rows.map((row) => terms.map((_, index) => row[`${KEY_ALIAS}${index}`] as CursorValue));
  const page: ListPage<O> = {
    rows: rows.map((row) => withoutKeys(row, terms.length) as O),
    hasNextPage: before ? true : hasMore,
    hasPrevPage: after ? true : before ? hasMore : number > 1,
  };
  if (!listQuery.page.byNumber) {
    const signature = sortSignature(listQuery.sort);
    const cursorAt = (values: CursorValue[] | undefined) =>
      values ? encodeCursor({ sort: signature, values }) : undefined;
    // An empty page (its rows deleted since) has no row to continue from: links.first remains.
    const next = page.hasNextPage ? cursorAt(keys.at(-1)) : undefined;
    const prev = page.hasPrevPage ? cursorAt(keys[0]) : undefined;
    if (next) page.nextCursor = next;
    if (prev) page.prevCursor = prev;
    page.hasNextPage = next !== undefined;
    page.hasPrevPage = prev !== undefined;
  }
  if (listQuery.withTotal) {
    const counts = await Promise.all(branches.map((branch) => countListQuery(branch, listQuery)));
    page.total = counts.reduce((sum, count) => sum + count, 0);
  }
  return page;
}

/** Up to `wanted` rows of one branch in the list's order, with their sort keys (KEY_ALIAS…). */
async function readBranch<DB, TB extends keyof DB, O>(
  branch: SelectQueryBuilder<DB, TB, O>,
  terms: readonly KeyTerm[],
  listQuery: ListQuery,
  idColumn: string,
  wanted: number,
): Promise<Record<string, unknown>[]> {
  const keyed = terms.reduce(
    (query, term, index) => query.select(keyExpression(term).as(`${KEY_ALIAS}${index}`)),
    branch,
  );
  const rows: Record<string, unknown>[] = [];
  for (const part of readingParts(keyed, listQuery, idColumn)) {
    if (rows.length === wanted) break;
    rows.push(...((await part.limit(wanted - rows.length).execute()) as Record<string, unknown>[]));
  }
  return rows;
}

/**
 * The order of two rows of merged branches, as the databases order them: NULL the largest;
 * numbers by value; text by code unit, which is the databases' binary order for the ASCII keys
 * (ISO timestamps, ids) that merged lists sort by.
 */
function compareKeys(
  terms: readonly KeyTerm[],
  a: Record<string, unknown>,
  b: Record<string, unknown>,
): number {
  for (const [index, { direction }] of terms.entries()) {
    const x = a[`${KEY_ALIAS}${index}`] as CursorValue;
    const y = b[`${KEY_ALIAS}${index}`] as CursorValue;
    if (x === y) continue;
    const order = x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
    return direction === 'asc' ? order : -order;
  }
  return 0;
}

function withoutKeys(row: Record<string, unknown>, count: number): Record<string, unknown> {
  const copy = { ...row };
  for (let index = 0; index < count; index += 1) delete copy[`${KEY_ALIAS}${index}`];
  return copy;
}

/** PostgreSQL's class 22 (data exception): a value that does not convert to the column's type. */
function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('22');
}

/**
 * The number of rows matching the filters of `listQuery`, ignoring paging and sorting. `qb` is
 * the base query (FROM, joins, tenant condition); its selections are replaced by `count(*)`, so it
 * must not use GROUP BY or DISTINCT.
 */
export async function countListQuery<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  listQuery: Pick<ListQuery, 'filters'>,
): Promise<number> {
  const row = await applyListFilters(qb, listQuery.filters)
    .clearSelect()
    .clearOrderBy()
    .clearLimit()
    .clearOffset()
    .select(sql<unknown>`count(*)`.as('total'))
    .$castTo<{ total: unknown }>()
    .executeTakeFirstOrThrow();
  return toCount(row.total);
}

/** Adds the WHERE conditions of the parsed filters only. */
export function applyListFilters<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  filters: readonly ListFilter[],
): SelectQueryBuilder<DB, TB, O> {
  return filters.reduce((query, filter) => query.where(filterCondition(filter)), qb);
}

function filterCondition({ column, op, value }: ListFilter): Expression<SqlBool> {
  const ref = sql.ref(column);
  switch (op) {
    case 'exists':
      return value === true ? sql<SqlBool>`${ref} is not null` : sql<SqlBool>`${ref} is null`;
    case 'contains':
      return containsCondition(sql<string>`fold_case(${ref})`, String(value));
    case 'eq':
      if (isList(value) && value.length === 0) return sql<SqlBool>`1 = 0`;
      return isList(value) ? sql<SqlBool>`${ref} in (${sql.join(value)})` : sql<SqlBool>`${ref} = ${value}`;
    case 'neq':
      if (isList(value) && value.length === 0) return sql<SqlBool>`1 = 1`;
      return isList(value)
        ? sql<SqlBool>`(${ref} not in (${sql.join(value)}) or ${ref} is null)`
        : sql<SqlBool>`(${ref} <> ${value} or ${ref} is null)`;
    case 'lt':
      return sql<SqlBool>`${ref} < ${value}`;
    case 'lte':
      return sql<SqlBool>`${ref} <= ${value}`;
    case 'gt':
      return sql<SqlBool>`${ref} > ${value}`;
    case 'gte':
      return sql<SqlBool>`${ref} >= ${value}`;
  }
}

/**
 * `text` contains `value`, both case-folded (`foldCase`; `fold_case` in SQL on both databases).
 * `folded` is an SQL expression of already folded text, e.g. a `…_folded` column. `%`, `_` and
 * `\` in the value are literal. The ESCAPE literal is one backslash on both databases.
 */
export function containsCondition(folded: Expression<string>, value: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${folded} like ${likePattern(foldCase(value))} escape '\\'`;
}

function isList(value: FilterValue): value is readonly string[] {
  return Array.isArray(value);
}

/** `%value%` with LIKE's wildcards and the escape character itself taken literally. */
function likePattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

function toCount(value: unknown): number {
  const count = typeof value === 'string' || typeof value === 'bigint' ? Number(value) : value;
  if (typeof count === 'number' && Number.isSafeInteger(count) && count >= 0) return count;
  throw new Error(`The database answered count(*) with ${String(value)}.`);
}
