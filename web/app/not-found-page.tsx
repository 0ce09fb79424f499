import { Button, Paper, Stack, Text } from '@mantine/core';
import { IconHome } from '@tabler/icons-react';
import { Link } from 'react-router';
import { Page } from '../ui/page';
import { paths } from './paths';

/** Any client URL no route knows. */
export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <Paper withBorder p="xl">
        <Stack align="flex-start" gap="md">
          <Text>The page you asked for does not exist, or it has moved.</Text>
          <Button component={Link} to={paths.home} leftSection={<IconHome size={16} aria-hidden="true" />}>
            Go to the home page
          </Button>
        </Stack>
      </Paper>
    </Page>
  );
}
