import { Alert, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../common/paths';
import { DangerConfirmActions, FailureAlert } from '../../ui/feedback';
import { useBulkPasswordReset } from './api';
import '../../i18n/lazy/passwords';

type Selected = { id: string; name: string };

/**
 * **Reset Password** for the users picked in the users grid (`password_management`): one request
 * (`POST /api/password-resets/bulk`, all or nothing), after a confirmation naming them. Shaped as
 * a bulk-action provider of the grid:
 *
 * ```ts
 * export const bulkActionProviders = [useEnableDisableActions, usePasswordBulkResetAction];
 * ```
 */
export function usePasswordBulkResetAction(context: {
  users: readonly Selected[];
  currentUserId: string;
  abilities: { resetPassword: boolean } | undefined;
  clearSelection: () => void;
}): {
  actions: { key: string; label: string; onSelect: () => void; disabled?: boolean }[];
  dialogs?: ReactNode;
} {
  const { t } = useTranslation(['passwords', 'common']);
  const [pending, setPending] = useState<readonly Selected[] | null>(null);
  const reset = useBulkPasswordReset();
  if (!context.abilities?.resetPassword) return { actions: [] };
  const includesSelf = (pending ?? []).some((user) => user.id === context.currentUserId);
  const close = () => {
    reset.reset();
    setPending(null);
  };
  const confirm = () => {
    if (!pending) return;
    reset.mutate(
      pending.map((user) => user.id),
      {
        onSuccess: () => {
          if (includesSelf) {
            window.location.assign(paths.signIn);
            return;
          }
          notifications.show({
            color: 'green',
            title: t('bulkReset.done'),
            message: t('bulkReset.doneMessage', { count: pending.length }),
          });
          context.clearSelection();
          close();
        },
      },
    );
  };
  return {
    actions: [
      {
        key: 'reset_password',
        label: t('bulkReset.action'),
        disabled: context.users.length === 0 || context.users.length > 100,
        onSelect: () => setPending([...context.users]),
      },
    ],
    dialogs: (
      <Modal
        opened={pending !== null}
        onClose={close}
        title={t('bulkReset.title')}
        centered
        closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      >
        <Stack gap="sm">
          <Text>{t('bulkReset.explain')}</Text>
          <List size="sm">
            {(pending ?? []).map((user) => (
              <List.Item key={user.id}>{user.name}</List.Item>
            ))}
          </List>
          {includesSelf ? (
            <Alert color="orange" variant="outline">
              {t('bulkReset.includesSelf')}
            </Alert>
          ) : null}
          <FailureAlert title={t('bulkReset.failed')} message={reset.error?.message} />
          <DangerConfirmActions
            label={t('bulkReset.confirm')}
            onCancel={close}
            onConfirm={confirm}
            loading={reset.isPending}
          />
        </Stack>
      </Modal>
    ),
  };
}
