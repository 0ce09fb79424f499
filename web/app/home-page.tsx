import { Anchor, Button, Paper, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconLogin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { signInPath } from '../../common/paths';
import { Page } from '../ui/page';
import { PageLoader } from '../ui/page-loader';
import { useCurrentUser } from './api';
import { shortcutsFor } from './user-menu-items';

/** The start page: a welcome and the ways into the workspace. */
export function HomePage() {
  const { t } = useTranslation('app');
  const { data: user, isPending } = useCurrentUser();
  if (isPending) return <PageLoader />;
  if (!user) {
    return (
      <Page title={t('home.welcomeAnonymous')} documentTitle={t('home.title')}>
        <Paper withBorder p="xl">
          <Stack align="flex-start">
            <Text>{t('home.signInExplain')}</Text>
            <Button
              component={Link}
              to={signInPath()}
              leftSection={<IconLogin size={16} aria-hidden="true" />}
            >
              {t('home.signIn')}
            </Button>
          </Stack>
        </Paper>
      </Page>
    );
  }
  const shortcuts = shortcutsFor(user.abilities);
  return (
    <Page title={t('home.welcome', { firstName: user.firstName })} documentTitle={t('home.title')}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
        {shortcuts.map(({ key, to, icon: Icon }) => (
          <Paper key={key} withBorder p="lg">
            <Stack gap="sm" align="flex-start">
              <ThemeIcon variant="light" size="lg" aria-hidden="true">
                <Icon size={20} />
              </ThemeIcon>
              <Anchor component={Link} to={to} fw={600} size="lg">
                {t(`shortcuts.${key}`)}
              </Anchor>
              <Text size="sm" c="dimmed">
                {key === 'my_user' || key === 'my_configuration' ? t(`shortcutDescriptions.${key}`) : null}
              </Text>
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
    </Page>
  );
}
