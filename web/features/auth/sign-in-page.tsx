import { Alert, Anchor, Button, Group, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { paths, type SignInReason, safeNextPath, signInReasons } from '../../../common/paths';
import { ApiError, useCurrentUser } from '../../app/api';
import { errorText } from '../../i18n/error-text';
import { i18n } from '../../i18n/index';
import { usePageTitle } from '../../ui/page';
import { PageLoader } from '../../ui/page-loader';
import { useSignIn } from './api';

type SignInProblem = { title: string; message: string };

/** What to tell the person for each refusal of `POST /api/sessions` (the server's text otherwise). */
function signInProblem(error: unknown): SignInProblem {
  const failed = i18n.t('auth:signIn.failed');
  if (!(error instanceof ApiError)) return { title: failed, message: errorText(error) };
  switch (error.code) {
    case 'invalid_credentials':
      return { title: failed, message: i18n.t('auth:signIn.invalidCredentials') };
    case 'account_locked':
      return { title: i18n.t('auth:signIn.accountLocked'), message: error.message };
    case 'account_disabled':
      return { title: i18n.t('auth:signIn.accountDisabled'), message: error.message };
    case 'password_reset_required':
      return { title: i18n.t('auth:signIn.passwordResetRequired'), message: error.message };
    case 'rate_limited':
      return { title: i18n.t('auth:signIn.rateLimited'), message: i18n.t('auth:signIn.rateLimitedMessage') };
    default:
      return { title: failed, message: errorText(error) };
  }
}

/**
 * `/login`: **Username or Email**, **Password**, **Log in**, and **Forgot your password?**. After
 * signing in, the visitor goes back to `next` (a path on this site only); a user whose password an
 * administrator set is sent on to choose their own (RequireUser does that on arrival).
 */
export function SignInPage() {
  const { t } = useTranslation('auth');
  usePageTitle(t('signIn.title'));
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: user, isPending } = useCurrentUser();
  const signIn = useSignIn();
  const form = useForm({
    initialValues: { login: '', password: '' },
    transformValues: (values) => ({ login: values.login.trim(), password: values.password }),
    validate: {
      login: (value) => (value.trim() ? null : t('signIn.loginRequired')),
      password: (value) => (value ? null : t('signIn.passwordRequired')),
    },
  });

  if (isPending) return <PageLoader />;
  // Already signed in (another tab, or the back button): nothing to do here.
  if (user && !signIn.isPending && !signIn.isSuccess) {
    return <Navigate to={user.mustChangePassword ? paths.passwordChangeRequired : next} replace />;
  }

  const submit = form.onSubmit((credentials) =>
    signIn.mutate(credentials, {
      onSuccess: () => {
        // Nothing of a previous session may survive into this one.
        queryClient.removeQueries();
        navigate(next, { replace: true });
      },
      onError: () => form.setFieldValue('password', ''),
    }),
  );

  const problem = signIn.isError ? signInProblem(signIn.error) : undefined;

  return (
    <Paper withBorder p="xl" radius="md" maw={420} w="100%">
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          <Title order={1} size="h2">
            {t('signIn.title')}
          </Title>
          <SignInNotice problem={problem} reasonKey={searchParams.get('reason')} />
          <TextInput
            label={t('signIn.login')}
            name="login"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            {...form.getInputProps('login')}
            data-autofocus
            autoFocus
          />
          <PasswordInput
            label={t('signIn.password')}
            name="password"
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Group justify="space-between" align="center">
            <Anchor component={Link} to={paths.forgotPassword} size="sm">
              {t('signIn.forgotPassword')}
            </Anchor>
            <Button type="submit" loading={signIn.isPending}>
              {t('signIn.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/**
 * Above the fields: why the last attempt was refused, or else why the visitor was sent here
 * (`?reason=`, e.g. an expired session); nothing for an unknown reason.
 */
function SignInNotice({
  problem,
  reasonKey,
}: {
  problem: SignInProblem | undefined;
  reasonKey: string | null;
}) {
  const { t } = useTranslation('auth');
  if (problem) {
    return (
      <Alert
        color="red"
        variant="outline"
        role="alert"
        title={problem.title}
        icon={<IconAlertCircle aria-hidden="true" />}
      >
        {problem.message}
      </Alert>
    );
  }
  const reasonName = signInReasons.find((name: SignInReason) => name === reasonKey);
  if (!reasonName) return null;
  return (
    <Alert
      color="indigo"
      variant="light"
      role="status"
      title={t(`signIn.reasons.${reasonName}.title`)}
      icon={<IconInfoCircle aria-hidden="true" />}
    >
      {t(`signIn.reasons.${reasonName}.message`)}
    </Alert>
  );
}
