import { Alert, Anchor, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../common/paths';
import { usePageTitle } from '../../ui/page';
import { useVerifyEmail } from './api';
import '../../i18n/lazy/users';

/**
 * The page of the link in an `email-verification` email: `/verify-email#token=…`. The token is
 * read from the URL fragment (never sent to the server in a URL, so it lands in no log or
 * Referer), removed from the address bar at once, and posted to `POST /api/email-verifications`.
 */
export function VerifyEmailPage() {
  const { t } = useTranslation('users');
  usePageTitle(t('verifyEmail.title'));
  const verify = useVerifyEmail();
  const [token] = useState(() => new URLSearchParams(window.location.hash.slice(1)).get('token'));
  const sent = useRef(false);

  useEffect(() => {
    if (window.location.hash) {
      window.history.replaceState(
        window.history.state,
        '',
        window.location.pathname + window.location.search,
      );
    }
    // Once, even in React's development double effects: a token works only once.
    if (token && !sent.current) {
      sent.current = true;
      verify.mutate(token);
    }
  }, [token, verify]);

  return (
    <Paper withBorder p="xl" radius="md" maw={520} w="100%">
      <Stack gap="md">
        <Title order={1} size="h3">
          {t('verifyEmail.title')}
        </Title>
        {!token ? (
          <Alert
            color="red"
            variant="outline"
            icon={<IconAlertTriangle aria-hidden="true" />}
            title={t('verifyEmail.incomplete')}
            role="alert"
          >
            {t('verifyEmail.incompleteExplain')}
          </Alert>
        ) : verify.isPending || verify.isIdle ? (
          <Stack gap="xs" align="center" role="status">
            <Loader aria-hidden="true" />
            <Text>{t('verifyEmail.verifying')}</Text>
          </Stack>
        ) : verify.isSuccess ? (
          <Alert
            color="indigo"
            variant="outline"
            icon={<IconCircleCheck aria-hidden="true" />}
            title={t('verifyEmail.verified')}
            role="status"
          >
            {t('verifyEmail.verifiedExplain')}
          </Alert>
        ) : (
          <Alert
            color="red"
            variant="outline"
            icon={<IconAlertTriangle aria-hidden="true" />}
            title={t('verifyEmail.unusable')}
            role="alert"
          >
            {verify.error?.message}
          </Alert>
        )}
        <Anchor component={Link} to={paths.myUser}>
          {t('verifyEmail.toMyUser')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
