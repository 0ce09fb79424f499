import { Alert } from '@mantine/core';
import { useCurrentUser } from '../../app/api';
import { Page } from '../../ui/page';
import { SettingsLevelForm } from './settings-form';

/** The keys this page edits, in the order shown. */
const passwordKeys = [
  'password.min_length',
  'password.lower_case',
  'password.upper_case',
  'password.numbers',
  'password.special_chars',
  'password.include_in_email',
] as const;

export const settingsPaths = { passwordPolicy: '/settings/password-policy' } as const;

/**
 * "Password policy" for administrators: the system level (`system.settings`) and this
 * organization's level (`organization.settings`), where each value may "Use System".
 */
export function PasswordPolicySettingsPage() {
  const { data: user } = useCurrentUser();
  const permissions = user?.permissions ?? [];
  const canSystem = permissions.includes('system.settings');
  const canOrganization = permissions.includes('organization.settings');
  return (
    <Page title="Password policy">
      {!canSystem && !canOrganization ? (
        <Alert color="red" variant="outline" role="alert">
          You do not have permission to change the password policy.
        </Alert>
      ) : null}
      {canSystem ? <SettingsLevelForm scope="system" title="System" keys={passwordKeys} /> : null}
      {canOrganization ? (
        <SettingsLevelForm
          scope="organization"
          keys={passwordKeys}
          title={`Organization${user?.organization ? `: ${user.organization.name}` : ''}`}
        />
      ) : null}
    </Page>
  );
}
