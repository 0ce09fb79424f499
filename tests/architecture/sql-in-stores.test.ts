import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findQueryCalls, isStoreModule, queriesOutsideStores } from './query-calls';

/**
 * Issue 11, item 6: SQL lives in stores. A route or service calls a store function; only
 * `store.ts` (or `<idea>-store.ts`, a feature's store split by idea) and `server/platform/db/`
 * (Kysely, prepared queries, migrations) build or run queries. A new query elsewhere fails here:
 * move it into the owning feature's store.
 */
const root = path.resolve(import.meta.dirname, '../..');

/**
 * Platform mechanisms whose module is the only reader and writer of its table, so the module is
 * that table's store; and what is left for another branch. Each entry says why.
 */
const allowed: Record<string, string> = {
  // The audit writer (called by every feature in their transaction): one prepared INSERT.
  'server/platform/audit.ts': 'the audit_events writer',
  // Per-key request budgets: one upsert per check.
  'server/platform/rate-limit.ts': 'the rate_limits counter',
  // The scoped settings registry reads and writes settings_values (compiled once, cached).
  'server/platform/settings.ts': 'the settings_values reader and writer',
  // The transactional outbox: queueing and requeueing mail rows in the caller's transaction.
  'server/platform/mail/outbox.ts': 'the mail_outbox writer',
  // The list toolkit builds any store's paging, sort and filter conditions (no table of its own).
  'server/platform/http/jsonapi/kysely.ts': 'the list toolkit, used by stores',
  // GET /readyz: one trivial SELECT that proves the database answers.
  'server/app.ts': 'the readiness probe',
};

describe('SQL only in stores', () => {
  it('no module outside the stores builds or runs a query (but the explained exceptions)', () => {
    const found = queriesOutsideStores(root);
    const offenders = [...found]
      .filter(([module]) => !(module in allowed))
      .map(([module, calls]) => `${module}:${calls[0]?.line} ${calls[0]?.text}`);
    expect(offenders).toEqual([]);
    // An exception that no longer queries leaves the list: it must not hide a future one.
    expect(Object.keys(allowed).filter((module) => !found.has(module))).toEqual([]);
  });

  it('finds builder calls, destructured builders and raw sql, and knows a store', () => {
    const source = [
      "db.selectFrom('users').select('id');",
      "trx.updateTable('users').set({ a: 1 });",
      "eb.exists(({ selectFrom }) => selectFrom('memberships'));",
      'sql`analyze`.execute(db);',
      'sql<number>`count(*)`;',
      "sql.ref('users.id');",
      "const find = preparedQuery(['id'], build);",
      '// db.deleteFrom in a comment is no query',
      'users.filter((user) => user.selectable);',
    ].join('\n');
    expect(findQueryCalls('example.ts', source).map((call) => call.line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(isStoreModule('server/features/users/store.ts')).toBe(true);
    expect(isStoreModule('server/features/users/list-store.ts')).toBe(true);
    expect(isStoreModule('server/platform/db/migrations/0001-initial.ts')).toBe(true);
    expect(isStoreModule('server/features/users/list-service.ts')).toBe(false);
    expect(isStoreModule('server/features/restore.ts')).toBe(false);
  });
});
