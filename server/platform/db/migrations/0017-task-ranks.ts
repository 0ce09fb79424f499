import { sql } from 'kysely';
import type { MigrationDb } from '../columns';

/**
 * Tasks sorted by priority and status in their meaning, not alphabetically (issue 14's User
 * Tasks grid): `priority_rank` (low 0, normal 1, high 2) and `status_rank` (the workflow: open 0,
 * in progress 1, closed 2), kept by the tasks store beside the names, each with an index like the
 * other sorts of the list (organization, owner, key, id).
 */
export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .alterTable('tasks')
    .addColumn('priority_rank', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('tasks')
    .addColumn('status_rank', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await sql`update tasks set
    priority_rank = case priority when 'low' then 0 when 'high' then 2 else 1 end,
    status_rank = case status when 'in_progress' then 1 when 'closed' then 2 else 0 end`.execute(db);
  for (const column of ['priority_rank', 'status_rank']) {
    await db.schema
      .createIndex(`tasks_organization_owner_${column}_id`)
      .on('tasks')
      .columns(['organization_id', 'owner_id', column, 'id'])
      .execute();
  }
}
