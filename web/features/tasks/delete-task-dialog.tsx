import { Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { DangerConfirmActions, FailureAlert } from '../../ui/feedback';
import { notifySuccess } from '../../ui/notify';
import { type TaskResource, useDeleteTask } from './api';
import '../../i18n/lazy/tasks';

/** **Delete Task**: asks once, names the task, says why when the server refuses. */
export function DeleteTaskDialog({ task, onClose }: { task: TaskResource | null; onClose: () => void }) {
  const { t } = useTranslation('tasks');
  const remove = useDeleteTask();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal
      opened={task !== null}
      onClose={close}
      title={t('item.deleteTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      <Stack gap="sm">
        <Text>{t('item.deleteExplain', { subject: task?.attributes.subject ?? '' })}</Text>
        <FailureAlert
          title={t('item.deleteFailed')}
          message={
            remove.error instanceof ApiError
              ? remove.error.message
              : remove.error
                ? String(remove.error)
                : null
          }
        />
        <DangerConfirmActions
          label={t('item.delete')}
          loading={remove.isPending}
          onCancel={close}
          onConfirm={() =>
            task &&
            remove.mutate(task.id, {
              onSuccess: () => {
                close();
                notifySuccess(t('item.deleted'));
              },
            })
          }
        />
      </Stack>
    </Modal>
  );
}
