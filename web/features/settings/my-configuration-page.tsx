import { Alert, Stack, Text } from '@mantine/core';
import { useCurrentUser } from '../../app/api';
import { Page } from '../../ui/page';
import { SettingsLevelForm } from './settings-form';

/** The personal settings shown on My Configuration, in this order. */
const personalKeys = ['localization.locale', 'localization.timezone'] as const;

/**
 * **My Configuration** (user menu): the signed-in user's own settings in the current organization,
 * each either set here or falling back to the organization's ("Use Organization"). Later issues
 * add email settings and integrations to it.
 */
export function MyConfigurationPage() {
  const { data: user } = useCurrentUser();
  const canConfigure = user?.permissions.includes('update_own_configuration') ?? false;
  return (
    <Page title="My Configuration">
      <Stack gap="md">
        <Text>
          The configuration you set up here applies only to you
          {user?.organization ? ` in ${user.organization.name}` : ' in the current organization'}.
        </Text>
        {canConfigure ? (
          <SettingsLevelForm scope="user" title="Localization" keys={personalKeys} />
        ) : (
          <Alert color="red" variant="outline" role="alert">
            You do not have permission to change your configuration.
          </Alert>
        )}
      </Stack>
    </Page>
  );
}
