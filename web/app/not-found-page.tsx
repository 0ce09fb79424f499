import { Button, Paper, Stack, Text } from '@mantine/core';
import { IconHome } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../common/paths';
import { Page } from '../ui/page';

/** Any client URL no route knows. */
export function NotFoundPage() {
  const { t } = useTranslation('app');
  return (
    <Page title={t('notFound.title')}>
      <Paper withBorder p="xl">
        <Stack align="flex-start" gap="md">
          <Text>{t('notFound.explain')}</Text>
          <Button component={Link} to={paths.home} leftSection={<IconHome size={16} aria-hidden="true" />}>
            {t('notFound.home')}
          </Button>
        </Stack>
      </Paper>
    </Page>
  );
}
