import { Group, Loader, Select, Stack, Text, TextInput } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Reminder,
  type TaskCreate,
  type TaskPriorityName,
  type TaskStatusName,
  taskCreateSchema,
  taskPriorities,
} from '../../../common/calendar';
import { isoDateIn } from '../../../common/dates';
import { fromZonedWallTime, toZonedWallTime } from '../../../common/zoned-time';
import { DateField } from '../../ui/date-field';
import { validateWith } from '../../ui/form';
import { FormDialog } from '../../ui/form-dialog';
import { useViewerLocale, useViewerTimeZone } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { RemindersField, reminderRowErrors } from '../calendar/reminders-field';
import { type TaskResource, useCreateTask, useUpdateTask } from './api';
import { useStatusOptions } from './status-options';
import '../../i18n/lazy/tasks';

const RichTextEditor = lazy(() => import('../../ui/rich-text-editor'));

export type TaskDialogProps = {
  onClose: () => void;
  /** Whose task it is: the page's user for a new task (shown locked under **Assigned to**). */
  owner: { id: string; name: string };
  /** A task to edit instead of creating one. */
  task?: TaskResource | undefined;
};

type Values = {
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

function initialValues(task: TaskResource | undefined, timeZone: string | undefined): Values {
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
 * The **Assign Task To** dialog (OroCRM's task form): **Subject** (required), **Description**
 * (rich text, sanitized by the server), **Due date** and time (the viewer's locale and time zone;
 * not in the past), **Priority** (Normal), **Status** (Open; later along the workflow), **Reminders**
 * (need a due date), **Assigned to** (the page's user, locked) and **Create Task**. With `task`, the
 * same fields edit it (**Edit Task**, **Save**). Mount it when it opens: the form starts from its props.
 */
export function TaskDialog({ onClose, owner, task }: TaskDialogProps) {
  const { t } = useTranslation('tasks');
  const locale = useViewerLocale();
  const timeZone = useViewerTimeZone();
  const create = useCreateTask();
  const update = useUpdateTask();
  const [dateProblem, setDateProblem] = useState<string | null>(null);
  const statusOptions = useStatusOptions(task?.attributes.status);
  const today = isoDateIn(timeZone);

  const dueInstant = (values: Values) =>
    values.dueDate && /^\d{2}:\d{2}$/.test(values.dueTime)
      ? fromZonedWallTime(`${values.dueDate}T${values.dueTime}`, timeZone)
      : undefined;
  const toAttributes = (values: Values): TaskCreate => ({
    subject: values.subject.trim(),
    description: descriptionOf(values.description),
    dueDate: dueInstant(values) ?? null,
    priority: values.priority,
    reminders: values.reminders,
  });

  const form = useForm<Values>({
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

  const submit = async (values: Values) => {
    const attributes = toAttributes(values);
    if (!task) return (await create.mutateAsync({ ownerId: owner.id, attributes })).data;
    return (
      await update.mutateAsync({
        id: task.id,
        attributes: {
          ...attributes,
          ...(values.status !== task.attributes.status ? { status: values.status } : {}),
        },
      })
    ).data;
  };

  return (
    <FormDialog
      opened
      onClose={onClose}
      title={task ? t('dialog.editTitle') : t('dialog.title')}
      failureTitle={t('dialog.failed')}
      form={form}
      onSubmit={submit}
      onSuccess={() => notifySuccess(task ? t('dialog.saved') : t('dialog.created'))}
      submitLabel={task ? t('dialog.save') : t('dialog.submit')}
    >
      <TextInput
        label={t('dialog.subject')}
        required
        maxLength={255}
        {...form.getInputProps('subject')}
        data-autofocus
      />
      <Suspense
        fallback={
          <Group gap="xs" role="status">
            <Loader size="xs" aria-hidden="true" />
            <Text size="sm">{t('dialog.loadingEditor')}</Text>
          </Group>
        }
      >
        <RichTextEditor
          label={t('dialog.description')}
          value={form.values.description}
          version={0}
          onChange={(html) => form.setFieldValue('description', html)}
          error={typeof form.errors.description === 'string' ? form.errors.description : undefined}
        />
      </Suspense>
      <Group grow align="flex-start" wrap="wrap">
        <DateField
          label={t('dialog.dueDate')}
          locale={locale}
          value={form.values.dueDate}
          range={task ? {} : { min: { date: today, problem: t('dialog.pastDateProblem') } }}
          onChange={(value, problem) => {
            setDateProblem(problem);
            form.setFieldValue('dueDate', value);
            form.clearFieldError('dueDate');
            if (value === null) form.setFieldValue('reminders', []);
          }}
          error={form.errors.dueDate}
          clearLabel={t('dialog.clearDueDate')}
          miw={180}
          popoverProps={{ withinPortal: true }}
        />
        <TimeInput
          label={t('dialog.dueTime')}
          description={t('dialog.dueTimeDescription', { zone: timeZone ?? 'UTC' })}
          disabled={!form.values.dueDate}
          miw={140}
          {...form.getInputProps('dueTime')}
        />
      </Group>
      <Group grow align="flex-start" wrap="wrap">
        <Select
          label={t('dialog.priority')}
          data={taskPriorities.map((value) => ({ value, label: t(`priority.${value}`) }))}
          allowDeselect={false}
          miw={140}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('priority')}
        />
        <Select
          label={t('dialog.status')}
          data={task ? statusOptions : [{ value: 'open', label: t('status.open') }]}
          description={task ? undefined : t('dialog.statusStartsOpen')}
          disabled={!task}
          allowDeselect={false}
          miw={140}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('status')}
        />
      </Group>
      <Stack gap={4}>
        <RemindersField
          value={form.values.reminders}
          onChange={(value) => {
            form.setFieldValue('reminders', value);
            form.clearFieldError('reminders');
          }}
          error={typeof form.errors.reminders === 'string' ? form.errors.reminders : undefined}
          rowErrors={reminderRowErrors(form.errors)}
          disabledReason={form.values.dueDate ? undefined : t('dialog.remindersNeedDueDate')}
          relativeTo="dueDate"
        />
      </Stack>
      <TextInput label={t('dialog.assignedTo')} value={owner.name} readOnly />
    </FormDialog>
  );
}
