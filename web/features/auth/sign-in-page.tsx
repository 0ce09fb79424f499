import { Alert, Anchor, Button, Group, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError, useCurrentUser } from '../../app/api';
import { paths, type SignInReason, safeNextPath, signInReasons } from '../../app/paths';
import { usePageTitle } from '../../ui/page';
import { PageLoader } from '../../ui/page-loader';
import { useSignIn } from './api';

/** What to tell the person for each refusal of `POST /api/sessions` (the server's text otherwise). */
function signInProblem(error: unknown): { title: string; message: string } {
  if (!(error instanceof ApiError)) return { title: 'Sign-in failed', message: String(error) };
  switch (error.code) {
    case 'invalid_credentials':
      return { title: 'Sign-in failed', message: 'The username or password is incorrect.' };
    case 'account_locked':
      return { title: 'Account locked', message: error.message };
    case 'account_disabled':
      return { title: 'Account disabled', message: error.message };
    case 'password_reset_required':
      return { title: 'Password reset by an administrator', message: error.message };
    case 'rate_limited':
      return {
        title: 'Too many attempts',
        message: 'Too many sign-ins from this network. Wait a minute and try again.',
      };
    default:
      return { title: 'Sign-in failed', message: error.message };
  }
}

/**
 * `/login`: **Username or Email**, **Password**, **Log in**, and **Forgot your password?**. After
 * signing in, the visitor goes back to `next` (a path on this site only); a user whose password an
 * administrator set is sent on to choose their own (RequireUser does that on arrival).
 */
export function SignInPage() {
  usePageTitle('Log in');
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: user, isPending } = useCurrentUser();
  const signIn = useSignIn();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ login?: string; password?: string }>({});

  if (isPending) return <PageLoader />;
  // Already signed in (another tab, or the back button): nothing to do here.
  if (user && !signIn.isPending && !signIn.isSuccess) {
    return <Navigate to={user.mustChangePassword ? paths.passwordChangeRequired : next} replace />;
  }

  const submit = () => {
    const found = {
      ...(login.trim() ? {} : { login: 'Enter your username or email.' }),
      ...(password ? {} : { password: 'Enter your password.' }),
    };
    setMissing(found);
    if (Object.keys(found).length > 0) return;
    signIn.mutate(
      { login: login.trim(), password },
      {
        onSuccess: () => {
          // Nothing of a previous session may survive into this one.
          queryClient.removeQueries();
          navigate(next, { replace: true });
        },
        onError: () => setPassword(''),
      },
    );
  };

  const problem = signIn.isError ? signInProblem(signIn.error) : undefined;
  const reasonKey = searchParams.get('reason');
  const reason =
    reasonKey && Object.hasOwn(signInReasons, reasonKey)
      ? signInReasons[reasonKey as SignInReason]
      : undefined;

  return (
    <Paper withBorder p="xl" radius="md" maw={420} w="100%">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <Title order={1} size="h2">
            Log in
          </Title>
          {problem ? (
            <Alert
              color="red"
              variant="outline"
              role="alert"
              title={problem.title}
              icon={<IconAlertCircle aria-hidden="true" />}
            >
              {problem.message}
            </Alert>
          ) : reason ? (
            <Alert
              color="indigo"
              variant="light"
              role="status"
              title={reason.title}
              icon={<IconInfoCircle aria-hidden="true" />}
            >
              {reason.message}
            </Alert>
          ) : null}
          <TextInput
            label="Username or Email"
            name="login"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={login}
            onChange={(event) => {
              setLogin(event.currentTarget.value);
              setMissing((current) => ({ ...current, login: undefined }));
            }}
            error={missing.login}
            data-autofocus
            autoFocus
          />
          <PasswordInput
            label="Password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => {
              setPassword(event.currentTarget.value);
              setMissing((current) => ({ ...current, password: undefined }));
            }}
            error={missing.password}
          />
          <Group justify="space-between" align="center">
            <Anchor component={Link} to={paths.forgotPassword} size="sm">
              Forgot your password?
            </Anchor>
            <Button type="submit" loading={signIn.isPending}>
              Log in
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
