import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Reminder,
  type TaskCreate,
  type TaskPriorityName,
  type TaskStatusName,
  taskCreateSchema,
} from '../../../common/calendar';
import { fromZonedWallTime, toZonedWallTime } from '../../../common/zoned-time';
import { validateWith } from '../../ui/form';
import { useViewerTimeZone } from '../../ui/format';
import type { TaskResource } from './api';

export type TaskFormValues = {
  subject: string;
  description: string;
  /** `YYYY-MM-DD` in the viewer's zone, or null */
  dueDate: string | null;
  /** `HH:mm` in the viewer's zone */
  dueTime: string;
  priority: TaskPriorityName;
  status: TaskStatusName;
  reminders: Reminder[];
};

/** An editor left empty gives `<p></p>`: no description. */
function descriptionOf(html: string): string | null {
  return html.replace(/<p>\s*<\/p>/g, '').trim() === '' ? null : html;
}

function initialValues(task: TaskResource | undefined, timeZone: string | undefined): TaskFormValues {
  const a = task?.attributes;
  const due = a?.dueDate ? toZonedWallTime(a.dueDate, timeZone) : undefined;
  return {
    subject: a?.subject ?? '',
    description: a?.description ?? '',
    dueDate: due ? due.slice(0, 10) : null,
    // The end of a working day unless the task says otherwise.
    dueTime: due ? due.slice(11, 16) : '17:00',
    priority: a?.priority ?? 'normal',
    status: a?.status ?? 'open',
    reminders: a?.reminders ?? [],
  };
}

/**
 * The task dialog's form, validated by the server's `taskCreateSchema` and the rules it cannot
 * know: a new task is not due in the past, a due date needs a time, reminders need a due date.
 * `setDateProblem` takes what the due date field could not read, which the due date's rule
 * answers first. `toAttributes` gives what Save sends.
 */
export function useTaskForm(task: TaskResource | undefined) {
  const { t } = useTranslation('tasks');
  const timeZone = useViewerTimeZone();
  const [dateProblem, setDateProblem] = useState<string | null>(null);

  const dueInstant = (values: TaskFormValues) =>
    values.dueDate && /^\d{2}:\d{2}$/.test(values.dueTime)
      ? fromZonedWallTime(`${values.dueDate}T${values.dueTime}`, timeZone)
      : undefined;
  const toAttributes = (values: TaskFormValues): TaskCreate => ({
    subject: values.subject.trim(),
    description: descriptionOf(values.description),
    dueDate: dueInstant(values) ?? null,
    priority: values.priority,
    reminders: values.reminders,
  });

  const form = useForm<TaskFormValues>({
    initialValues: initialValues(task, timeZone),
    validate: validateWith(taskCreateSchema, toAttributes, (values) => {
      const due = dueInstant(values);
      return {
        dueDate:
          dateProblem ?? (!task && due && due < new Date().toISOString() ? t('dialog.dueInPast') : null),
        dueTime: values.dueDate && !due ? t('dialog.dueTimeRequired') : null,
        reminders: values.reminders.length > 0 && !values.dueDate ? t('dialog.remindersNeedDueDate') : null,
      };
    }),
  });
  return { form, toAttributes, setDateProblem };
}
