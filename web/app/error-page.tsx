import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '../../common/paths';
import { Page } from '../ui/page';

/** What a page shows when its code fails to render or load (e.g. an old tab after a deploy). */
export function ErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation('app');
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <Stack p="lg" maw={720}>
      <Page title={t('errorPage.title')}>
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden="true" />}>
          <Stack gap="md">
            <Text size="sm">{t('errorPage.explain')}</Text>
            <Group gap="md">
              <Button
                size="xs"
                color="red"
                leftSection={<IconRefresh size={14} aria-hidden="true" />}
                onClick={() => window.location.reload()}
              >
                {t('errorPage.reload')}
              </Button>
              <Anchor href={paths.home} size="sm">
                {t('errorPage.home')}
              </Anchor>
            </Group>
          </Stack>
        </Alert>
      </Page>
    </Stack>
  );
}
