import { Anchor, Checkbox, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconEye, IconEyeOff } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { generatePassword } from '../../../common/password-generator';
import { checkPassword } from '../../../common/password-policy';
import { signInPathFor } from '../../../common/paths';
import { errorText } from '../../i18n/error-text';
import { DangerConfirmActions, FailureAlert } from '../../ui/feedback';
import { FormDialog } from '../../ui/form-dialog';
import { notifySuccess } from '../../ui/notify';
import { usePasswordPolicy, usePasswordReset, usePasswordSet } from './api';
import {
  PasswordRulesButton,
  PasswordStrengthMeter,
  passwordFailureText,
  usePasswordBlocklist,
} from './password-help';
import '../../i18n/lazy/passwords';

export type AdminPasswordDialogProps = {
  userId: string;
  opened: boolean;
  onClose: () => void;
  /** The user's name, for the confirmation. */
  userName?: string;
  /** The administrator acts on their own account. */
  isSelf: boolean;
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
  isSelf,
}: AdminPasswordDialogProps) {
  const { t } = useTranslation('passwords');
  const [visible, setVisible] = useState(false);
  const policy = usePasswordPolicy();
  const blocklist = usePasswordBlocklist();
  const setPassword = usePasswordSet(userId);
  const form = useForm({
    initialValues: { newPassword: '', mustChange: !isSelf },
    // The same check the server makes (policy, blocklist once loaded); the server checks anyway.
    validate: {
      newPassword: (value) => {
        if (!value) return t('change.passwordRequired');
        if (!policy.data) return null;
        const [problem] = checkPassword(value, policy.data, {}, { blocklist });
        return problem ? passwordFailureText(problem) : null;
      },
    },
  });
  // Who "self" is may be known only after the first render: the default follows it until opened.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `form` is a new object each render; only these two decide
  useEffect(() => {
    if (opened) return;
    form.setInitialValues({ newPassword: '', mustChange: !isSelf });
    form.setFieldValue('mustChange', !isSelf);
  }, [opened, isSelf]);

  return (
    <FormDialog
      opened={opened}
      onClose={() => {
        setVisible(false);
        setPassword.reset();
        onClose();
      }}
      title={t('change.title')}
      failureTitle={t('change.failed')}
      size="md"
      form={form}
      onSubmit={(values) => setPassword.mutateAsync(values)}
      onSuccess={({ rotated }) =>
        notifySuccess(
          t('change.changed'),
          rotated ? t('change.changedOwn') : t('change.changedOther', { name: userName ?? t('theUser') }),
        )
      }
    >
      <div>
        <PasswordInput
          label={t('change.newPassword')}
          autoComplete="new-password"
          {...form.getInputProps('newPassword')}
          visible={visible}
          onVisibilityChange={setVisible}
          visibilityToggleIcon={({ reveal }) =>
            reveal ? <IconEyeOff size={18} aria-hidden="true" /> : <IconEye size={18} aria-hidden="true" />
          }
          visibilityToggleButtonProps={{ 'aria-label': visible ? t('hide') : t('show'), tabIndex: 0 }}
          data-autofocus
        />
        <Group justify="space-between" mt={4}>
          <Anchor
            component="button"
            type="button"
            size="sm"
            disabled={!policy.data}
            onClick={() => {
              if (!policy.data) return;
              form.setFieldValue('newPassword', generatePassword(policy.data));
              setVisible(true);
            }}
          >
            {t('suggestPassword')}
          </Anchor>
          <PasswordRulesButton />
        </Group>
        <PasswordStrengthMeter password={form.values.newPassword} />
      </div>
      <Checkbox label={t('change.mustChange')} {...form.getInputProps('mustChange', { type: 'checkbox' })} />
    </FormDialog>
  );
}

/**
 * Administrator's **Reset Password** (More Actions): explains what happens, **Reset**. When
 * administrators reset their own password they are signed out at once and land on the sign-in page.
 */
export function ResetPasswordDialog({ userId, opened, onClose, userName, isSelf }: AdminPasswordDialogProps) {
  const { t } = useTranslation(['passwords', 'common']);
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
        notifySuccess(t('reset.done'), t('reset.doneMessage', { name: userName ?? t('theUser') }));
        close();
      },
    });
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('reset.title')}
      centered
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <Stack gap="sm">
        <Text>{isSelf ? t('reset.explainSelf') : t('reset.explainOther')}</Text>
        <FailureAlert title={t('reset.failed')} message={reset.error ? errorText(reset.error) : null} />
        <DangerConfirmActions
          label={t('reset.confirm')}
          onCancel={close}
          onConfirm={confirm}
          loading={reset.isPending}
        />
      </Stack>
    </Modal>
  );
}
