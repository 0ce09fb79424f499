import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserListAbilities } from '../../../common/abilities';
import { usePasswordBulkResetAction } from '../passwords/bulk-reset';
import { useSetUsersEnabled } from './admin-api';
import '../../i18n/lazy/users';

/** A user picked in the users grid. */
export type SelectedUser = { id: string; name: string; username: string; email: string; enabled: boolean };

/** What every bulk action decides from: the selection and who is acting. */
export type BulkActionContext = {
  users: readonly SelectedUser[];
  currentUserId: string;
  /** What the server says I may do from the grid (`meta.abilities` of the users list). */
  abilities: UserListAbilities | undefined;
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

/** Enable / Disable the selected users (the list's `disable` ability); nobody disables themselves. */
export const useEnableDisableActions: BulkActionProvider = (context) => {
  const { t } = useTranslation('users');
  const [pending, setPending] = useState<{ enabled: boolean; users: SelectedUser[] } | null>(null);
  if (!context.abilities?.disable) return { actions: [] };
  const others = context.users.filter((user) => user.id !== context.currentUserId);
  return {
    actions: [
      {
        key: 'enable',
        label: t('setEnabled.enable'),
        disabled: !others.some((user) => !user.enabled),
        onSelect: () => setPending({ enabled: true, users: others.filter((user) => !user.enabled) }),
      },
      {
        key: 'disable',
        label: t('setEnabled.disable'),
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
  const { t } = useTranslation(['users', 'common']);
  const setEnabled = useSetUsersEnabled();
  const [failures, setFailures] = useState<{ name: string; message: string }[]>([]);
  const enabling = pending?.enabled ?? false;
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
              closeButtonProps: { 'aria-label': t('common:actions.closeNotification') },
              color: 'green',
              title: enabling ? t('setEnabled.enabled') : t('setEnabled.disabled'),
              message:
                changed === 1
                  ? t(enabling ? 'setEnabled.enabledOne' : 'setEnabled.disabledOne', {
                      name:
                        users.find((u) => !refused.some((f) => f.name === u.name))?.name ??
                        t('setEnabled.theUser'),
                    })
                  : t(enabling ? 'setEnabled.enabledMany' : 'setEnabled.disabledMany', { count: changed }),
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
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      opened={pending !== null}
      onClose={() => close(failures.length > 0)}
      title={enabling ? t('setEnabled.enableTitle') : t('setEnabled.disableTitle')}
      centered
    >
      <Stack gap="md">
        {failures.length > 0 ? (
          <Alert color="red" variant="outline" role="alert" title={t('setEnabled.someFailed')}>
            <List size="sm">
              {failures.map((failure) => (
                <List.Item key={failure.name}>
                  {t('setEnabled.failure', { name: failure.name, reason: failure.message })}
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <>
            <Text>
              {users.length === 1
                ? t(enabling ? 'setEnabled.enableOne' : 'setEnabled.disableOne', {
                    name: users[0]?.name ?? '',
                  })
                : t(enabling ? 'setEnabled.enableMany' : 'setEnabled.disableMany', { count: users.length })}
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
            {failures.length > 0 ? t('common:actions.close') : t('common:actions.cancel')}
          </Button>
          {failures.length === 0 ? (
            <Button
              color={pending?.enabled ? undefined : 'red.8'}
              loading={setEnabled.isPending}
              onClick={confirm}
            >
              {enabling ? t('setEnabled.enable') : t('setEnabled.disable')}
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
