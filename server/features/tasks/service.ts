import {
  isTaskTransitionAllowed,
  type TaskCreate,
  type TaskUpdate,
  taskStatusLabels,
} from '../../../common/calendar';
import { errorMeta } from '../../../common/error-particulars';
import { checkedInstant } from '../../../common/instant';
import type { Deps } from '../../platform/deps';
import { type Actor, can, resolveUserId } from '../../platform/http/access';
import { invalidField, notFound, relatedNotFound } from '../../platform/http/errors';
import type { ListPage, ListQuery } from '../../platform/http/jsonapi';
import { sanitizeRichText } from '../../platform/text/rich-text';
import { isMember } from '../memberships/store';
import { deleteReminders } from '../reminders/store';
import { syncTaskActivity } from './activity';
import { authorizeTaskAssignment, authorizeTaskChange, authorizeTaskView } from './policy';
import { scheduleTaskReminders } from './reminders';
import { deleteTask, findTask, insertTask, listTasks, type TaskRecord, updateTask } from './store';

const taskNotFound = () => notFound('task');
const ownerNotFound = () =>
  relatedNotFound('user_not_found', 'The owner was not found in your organization.', 'owner');

function dueInstant(dueDate: string | null | undefined): string | null | undefined {
  if (dueDate === undefined || dueDate === null) return dueDate;
  return checkedInstant(dueDate);
}

/** OroCRM's `DueDateRequired`: "Due date must be set for reminders". */
function checkReminders(reminders: readonly unknown[], dueAt: string | null): void {
  if (reminders.length > 0 && dueAt === null) {
    throw invalidField('reminders', 'reminder_needs_due_date', 'Due date must be set for reminders.');
  }
}

/**
 * "Assign Task" (or a task of my own): a task owned by `ownerId` (default: the actor; someone
 * else needs `tasks.assign`). Priority defaults to Normal; a task starts Open (the workflow's
 * start step). The due date may not be in the past (OroCRM: GreaterThanOrEqual now).
 * @throws AppError 403; 404 `user_not_found` for an owner outside the organization; 422 with a
 *   pointer: `due_date_in_past`, `reminder_needs_due_date`, `task_status_initial`.
 */
export async function createTask(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: { attributes: TaskCreate; ownerId?: string | undefined },
): Promise<TaskRecord> {
  const ownerId = !input.ownerId || input.ownerId === 'me' ? actor.userId : input.ownerId;
  authorizeTaskAssignment(actor, ownerId);
  const { attributes } = input;
  const now = deps.clock.now().toISOString();
  const dueAt = dueInstant(attributes.dueDate) ?? null;
  if (dueAt !== null && dueAt < now) {
    throw invalidField(
      'dueDate',
      'due_date_in_past',
      'Due date must not be in the past.',
      errorMeta('due_date_in_past', { reason: 'past' }),
    );
  }
  if (attributes.status !== undefined && attributes.status !== 'open') {
    throw invalidField('status', 'task_status_initial', 'A new task starts Open.');
  }
  const reminders = attributes.reminders ?? [];
  checkReminders(reminders, dueAt);
  return deps.db.transaction().execute(async (trx) => {
    if (!(await isMember(trx, ownerId, actor.organizationId))) throw ownerNotFound();
    const task = await insertTask(trx, {
      organizationId: actor.organizationId,
      ownerId,
      createdById: actor.via.kind === 'system' ? null : actor.userId,
      subject: attributes.subject,
      description: sanitizeRichText(attributes.description),
      dueAt,
      priority: attributes.priority ?? 'normal',
      status: 'open',
      reminders,
      createdAt: now,
      updatedAt: now,
    });
    await scheduleTaskReminders(trx, task, now);
    await syncTaskActivity(trx, actor.organizationId, task.id, task, now);
    return task;
  });
}

/** One task of the actor's organization that the actor may see (404 otherwise). */
export async function getTask(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<TaskRecord> {
  const task = await findTask(deps.db, actor.organizationId, id);
  if (!task) throw taskNotFound();
  authorizeTaskView(actor, task.ownerId);
  return task;
}

/**
 * Changes a task. Status follows OroCRM's workflow (open ⇄ in progress → closed → reopen to
 * open); a changed due date may not be before the task's creation (OroCRM: ≥ createdAt on edit).
 * @throws AppError 404, 403, 422 with a pointer: `task_status_transition`, `due_date_in_past`,
 *   `reminder_needs_due_date`.
 */
export async function updateTaskAttributes(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  changes: TaskUpdate,
): Promise<TaskRecord> {
  return deps.db.transaction().execute(async (trx) => {
    const task = await findTask(trx, actor.organizationId, id);
    if (!task) throw taskNotFound();
    authorizeTaskView(actor, task.ownerId);
    authorizeTaskChange(actor, task);
    if (changes.status !== undefined && !isTaskTransitionAllowed(task.status, changes.status)) {
      throw invalidField(
        'status',
        'task_status_transition',
        `A task cannot go from ${taskStatusLabels[task.status]} to ${taskStatusLabels[changes.status]}.`,
        errorMeta('task_status_transition', { from: task.status, to: changes.status }),
      );
    }
    const dueAt = changes.dueDate === undefined ? task.dueAt : (dueInstant(changes.dueDate) ?? null);
    if (changes.dueDate !== undefined && dueAt !== null && dueAt < task.createdAt) {
      throw invalidField(
        'dueDate',
        'due_date_in_past',
        'Due date must not be before the task was created.',
        errorMeta('due_date_in_past', { reason: 'before_creation' }),
      );
    }
    checkReminders(changes.reminders ?? task.reminders, dueAt);
    const now = deps.clock.now().toISOString();
    const updated = await updateTask(trx, task, {
      ...(changes.subject !== undefined ? { subject: changes.subject } : {}),
      ...(changes.description !== undefined ? { description: sanitizeRichText(changes.description) } : {}),
      ...(changes.dueDate !== undefined ? { dueAt } : {}),
      ...(changes.priority !== undefined ? { priority: changes.priority } : {}),
      ...(changes.status !== undefined ? { status: changes.status } : {}),
      ...(changes.reminders !== undefined ? { reminders: changes.reminders } : {}),
      updatedAt: now,
    });
    await scheduleTaskReminders(trx, updated, now);
    await syncTaskActivity(trx, actor.organizationId, updated.id, updated, now);
    return updated;
  });
}

export async function removeTask(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const task = await findTask(trx, actor.organizationId, id);
    if (!task) throw taskNotFound();
    authorizeTaskView(actor, task.ownerId);
    authorizeTaskChange(actor, task);
    await deleteTask(trx, task.organizationId, task.id);
    await deleteReminders(trx, 'task', [task.id]);
    await syncTaskActivity(trx, actor.organizationId, task.id, undefined, deps.clock.now().toISOString());
  });
}

/**
 * A page of tasks (the User Tasks grid, My Tasks). `filter[owner]` takes ids or `me` (400
 * `invalid_filter_value` for anything else); without `users.view` one sees only one's own tasks,
 * and asking for another's is a 403.
 */
export async function listOrganizationTasks(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  listQuery: ListQuery,
): Promise<ListPage<TaskRecord>> {
  let hasOwner = false;
  const filters = listQuery.filters.map((filter) => {
    if (filter.field !== 'owner') return filter;
    hasOwner = true;
    // An id, `me`, or a list of them (the list filter has checked their form).
    const owners = (typeof filter.value === 'string' ? [filter.value] : (filter.value as string[])).map(
      (id) => resolveUserId(actor, id),
    );
    for (const ownerId of owners) authorizeTaskView(actor, ownerId);
    return { ...filter, value: owners.length === 1 ? (owners[0] as string) : owners };
  });
  if (!hasOwner && !can(actor, 'users.view')) {
    filters.push({ field: 'owner', column: 'tasks.ownerId', op: 'eq', value: actor.userId });
  }
  return listTasks(deps.db, actor.organizationId, { ...listQuery, filters });
}
