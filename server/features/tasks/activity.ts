import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema';
import { can } from '../../platform/http/access';
import type { ActivityKindDefinition } from '../activities/kinds';
import { deleteActivities, replaceActivityTargets, updateActivities } from '../activities/store';
import { presentTask, taskResource } from './presenter';
import { findTask, type TaskRecord } from './store';

/**
 * Keeps the Activity index in step with a task (in the write's transaction): one item on its
 * owner's timeline, when it was assigned, by its creator, with its status; gone when deleted.
 */
export async function syncTaskActivity(
  trx: Kysely<DB>,
  organizationId: string,
  taskId: string,
  task: TaskRecord | undefined,
  now: string,
): Promise<void> {
  const ref = { organizationId, kind: 'task' as const, recordId: taskId };
  if (!task) {
    await deleteActivities(trx, ref);
    return;
  }
  const summary = {
    authorId: task.createdById,
    occurredAt: task.createdAt,
    subject: task.subject,
    status: task.status,
  };
  await replaceActivityTargets(trx, ref, summary, [task.ownerId], now);
  await updateActivities(trx, ref, summary, now);
}

/** Tasks on the Activity timeline, as GET /api/tasks/{id} presents them. */
export const taskActivityKind: ActivityKindDefinition = {
  kind: 'task',
  type: 'tasks',
  resource: taskResource,
  fields: Object.keys(taskResource.shape.attributes.shape),
  isVisibleTo: (actor, targetUserId) => targetUserId === actor.userId || can(actor, 'users.view'),
  async present(db, organizationId, recordIds, { actor }) {
    const tasks = (await Promise.all(recordIds.map((id) => findTask(db, organizationId, id)))).filter(
      (task) => task !== undefined,
    );
    return new Map(tasks.map((task) => [task.id, presentTask(task, actor)]));
  },
};
