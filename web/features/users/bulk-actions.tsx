import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { usePasswordBulkResetAction } from '../passwords/bulk-reset';
import { useSetUsersEnabled } from './admin-api';

/** A user picked in the users grid. */
export type SelectedUser = { id: string; name: string; username: string; email: string; enabled: boolean };

/** What every bulk action decides from: the selection and who is acting. */
export type BulkActionContext = {
  users: readonly SelectedUser[];
  currentUserId: string;
  permissions: readonly string[];
  /** Empties the selection (after the action is done). */
  clearSelection: () => void;
};

/** One button of the grid's selection bar. */
export type BulkAction = { key: string; label: string; onSelect: () => void; disabled?: boolean };

/**
 * The extension point of the users grid: a hook that contributes buttons for the selected users
 * and the dialogs they open (rendered by the grid). Features add theirs to `bulkActionProviders`
 * (e.g. "Reset Password" for several users); the hooks are called in that fixed order.
 */
export type BulkActionProvider = (context: BulkActionContext) => {
  actions: BulkAction[];
  dialogs?: ReactNode;
};

/** Enable / Disable the selected users (`users.disable`); nobody disables themselves. */
export const useEnableDisableActions: BulkActionProvider = (context) => {
  const [pending, setPending] = useState<{ enabled: boolean; users: SelectedUser[] } | null>(null);
  if (!context.permissions.includes('users.disable')) return { actions: [] };
  const others = context.users.filter((user) => user.id !== context.currentUserId);
  return {
    actions: [
      {
        key: 'enable',
        label: 'Enable',
        disabled: !others.some((user) => !user.enabled),
        onSelect: () => setPending({ enabled: true, users: others.filter((user) => !user.enabled) }),
      },
      {
        key: 'disable',
        label: 'Disable',
        disabled: !others.some((user) => user.enabled),
        onSelect: () => setPending({ enabled: false, users: others.filter((user) => user.enabled) }),
      },
    ],
    dialogs: (
      <SetEnabledDialog
        pending={pending}
        onClose={(done) => {
          setPending(null);
          if (done) context.clearSelection();
        }}
      />
    ),
  };
};

/**
 * Asks before enabling or disabling users (disabling signs them out everywhere at once), then
 * does it and reports who could not be changed.
 */
export function SetEnabledDialog({
  pending,
  onClose,
}: {
  pending: { enabled: boolean; users: readonly SelectedUser[] } | null;
  onClose: (done: boolean) => void;
}) {
  const setEnabled = useSetUsersEnabled();
  const [failures, setFailures] = useState<{ name: string; message: string }[]>([]);
  const verb = pending?.enabled ? 'Enable' : 'Disable';
  const users = pending?.users ?? [];
  const close = (done: boolean) => {
    setFailures([]);
    setEnabled.reset();
    onClose(done);
  };
  const confirm = () => {
    setEnabled.mutate(
      { users: users.map((user) => ({ id: user.id, name: user.name })), enabled: pending?.enabled ?? false },
      {
        onSuccess: (refused) => {
          const changed = users.length - refused.length;
          if (changed > 0) {
            notifications.show({
              closeButtonProps: { 'aria-label': 'Close the notification' },
              color: 'green',
              title: pending?.enabled ? 'Users enabled' : 'Users disabled',
              message:
                changed === 1
                  ? `${users.find((u) => !refused.some((f) => f.name === u.name))?.name ?? 'The user'} was ${pending?.enabled ? 'enabled' : 'disabled'}.`
                  : `${changed} users were ${pending?.enabled ? 'enabled' : 'disabled'}.`,
            });
          }
          if (refused.length > 0) setFailures(refused);
          else close(true);
        },
      },
    );
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={pending !== null}
      onClose={() => close(failures.length > 0)}
      title={`${verb} users`}
      centered
    >
      <Stack gap="md">
        {failures.length > 0 ? (
          <Alert color="red" variant="outline" role="alert" title="Some users were not changed">
            <List size="sm">
              {failures.map((failure) => (
                <List.Item key={failure.name}>
                  {failure.name}: {failure.message}
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <>
            <Text>
              {verb} {users.length === 1 ? users[0]?.name : `these ${users.length} users`}?
              {pending?.enabled
                ? ' They can sign in again.'
                : ' They are signed out at once and cannot sign in.'}
            </Text>
            {users.length > 1 ? (
              <List size="sm">
                {users.map((user) => (
                  <List.Item key={user.id}>{user.name}</List.Item>
                ))}
              </List>
            ) : null}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => close(failures.length > 0)}>
            {failures.length > 0 ? 'Close' : 'Cancel'}
          </Button>
          {failures.length === 0 ? (
            <Button
              color={pending?.enabled ? undefined : 'red.8'}
              loading={setEnabled.isPending}
              onClick={confirm}
            >
              {verb}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Modal>
  );
}

/** The grid's bulk actions, in order. Add yours here. */
export const bulkActionProviders: readonly BulkActionProvider[] = [
  useEnableDisableActions,
  usePasswordBulkResetAction,
];
