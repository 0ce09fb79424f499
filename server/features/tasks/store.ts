import type { Kysely, Selectable } from 'kysely';
import type { Reminder } from '../../../common/calendar';
import type { DB, TasksTable } from '../../platform/db/schema';
import {
  fetchListPage,
  type ListPage,
  type ListQuery,
  type ListSpec,
  listReadsOf,
} from '../../platform/http/jsonapi';
import { newId } from '../../platform/ids';

/** A task as the service sees it: the sort ranks are the store's own (kept from priority and status). */
type TaskRow = Omit<Selectable<TasksTable>, 'priorityRank' | 'statusRank'>;

export type TaskRecord = Omit<TaskRow, 'reminders'> & { reminders: Reminder[] };

const taskColumns = [
  'tasks.id',
  'tasks.organizationId',
  'tasks.ownerId',
  'tasks.createdById',
  'tasks.subject',
  'tasks.description',
  'tasks.dueAt',
  'tasks.priority',
  'tasks.status',
  'tasks.reminders',
  'tasks.createdAt',
  'tasks.updatedAt',
] as const;

function parseTask(row: TaskRow): TaskRecord {
  return { ...row, reminders: JSON.parse(row.reminders) as Reminder[] };
}

/**
 * `GET /api/tasks` (OroCRM's `tasks-grid`): sorted by due date (the default, tasks without one
 * last), subject, status, priority or creation; filtered by owner, status, priority, due date;
 * `include=createdBy,owner` adds those users (organization members) to the page.
 */
export const taskListSpec: ListSpec = {
  type: 'tasks',
  sort: {
    dueDate: 'tasks.dueAt',
    subject: 'tasks.subject',
    // In their meaning (low < normal < high; the workflow's order), not alphabetically.
    status: 'tasks.statusRank',
    priority: 'tasks.priorityRank',
    createdAt: 'tasks.createdAt',
  },
  defaultSort: 'dueDate',
  nullableSorts: ['dueDate'],
  sortValues: { dueDate: 'timestamp', createdAt: 'timestamp', status: 'integer', priority: 'integer' },
  // The grid shows who created each task and whose it is, without a request per row.
  includes: ['createdBy', 'owner'],
  filters: {
    owner: { column: 'tasks.ownerId', kind: 'id', me: true, ops: ['eq'] },
    status: { column: 'tasks.status', kind: 'enum', values: ['open', 'in_progress', 'closed'] },
    priority: { column: 'tasks.priority', kind: 'enum', values: ['low', 'normal', 'high'] },
    dueDate: { column: 'tasks.dueAt', kind: 'timestamp' },
  },
};

/** Sort keys of `priority` and `status` (columns `priority_rank`, `status_rank`; migration 0017). */
const PRIORITY_RANK: Record<TaskRecord['priority'], number> = { low: 0, normal: 1, high: 2 };
const STATUS_RANK: Record<TaskRecord['status'], number> = { open: 0, in_progress: 1, closed: 2 };

export async function findTask(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
): Promise<TaskRecord | undefined> {
  const row = await db
    .selectFrom('tasks')
    .select(taskColumns)
    .where('tasks.organizationId', '=', organizationId)
    .where('tasks.id', '=', id)
    .executeTakeFirst();
  return row ? parseTask(row) : undefined;
}

export async function insertTask(db: Kysely<DB>, task: Omit<TaskRecord, 'id'>): Promise<TaskRecord> {
  const record: TaskRecord = { ...task, id: newId() };
  await db
    .insertInto('tasks')
    .values({
      ...record,
      reminders: JSON.stringify(record.reminders),
      priorityRank: PRIORITY_RANK[record.priority],
      statusRank: STATUS_RANK[record.status],
    })
    .execute();
  return record;
}

export async function updateTask(
  db: Kysely<DB>,
  task: TaskRecord,
  changes: Partial<Omit<TaskRecord, 'id' | 'organizationId' | 'ownerId' | 'createdById' | 'createdAt'>>,
): Promise<TaskRecord> {
  const { reminders, ...rest } = changes;
  await db
    .updateTable('tasks')
    .set({
      ...rest,
      ...(reminders !== undefined ? { reminders: JSON.stringify(reminders) } : {}),
      ...(rest.priority !== undefined ? { priorityRank: PRIORITY_RANK[rest.priority] } : {}),
      ...(rest.status !== undefined ? { statusRank: STATUS_RANK[rest.status] } : {}),
    })
    .where('organizationId', '=', task.organizationId)
    .where('id', '=', task.id)
    .execute();
  return { ...task, ...changes };
}

/** Deletes the organization's task `id` (nothing when it is another organization's). */
export async function deleteTask(db: Kysely<DB>, organizationId: string, id: string): Promise<void> {
  await db.deleteFrom('tasks').where('organizationId', '=', organizationId).where('id', '=', id).execute();
}

/** One page of the organization's tasks; `ownerId` narrows to one user's (the filter is already parsed). */
export async function listTasks(
  db: Kysely<DB>,
  organizationId: string,
  listQuery: ListQuery,
): Promise<ListPage<TaskRecord>> {
  const base = listReadsOf(db, listQuery)
    .selectFrom('tasks')
    .select(taskColumns)
    .where('tasks.organizationId', '=', organizationId);
  const page = await fetchListPage(base, listQuery, 'tasks.id');
  return { ...page, rows: page.rows.map(parseTask) };
}
