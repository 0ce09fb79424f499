import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { paths, signInPathFor } from '../../../common/paths';
import { fieldErrors, useCurrentUser } from '../../app/api';
import { FailureAlert } from '../../ui/feedback';
import { usePageTitle } from '../../ui/page';
import { routeServerErrors } from '../../ui/server-errors';
import { useCompletePasswordReset, usePasswordPolicy, useRequestPasswordReset } from './api';
import {
  PasswordRulesButton,
  PasswordStrengthMeter,
  passwordFailureText,
  usePasswordProblems,
} from './password-help';
import { PasswordSection, usePasswordSectionForm } from './password-section';
import '../../i18n/lazy/passwords';

function Card({ title, children }: { title: string; children: React.ReactNode }) {
  usePageTitle(title);
  return (
    <Paper withBorder p="xl" radius="md" maw={460} w="100%">
      <Stack gap="md">
        <Title order={1} size="h2">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** "Forgot your password?": Username or Email → Request → the same neutral answer for everyone. */
export function ForgotPasswordPage() {
  const { t } = useTranslation('passwords');
  const request = useRequestPasswordReset();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { login: '' },
    validate: { login: (value) => (value.trim() ? null : t('forgot.loginRequired')) },
  });
  const submit = form.onSubmit(async ({ login }) => {
    setError(null);
    try {
      await request.mutateAsync(login);
    } catch (failure) {
      const routed = routeServerErrors(failure, ['login']);
      form.setErrors(routed.fields);
      setError(routed.form);
    }
  });
  return (
    <Card title={t('forgot.title')}>
      {request.isSuccess ? (
        <>
          <Alert color="blue" variant="light" role="status" title={t('forgot.checkEmail')}>
            {request.data}
          </Alert>
          <Anchor component={Link} to={paths.signIn}>
            {t('forgot.backToSignIn')}
          </Anchor>
        </>
      ) : (
        <form noValidate onSubmit={submit}>
          <Stack gap="md">
            <Text>{t('forgot.explain')}</Text>
            <FailureAlert title={t('forgot.failed')} message={error} />
            <TextInput
              label={t('forgot.login')}
              autoComplete="username"
              {...form.getInputProps('login')}
              data-autofocus
            />
            <Group justify="space-between">
              <Anchor component={Link} to={paths.signIn} size="sm">
                {t('forgot.backToSignIn')}
              </Anchor>
              <Button type="submit" loading={request.isPending}>
                {t('forgot.request')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}

/** Reads `#token=…` once and removes it from the address bar (and so from history). */
function useTokenFromFragment(): string | null | undefined {
  const [token, setToken] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''));
    setToken(fragment.get('token'));
    if (window.location.hash) {
      window.history.replaceState(
        window.history.state,
        '',
        window.location.pathname + window.location.search,
      );
    }
  }, []);
  return token;
}

/**
 * The page of the emailed link (`/password-reset#token=…`): New Password, Repeat New Password,
 * the rules, a strength meter; on success the sign-in page, with a message. No automatic sign-in.
 */
export function PasswordResetPage() {
  const { t } = useTranslation('passwords');
  const token = useTokenFromFragment();
  const navigate = useNavigate();
  const policy = usePasswordPolicy();
  const complete = useCompletePasswordReset();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ newPassword?: string; repeat?: string; token?: string }>({});
  const problems = usePasswordProblems(password, {}, policy.data);

  if (token === undefined) return <Card title={t('resetPage.title')}>{null}</Card>;
  if (!token || errors.token) {
    return (
      <Card title={t('resetPage.title')}>
        <Alert color="red" variant="outline" role="alert" title={t('resetPage.unusable')}>
          {errors.token ?? t('resetPage.incomplete')}
        </Alert>
        <Anchor component={Link} to={paths.forgotPassword}>
          {t('resetPage.requestNew')}
        </Anchor>
      </Card>
    );
  }

  const save = () => {
    const found: typeof errors = {};
    if (!password) found.newPassword = t('section.newRequired');
    else if (problems[0]) found.newPassword = passwordFailureText(problems[0]);
    if (password && repeat !== password) found.repeat = t('section.mismatch');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    complete.mutate(
      { token, newPassword: password },
      {
        // The sign-in page says what happened (a notification would vanish before it is read).
        onSuccess: () => navigate(signInPathFor('password-changed'), { replace: true }),
        onError: (failure) => {
          const byField = fieldErrors(failure);
          setErrors({
            newPassword: byField.newPassword ?? (byField.token ? undefined : failure.message),
            token: byField.token,
          });
        },
      },
    );
  };

  return (
    <Card title={t('resetPage.title')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <Stack gap="sm">
          <div>
            <PasswordInput
              label={t('section.new')}
              autoComplete="new-password"
              value={password}
              onChange={(event) => {
                setPassword(event.currentTarget.value);
                setErrors((current) => ({ ...current, newPassword: undefined }));
              }}
              error={errors.newPassword}
              data-autofocus
            />
            <Group gap={4} mt={4}>
              <PasswordRulesButton />
              <Text size="xs" c="gray.8">
                {t('section.rulesHint')}
              </Text>
            </Group>
            <PasswordStrengthMeter password={password} />
          </div>
          <PasswordInput
            label={t('section.repeat')}
            autoComplete="new-password"
            value={repeat}
            onChange={(event) => {
              setRepeat(event.currentTarget.value);
              setErrors((current) => ({ ...current, repeat: undefined }));
            }}
            error={errors.repeat}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={complete.isPending}>
              {t('resetPage.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/**
 * After signing in with a password an administrator set: the one thing the user can do is to
 * choose their own. Then on to the home page.
 */
export function PasswordChangeRequiredPage() {
  const { t } = useTranslation('passwords');
  const { data: user } = useCurrentUser();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = usePasswordSectionForm({
    userId: 'me',
    context: user
      ? { username: user.username, email: user.email, firstName: user.firstName, lastName: user.lastName }
      : {},
  });
  return (
    <Card title={t('changeRequired.title')}>
      <Text>{t('changeRequired.explain')}</Text>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          if (await form.submit()) {
            await queryClient.invalidateQueries();
            notifications.show({
              color: 'green',
              title: t('changeRequired.done'),
              message: t('changeRequired.doneMessage'),
            });
            navigate(paths.home, { replace: true });
          }
        }}
      >
        <Stack gap="md">
          <PasswordSection form={form} heading={null} />
          <Group justify="flex-end">
            <Button type="submit" loading={form.isSubmitting}>
              {t('changeRequired.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
