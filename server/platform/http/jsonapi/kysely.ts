import { type Expression, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { FilterValue, ListFilter, ListQuery } from './list-query';

/**
 * Narrows `qb` to one page of the list: a WHERE per filter, ORDER BY per sort term and then
 * `idColumn` as the tiebreak (so pages never overlap), LIMIT and OFFSET. Same SQL semantics on
 * SQLite and PostgreSQL:
 * - `neq` keeps rows where the column is NULL ("everything but this value");
 * - `lt`…`gte` and `eq` never match NULL; `exists=false` finds exactly the NULLs;
 * - `contains` is a case-insensitive substring match; `%`, `_` and `\` in the value are literal;
 * - NULLs sort as the largest value (PostgreSQL's default: last ascending, first descending).
 * Text sorts by the database collation; sort on a normalized column where the two must agree.
 */
export function applyListQuery<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  listQuery: ListQuery,
  idColumn: string,
): SelectQueryBuilder<DB, TB, O> {
  let query = applyListFilters(qb, listQuery.filters);
  for (const { column, direction } of listQuery.sort) {
    query = query.orderBy(sql.ref(column), (order) =>
      direction === 'asc' ? order.asc().nullsLast() : order.desc().nullsFirst(),
    );
  }
  if (!listQuery.sort.some(({ column }) => column === idColumn)) {
    query = query.orderBy(sql.ref(idColumn), 'asc');
  }
  const { number, size } = listQuery.page;
  return query.limit(size).offset((number - 1) * size);
}

export type ListPage<TRow> = { rows: TRow[]; hasNextPage: boolean; total?: number };

/**
 * Runs the list query: one page of rows (fetching one more to learn whether a next page exists)
 * and, when the client asked for it (`withTotal`), the total count.
 */
export async function fetchListPage<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  listQuery: ListQuery,
  idColumn: string,
): Promise<ListPage<O>> {
  const { size } = listQuery.page;
  const rows = (await applyListQuery(qb, listQuery, idColumn)
    .limit(size + 1)
    .execute()) as O[];
  const page: ListPage<O> = { rows: rows.slice(0, size), hasNextPage: rows.length > size };
  if (listQuery.withTotal) page.total = await countListQuery(qb, listQuery);
  return page;
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
      // The ESCAPE literal is one backslash on both SQLite and PostgreSQL (standard strings).
      return sql<SqlBool>`lower(${ref}) like lower(${likePattern(String(value))}) escape '\\'`;
    case 'eq':
      return isList(value) ? sql<SqlBool>`${ref} in (${sql.join(value)})` : sql<SqlBool>`${ref} = ${value}`;
    case 'neq':
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
