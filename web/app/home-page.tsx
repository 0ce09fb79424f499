import { Anchor, Button, Paper, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconLogin } from '@tabler/icons-react';
import { Link } from 'react-router';
import { Page } from '../ui/page';
import { PageLoader } from '../ui/page-loader';
import { useCurrentUser } from './api';
import { signInPath } from './paths';
import { userMenuItems } from './user-menu-items';

const descriptions: Record<string, string> = {
  my_user: 'Review your profile, change your password, generate an API key and see your activity.',
  my_configuration: 'Choose your language, time zone, email signature and other personal settings.',
};

/** The start page: a welcome and the ways into the workspace. */
export function HomePage() {
  const { data: user, isPending } = useCurrentUser();
  if (isPending) return <PageLoader />;
  if (!user) {
    return (
      <Page title="Welcome to Atrium" documentTitle="Home">
        <Paper withBorder p="xl">
          <Stack align="flex-start">
            <Text>Sign in to open your workspace.</Text>
            <Button
              component={Link}
              to={signInPath()}
              leftSection={<IconLogin size={16} aria-hidden="true" />}
            >
              Sign in
            </Button>
          </Stack>
        </Paper>
      </Page>
    );
  }
  const shortcuts = userMenuItems.filter(
    (item) => !item.permission || user.permissions.includes(item.permission),
  );
  return (
    <Page title={`Welcome, ${user.firstName}`} documentTitle="Home">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
        {shortcuts.map(({ key, label, to, icon: Icon }) => (
          <Paper key={key} withBorder p="lg">
            <Stack gap="sm" align="flex-start">
              <ThemeIcon variant="light" size="lg" aria-hidden="true">
                <Icon size={20} />
              </ThemeIcon>
              <Anchor component={Link} to={to} fw={600} size="lg">
                {label}
              </Anchor>
              <Text size="sm" c="dimmed">
                {descriptions[key]}
              </Text>
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
    </Page>
  );
}
