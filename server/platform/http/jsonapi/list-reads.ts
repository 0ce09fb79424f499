import type { Kysely } from 'kysely';
import { costlyReadsOf } from '../../db/kysely';
import type { DB } from '../../db/schema';
import { isCostlyListQuery, type ListQuery } from './list-query';

/**
 * The database a store reads a list from: for a costly list (`isCostlyListQuery`, or `costly`
 * when the store knows of a cost the query does not show, such as a substring filter under
 * another operator), `costlyReadsOf(db)`, which on SQLite runs the reads on a worker thread so
 * they do not hold up other requests; otherwise `db`. SELECTs only.
 */
export function listReadsOf(db: Kysely<DB>, listQuery: ListQuery, costly = false): Kysely<DB> {
  return costly || isCostlyListQuery(listQuery) ? costlyReadsOf(db) : db;
}
