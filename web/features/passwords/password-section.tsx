import { Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { checkPassword, type PasswordContext } from '../../../common/password-policy';
import { routeServerErrors } from '../../ui/server-errors';
import { usePasswordChange, usePasswordPolicy } from './api';
import {
  PasswordRulesButton,
  PasswordStrengthMeter,
  passwordFailureText,
  usePasswordBlocklist,
} from './password-help';
import '../../i18n/lazy/passwords';

export type PasswordSectionValues = { currentPassword: string; newPassword: string; repeatPassword: string };

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
 * - `submit()`: validates the `useForm` (required fields, same repeat, the policy), then
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
  const { t } = useTranslation('passwords');
  const policy = usePasswordPolicy();
  const blocklist = usePasswordBlocklist();
  const change = usePasswordChange(userId);
  const form = useForm<PasswordSectionValues>({
    initialValues: empty,
    validate: {
      currentPassword: (value) => (value ? null : t('section.currentRequired')),
      // The same check the server makes (policy, blocklist once loaded, the person's own words).
      newPassword: (value) => {
        if (!value) return t('section.newRequired');
        if (!policy.data) return null;
        const [problem] = checkPassword(value, policy.data, context, { blocklist });
        return problem ? passwordFailureText(problem) : null;
      },
      repeatPassword: (value, values) =>
        values.newPassword && value !== values.newPassword ? t('section.mismatch') : null,
    },
  });

  const submit = async (): Promise<boolean> => {
    if (form.validate().hasErrors) return false;
    const { currentPassword, newPassword } = form.getValues();
    try {
      await change.mutateAsync({ currentPassword, newPassword });
      form.reset();
      return true;
    } catch (error) {
      // An error about no field (e.g. a refused change) shows under New Password, where the person acts.
      const routed = routeServerErrors(error, ['currentPassword', 'newPassword']);
      form.setErrors({
        ...routed.fields,
        ...(routed.form && !routed.fields.newPassword ? { newPassword: routed.form } : {}),
      });
      return false;
    }
  };

  const values = form.values;
  const isEmpty = !values.currentPassword && !values.newPassword && !values.repeatPassword;
  return {
    values,
    errors: form.errors,
    context,
    setField: (field: keyof PasswordSectionValues, value: string) => form.setFieldValue(field, value),
    submit,
    reset: form.reset,
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
export function PasswordSection({ form, heading }: { form: PasswordSectionForm; heading?: string | null }) {
  const { t } = useTranslation('passwords');
  const title = heading === undefined ? t('section.heading') : heading;
  const headingId = useId();
  const rulesHintId = useId();
  return (
    <Stack gap="sm" role="group" aria-labelledby={title ? headingId : undefined} maw={480}>
      {title ? (
        <Text id={headingId} fw={600} size="lg">
          {title}
        </Text>
      ) : null}
      <PasswordInput
        label={t('section.current')}
        description={t('section.currentDescription')}
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
              {t('section.new')}
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
            {t('section.rulesHint')}
          </Text>
        </Group>
        <PasswordStrengthMeter password={form.values.newPassword} context={form.context} />
      </div>
      <PasswordInput
        label={t('section.repeat')}
        autoComplete="new-password"
        value={form.values.repeatPassword}
        onChange={(event) => form.setField('repeatPassword', event.currentTarget.value)}
        error={form.errors.repeatPassword}
        disabled={form.isSubmitting}
      />
    </Stack>
  );
}
