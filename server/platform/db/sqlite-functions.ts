import type SqliteDatabase from 'better-sqlite3';
import { foldCase } from '../text/case-fold';

/**
 * SQL functions every SQLite connection of Atrium has: `fold_case(text)` is `foldCase` (full
 * Unicode case folding; SQLite's own lower() folds ASCII only). PostgreSQL gets its own
 * `fold_case` from migration 0008.
 */
export function registerSqliteFunctions(sqlite: SqliteDatabase.Database): void {
  sqlite.function('fold_case', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? foldCase(value) : value,
  );
}
