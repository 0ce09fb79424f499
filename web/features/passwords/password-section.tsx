import { Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import type { PasswordContext } from '../../../common/password-policy';
import { ApiError, fieldErrors } from '../../app/api';
import { usePasswordChange, usePasswordPolicy } from './api';
import { PasswordRulesButton, PasswordStrengthMeter, usePasswordProblems } from './password-help';

export type PasswordSectionValues = { currentPassword: string; newPassword: string; repeatPassword: string };
export type PasswordSectionErrors = Partial<Record<keyof PasswordSectionValues, string>>;

const empty: PasswordSectionValues = { currentPassword: '', newPassword: '', repeatPassword: '' };

export type PasswordSectionForm = ReturnType<typeof usePasswordSectionForm>;

/**
 * The state of the **Password** section of Edit My User, for the page that embeds it:
 *
 * ```tsx
 * const password = usePasswordSectionForm({ userId: 'me', context: { username, email, firstName, lastName } });
 * …
 * <PasswordSection form={password} />
 * …
 * // on Save / Save and Close, after (or before) saving the profile:
 * if (!password.isEmpty && !(await password.submit())) return; // errors are shown beside the fields
 * ```
 *
 * - `isEmpty`: nothing typed — Save leaves the password alone.
 * - `isDirty`: something typed — count it as an unsaved change.
 * - `submit()`: checks locally (required fields, same repeat, the policy), then
 *   `POST /api/users/{id}/password-change`; server errors land beside their fields. Resolves to
 *   true on success (the fields are cleared; the server has ended the other sessions and rotated
 *   this one — the new CSRF token is already in use). Never throws.
 * - `reset()`: clears the fields and errors.
 */
export function usePasswordSectionForm({
  userId = 'me',
  context = {},
}: {
  userId?: string;
  context?: PasswordContext;
} = {}) {
  const [values, setValues] = useState<PasswordSectionValues>(empty);
  const [errors, setErrors] = useState<PasswordSectionErrors>({});
  const policy = usePasswordPolicy();
  const change = usePasswordChange(userId);
  const problems = usePasswordProblems(values.newPassword, context, policy.data);

  const setField = (field: keyof PasswordSectionValues, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const validate = (): PasswordSectionErrors => {
    const found: PasswordSectionErrors = {};
    if (!values.currentPassword) found.currentPassword = 'Type your current password.';
    if (!values.newPassword) found.newPassword = 'Type a new password.';
    else if (problems[0]) found.newPassword = problems[0].message;
    if (values.newPassword && values.repeatPassword !== values.newPassword) {
      found.repeatPassword = 'The passwords do not match.';
    }
    return found;
  };

  const submit = async (): Promise<boolean> => {
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return false;
    try {
      await change.mutateAsync({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      setValues(empty);
      setErrors({});
      return true;
    } catch (error) {
      const byField = fieldErrors(error);
      setErrors({
        currentPassword: byField.currentPassword,
        newPassword:
          byField.newPassword ??
          (error instanceof ApiError && !byField.currentPassword ? error.message : undefined),
      });
      return false;
    }
  };

  const isEmpty = !values.currentPassword && !values.newPassword && !values.repeatPassword;
  return {
    values,
    errors,
    context,
    setField,
    submit,
    reset: () => {
      setValues(empty);
      setErrors({});
    },
    isEmpty,
    isDirty: !isEmpty,
    isSubmitting: change.isPending,
    succeeded: change.isSuccess,
  };
}

/**
 * The **Password** section of Edit My User: **Password** (current), **New Password** with the
 * rules button and a strength meter, **Repeat New Password**. It renders only; the embedding page
 * owns Save (see `usePasswordSectionForm`).
 */
export function PasswordSection({
  form,
  heading = 'Password',
}: {
  form: PasswordSectionForm;
  heading?: string | null;
}) {
  const headingId = useId();
  const rulesHintId = useId();
  return (
    <Stack gap="sm" role="group" aria-labelledby={heading ? headingId : undefined} maw={480}>
      {heading ? (
        <Text id={headingId} fw={600} size="lg">
          {heading}
        </Text>
      ) : null}
      <PasswordInput
        label="Password"
        description="Your current password"
        autoComplete="current-password"
        value={form.values.currentPassword}
        onChange={(event) => form.setField('currentPassword', event.currentTarget.value)}
        error={form.errors.currentPassword}
        disabled={form.isSubmitting}
      />
      <div>
        <PasswordInput
          label={
            <Group gap={4} component="span" wrap="nowrap" style={{ display: 'inline-flex' }}>
              New Password
            </Group>
          }
          autoComplete="new-password"
          aria-describedby={rulesHintId}
          value={form.values.newPassword}
          onChange={(event) => form.setField('newPassword', event.currentTarget.value)}
          error={form.errors.newPassword}
          disabled={form.isSubmitting}
          rightSectionPointerEvents="all"
        />
        <Group gap={4} mt={4}>
          <PasswordRulesButton />
          <Text id={rulesHintId} size="xs" c="gray.8">
            What a password must consist of
          </Text>
        </Group>
        <PasswordStrengthMeter password={form.values.newPassword} context={form.context} />
      </div>
      <PasswordInput
        label="Repeat New Password"
        autoComplete="new-password"
        value={form.values.repeatPassword}
        onChange={(event) => form.setField('repeatPassword', event.currentTarget.value)}
        error={form.errors.repeatPassword}
        disabled={form.isSubmitting}
      />
    </Stack>
  );
}
