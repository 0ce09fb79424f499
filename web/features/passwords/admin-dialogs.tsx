import { Anchor, Button, Checkbox, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEye, IconEyeOff } from '@tabler/icons-react';
import { type ReactNode, useEffect, useState } from 'react';
import { generatePassword } from '../../../common/password-generator';
import type { Permission } from '../../../common/permissions';
import { ApiError, fieldErrors } from '../../app/api';
import { signInPathFor } from '../../app/paths';
import { DangerConfirmActions, FailureAlert } from '../../ui/feedback';
import { usePasswordPolicy, usePasswordReset, usePasswordSet } from './api';
import { PasswordRulesButton, PasswordStrengthMeter, usePasswordProblems } from './password-help';

type DialogProps = {
  userId: string;
  opened: boolean;
  onClose: () => void;
  /** The user's name, for the confirmation. */
  userName?: string;
  /** Called after the server accepted the change. */
  onDone?: () => void;
};

/**
 * Administrator's **Change Password** (More Actions): **New password** with the **Show / Hide**
 * eye, **Suggest Password** (a random password meeting the policy in force), "User must change
 * the password at next sign-in" (checked by default, unchecked on oneself), **Save**. On oneself
 * this browser stays signed in (the server rotates its session) and the message says so.
 */
export function ChangePasswordDialog({
  userId,
  opened,
  onClose,
  userName,
  onDone,
  isSelf = false,
}: DialogProps & { isSelf?: boolean }) {
  const [password, setPassword] = useState('');
  const [visible, setVisible] = useState(false);
  const [mustChange, setMustChange] = useState(!isSelf);
  // Who "self" is may be known only after the first render: the default follows it until opened.
  useEffect(() => {
    if (!opened) setMustChange(!isSelf);
  }, [opened, isSelf]);
  const [error, setError] = useState<string | undefined>();
  const policy = usePasswordPolicy();
  const setPasswordMutation = usePasswordSet(userId);
  const problems = usePasswordProblems(password, {}, policy.data);

  const close = () => {
    setPassword('');
    setVisible(false);
    setMustChange(!isSelf);
    setError(undefined);
    setPasswordMutation.reset();
    onClose();
  };

  const suggest = () => {
    if (!policy.data) return;
    setPassword(generatePassword(policy.data));
    setVisible(true);
    setError(undefined);
  };

  const save = () => {
    if (!password) return setError('Type a new password or click Suggest Password.');
    if (problems[0]) return setError(problems[0].message);
    setPasswordMutation.mutate(
      { newPassword: password, mustChange },
      {
        onSuccess: ({ rotated }) => {
          notifications.show({
            color: 'green',
            title: 'Password changed',
            message: rotated
              ? 'Your password was changed. You stay signed in here; your other sessions were signed out and you will get an email.'
              : `${userName ?? 'The user'} was signed out everywhere and will get an email.`,
          });
          onDone?.();
          close();
        },
        onError: (failure) => {
          const byField = fieldErrors(failure);
          setError(byField.newPassword ?? (failure instanceof ApiError ? failure.message : String(failure)));
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Change Password"
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <Stack gap="sm">
          <div>
            <PasswordInput
              label="New password"
              autoComplete="new-password"
              value={password}
              onChange={(event) => {
                setPassword(event.currentTarget.value);
                setError(undefined);
              }}
              visible={visible}
              onVisibilityChange={setVisible}
              visibilityToggleIcon={({ reveal }) =>
                reveal ? (
                  <IconEyeOff size={18} aria-hidden="true" />
                ) : (
                  <IconEye size={18} aria-hidden="true" />
                )
              }
              visibilityToggleButtonProps={{ 'aria-label': visible ? 'Hide' : 'Show', tabIndex: 0 }}
              error={error}
              data-autofocus
            />
            <Group justify="space-between" mt={4}>
              <Anchor component="button" type="button" size="sm" onClick={suggest} disabled={!policy.data}>
                Suggest Password
              </Anchor>
              <PasswordRulesButton />
            </Group>
            <PasswordStrengthMeter password={password} />
          </div>
          <Checkbox
            label="User must change the password at next sign-in"
            checked={mustChange}
            onChange={(event) => setMustChange(event.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} type="button">
              Cancel
            </Button>
            <Button type="submit" loading={setPasswordMutation.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * Administrator's **Reset Password** (More Actions): explains what happens, **Reset**. When
 * administrators reset their own password they are signed out at once and land on the sign-in page.
 */
export function ResetPasswordDialog({
  userId,
  opened,
  onClose,
  userName,
  onDone,
  isSelf = false,
}: DialogProps & { isSelf?: boolean }) {
  const reset = usePasswordReset(userId);
  const close = () => {
    reset.reset();
    onClose();
  };
  const confirm = () =>
    reset.mutate(undefined, {
      onSuccess: () => {
        if (isSelf) {
          window.location.assign(signInPathFor('password-reset'));
          return;
        }
        notifications.show({
          color: 'green',
          title: 'Password reset',
          message: `${userName ?? 'The user'} was signed out and will get an email with a reset link.`,
        });
        onDone?.();
        close();
      },
    });
  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Reset Password"
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack gap="sm">
        <Text>
          A password reset link will be sent to {isSelf ? 'your' : 'the user’s'} primary email address. The
          current password stops working at once and {isSelf ? 'you are' : 'the user is'} logged out of Atrium
          on every device until a new password is chosen with the link.
        </Text>
        <FailureAlert title="The password was not reset" message={reset.error?.message} />
        <DangerConfirmActions label="Reset" onCancel={close} onConfirm={confirm} loading={reset.isPending} />
      </Stack>
    </Modal>
  );
}

/** An entry of the user page's **More Actions** menu. */
export type MoreAction = { key: string; label: string; onSelect: () => void };

/**
 * The password entries of a user page's **More Actions** menu, and their dialogs: **Change
 * Password** and **Reset Password**, only for holders of `password_management`.
 *
 * ```tsx
 * const password = usePasswordActions({ user: { id, name }, currentUserId: me.id, permissions: me.permissions });
 * // menu:   password.actions.map((a) => <Menu.Item key={a.key} onClick={a.onSelect}>{a.label}</Menu.Item>)
 * // page:   {password.dialogs}
 * ```
 */
export function usePasswordActions({
  user,
  currentUserId,
  permissions,
}: {
  user: { id: string; name?: string };
  currentUserId?: string;
  permissions: readonly (Permission | string)[];
}): { actions: MoreAction[]; dialogs: ReactNode } {
  const [open, setOpen] = useState<'change' | 'reset' | null>(null);
  if (!permissions.includes('password_management')) return { actions: [], dialogs: null };
  const isSelf = user.id === 'me' || user.id === currentUserId;
  const props = { userId: user.id, userName: user.name, onClose: () => setOpen(null) };
  return {
    actions: [
      { key: 'change_password', label: 'Change Password', onSelect: () => setOpen('change') },
      { key: 'reset_password', label: 'Reset Password', onSelect: () => setOpen('reset') },
    ],
    dialogs: (
      <>
        <ChangePasswordDialog {...props} opened={open === 'change'} isSelf={isSelf} />
        <ResetPasswordDialog {...props} opened={open === 'reset'} isSelf={isSelf} />
      </>
    ),
  };
}
