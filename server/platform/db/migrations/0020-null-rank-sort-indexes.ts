import { sql } from 'kysely';
import type { MigrationDb } from '../columns';

/**
 * Nullable sorts served by an index on both databases (issue 18): a list sorted by a column that
 * may be NULL orders by its null rank first (`case when column is null then 1 else 0 end`, see
 * `nullRankExpression` in http/jsonapi/kysely.ts), then the column, then id. SQLite's indexes keep
 * NULLs first and could not serve "NULLs last" (the users grid by last sign-in sorted all 100,000
 * members for each page); these indexes hold the rank as an expression the ORDER BY matches:
 * - the users grid by `lastSignInAt` (users are read in this order, members kept; users/list.ts);
 * - the tasks grid by `dueDate` (its default), led like its other sorts by organization and owner.
 */
export async function up(db: MigrationDb): Promise<void> {
  await sql`create index users_last_sign_in_rank on users
    ((case when last_sign_in_at is null then 1 else 0 end), last_sign_in_at, id)`.execute(db);
  await sql`create index tasks_organization_owner_due_rank on tasks
    (organization_id, owner_id, (case when due_at is null then 1 else 0 end), due_at, id)`.execute(db);
}
