import { Alert, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { paths } from '../../app/paths';
import { DangerConfirmActions, FailureAlert } from '../../ui/feedback';
import { useBulkPasswordReset } from './api';

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
  permissions: readonly string[];
  clearSelection: () => void;
}): {
  actions: { key: string; label: string; onSelect: () => void; disabled?: boolean }[];
  dialogs?: ReactNode;
} {
  const [pending, setPending] = useState<readonly Selected[] | null>(null);
  const reset = useBulkPasswordReset();
  if (!context.permissions.includes('password_management')) return { actions: [] };
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
            title: 'Passwords reset',
            message: `${pending.length} ${pending.length === 1 ? 'user was' : 'users were'} signed out and will get an email with a reset link.`,
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
        label: 'Reset Password',
        disabled: context.users.length === 0 || context.users.length > 100,
        onSelect: () => setPending([...context.users]),
      },
    ],
    dialogs: (
      <Modal
        opened={pending !== null}
        onClose={close}
        title="Reset Password"
        centered
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <Stack gap="sm">
          <Text>
            A password reset link will be sent to the primary email address of each of these users. Their
            current passwords stop working at once and they are logged out of Atrium on every device:
          </Text>
          <List size="sm">
            {(pending ?? []).map((user) => (
              <List.Item key={user.id}>{user.name}</List.Item>
            ))}
          </List>
          {includesSelf ? (
            <Alert color="orange" variant="outline">
              You are among them: you will be signed out too.
            </Alert>
          ) : null}
          <FailureAlert title="No password was reset" message={reset.error?.message} />
          <DangerConfirmActions
            label="Reset"
            onCancel={close}
            onConfirm={confirm}
            loading={reset.isPending}
          />
        </Stack>
      </Modal>
    ),
  };
}
