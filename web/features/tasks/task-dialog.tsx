import { Group, Loader, Select, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { taskPriorities } from '../../../common/calendar';
import { isoDateIn } from '../../../common/dates';
import { DateField } from '../../ui/date-field';
import { FormDialog } from '../../ui/form-dialog';
import { useViewerLocale, useViewerTimeZone } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { TimeField } from '../../ui/time-field';
import { RemindersField, reminderRowErrors } from '../calendar/reminders-field';
import { type TaskResource, useCreateTask, useUpdateTask } from './api';
import { useStatusOptions } from './status-options';
import { type TaskFormValues, useTaskForm } from './task-form';
import '../../i18n/lazy/tasks';

const RichTextEditor = lazy(() => import('../../ui/rich-text-editor'));

export type TaskDialogProps = {
  onClose: () => void;
  /** Whose task it is: the page's user for a new task (shown locked under **Assigned to**). */
  owner: { id: string; name: string };
  /** A task to edit instead of creating one. */
  task?: TaskResource | undefined;
};

/** **Description** in the rich text editor, loaded when the dialog first opens. */
function TaskDescriptionField({ form }: { form: UseFormReturnType<TaskFormValues> }) {
  const { t } = useTranslation('tasks');
  return (
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
  );
}

/**
 * **Due date** (not before today for a new task; clearing it clears the reminders) and its time in
 * the viewer's zone. The date field's own problem goes to `onDateProblem`.
 */
function TaskDueFields(props: {
  form: UseFormReturnType<TaskFormValues>;
  isNew: boolean;
  onDateProblem: (problem: string | null) => void;
}) {
  const { form, isNew, onDateProblem } = props;
  const { t } = useTranslation('tasks');
  const locale = useViewerLocale();
  const timeZone = useViewerTimeZone();
  const today = isoDateIn(timeZone);
  return (
    <Group grow align="flex-start" wrap="wrap">
      <DateField
        label={t('dialog.dueDate')}
        locale={locale}
        value={form.values.dueDate}
        range={isNew ? { min: { date: today, problem: t('dialog.pastDateProblem') } } : {}}
        onChange={(value, problem) => {
          onDateProblem(problem);
          form.setFieldValue('dueDate', value);
          form.clearFieldError('dueDate');
          if (value === null) form.setFieldValue('reminders', []);
        }}
        error={form.errors.dueDate}
        clearLabel={t('dialog.clearDueDate')}
        miw={180}
        popoverProps={{ withinPortal: true }}
      />
      <TimeField
        label={t('dialog.dueTime')}
        description={t('dialog.dueTimeDescription', { zone: timeZone ?? 'UTC' })}
        disabled={!form.values.dueDate}
        miw={140}
        locale={locale}
        {...form.getInputProps('dueTime')}
        value={form.values.dueTime}
      />
    </Group>
  );
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
  const create = useCreateTask();
  const update = useUpdateTask();
  const statusOptions = useStatusOptions(task?.attributes.status);
  const { form, toAttributes, setDateProblem } = useTaskForm(task);

  const submit = async (values: TaskFormValues) => {
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
      <TaskDescriptionField form={form} />
      <TaskDueFields form={form} isNew={!task} onDateProblem={setDateProblem} />
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
