import type { Kysely } from 'kysely';
import { paths } from '../../../common/paths';
import type { DB } from '../../platform/db/schema';
import { registerReminderKind } from '../reminders/kinds';
import { cancelPendingReminders, insertMissingReminders, reminderFireAt } from '../reminders/store';
import { findTask, type TaskRecord } from './store';

/** (Re)schedules a task's reminders: none for a closed task or one without a due date. */
export async function scheduleTaskReminders(db: Kysely<DB>, task: TaskRecord, now: string): Promise<void> {
  await cancelPendingReminders(db, 'task', [task.id]);
  if (task.status === 'closed' || task.dueAt === null) return;
  const dueAt = task.dueAt;
  await insertMissingReminders(
    db,
    task.reminders.map((reminder) => ({
      organizationId: task.organizationId,
      kind: 'task' as const,
      recordId: task.id,
      occurrenceKey: dueAt,
      recipientId: task.ownerId,
      minutesBefore: reminder.minutesBefore,
      fireAt: reminderFireAt(dueAt, reminder.minutesBefore),
    })),
    now,
  );
}

registerReminderKind({
  kind: 'task',
  async contentOf(trx, reminder) {
    const task = await findTask(trx, reminder.organizationId, reminder.recordId);
    if (!task || task.status === 'closed' || task.dueAt !== reminder.occurrenceKey) {
      return { cancelled: 'task closed, deleted or moved' };
    }
    // The recipient is the owner: the link opens their tasks (the SPA has no page per task).
    return { kind: 'task', title: task.subject, at: task.dueAt, allDayDate: null, path: paths.myTasks };
  },
});
