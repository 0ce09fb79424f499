import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useId, useState } from 'react';
import type { SettingScope } from '../../../common/settings';
import { fieldErrors, useCurrentUser } from '../../app/api';
import { Page } from '../../ui/page';
import { type Setting, useSettings, useUpdateSettings } from './api';

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

type Draft = Record<string, { value: unknown; inherit: boolean }>;

function draftOf(settings: Setting[]): Draft {
  return Object.fromEntries(
    settings.map((setting) => [
      setting.key,
      { value: setting.value, inherit: setting.inheritedFrom !== null },
    ]),
  );
}

const levelNames: Record<SettingScope | 'default', string> = {
  system: 'System',
  organization: 'Organization',
  user: 'User',
  default: 'Default',
};

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
      {canSystem ? <LevelForm scope="system" title="System" /> : null}
      {canOrganization ? (
        <LevelForm
          scope="organization"
          title={`Organization${user?.organization ? `: ${user.organization.name}` : ''}`}
        />
      ) : null}
    </Page>
  );
}

function LevelForm({ scope, title }: { scope: SettingScope; title: string }) {
  const headingId = useId();
  const query = useSettings(scope);
  const update = useUpdateSettings(scope);
  const [draft, setDraft] = useState<Draft>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const settings = (query.data ?? []).filter((s) => (passwordKeys as readonly string[]).includes(s.key));
  const ordered = passwordKeys
    .map((key) => settings.find((s) => s.key === key))
    .filter((s): s is Setting => !!s);

  useEffect(() => {
    if (query.data) setDraft(draftOf(query.data));
  }, [query.data]);

  const save = () => {
    const changes = ordered.flatMap((setting) => {
      const entry = draft[setting.key];
      if (!entry || !setting.settable) return [];
      const wasInherited = setting.inheritedFrom !== null;
      if (scope !== 'system' && entry.inherit) return wasInherited ? [] : [{ key: setting.key, value: null }];
      if (!wasInherited && entry.value === setting.value) return [];
      return [{ key: setting.key, value: entry.value }];
    });
    setErrors({});
    update.mutate(changes, {
      onSuccess: () => notifications.show({ color: 'green', message: `${title}: settings saved.` }),
      onError: (failure, _variables) => {
        const byField = fieldErrors(failure);
        setErrors({ form: byField.value ?? byField.scope ?? failure.message });
      },
    });
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={2} size="h3" id={headingId}>
          {title}
        </Title>
        {query.isPending ? (
          <Group gap="xs" role="status">
            <Loader size="sm" aria-hidden="true" />
            <Text>Loading the settings…</Text>
          </Group>
        ) : query.isError ? (
          <Alert color="red" variant="outline" role="alert">
            {query.error.message}
          </Alert>
        ) : (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              save();
            }}
          >
            <Stack gap="md">
              {ordered.map((setting) => (
                <SettingRow
                  key={setting.key}
                  setting={setting}
                  entry={
                    draft[setting.key] ?? { value: setting.value, inherit: setting.inheritedFrom !== null }
                  }
                  onChange={(entry) => setDraft((current) => ({ ...current, [setting.key]: entry }))}
                />
              ))}
              {errors.form ? (
                <Alert color="red" variant="outline" role="alert" title="The settings were not saved">
                  {errors.form}
                </Alert>
              ) : null}
              <Group justify="flex-end">
                <Button type="submit" loading={update.isPending}>
                  Save Settings
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

function SettingRow({
  setting,
  entry,
  onChange,
}: {
  setting: Setting;
  entry: { value: unknown; inherit: boolean };
  onChange: (entry: { value: unknown; inherit: boolean }) => void;
}) {
  const canInherit = setting.scope !== 'system';
  const inherited = canInherit && entry.inherit;
  const shown = inherited ? setting.parentValue : entry.value;
  const label = (
    <Group gap={6} component="span" style={{ display: 'inline-flex' }}>
      {setting.label}
      {setting.insecure ? (
        <Badge color="red.9" variant="filled" size="sm">
          Insecure
        </Badge>
      ) : null}
    </Group>
  );
  const control =
    typeof setting.value === 'number' ? (
      <NumberInput
        label={label}
        value={shown as number}
        min={8}
        max={128}
        allowDecimal={false}
        disabled={inherited}
        onChange={(value) => onChange({ ...entry, value: typeof value === 'number' ? value : Number(value) })}
        maw={240}
      />
    ) : (
      <Switch
        label={label}
        checked={Boolean(shown)}
        disabled={inherited}
        onChange={(event) => onChange({ ...entry, value: event.currentTarget.checked })}
      />
    );
  return (
    <Stack gap={4}>
      {control}
      {canInherit ? (
        <Checkbox
          size="xs"
          label={`Use ${levelNames[setting.parentOrigin === 'default' ? 'system' : setting.parentOrigin]}`}
          checked={entry.inherit}
          onChange={(event) =>
            onChange({
              value: event.currentTarget.checked ? setting.parentValue : entry.value,
              inherit: event.currentTarget.checked,
            })
          }
        />
      ) : setting.inheritedFrom === 'default' ? (
        <Text size="xs" c="gray.8">
          Default
        </Text>
      ) : null}
    </Stack>
  );
}
