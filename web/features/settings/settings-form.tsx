import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useId, useState } from 'react';
import type { SettingScope } from '../../../common/settings';
import { fieldErrors } from '../../app/api';
import { type Setting, useSettings, useUpdateSettings } from './api';

/** Limits of the number settings, as the registry (common/settings.ts) has them. */
const bounds: Record<string, { min: number; max: number }> = {
  'password.min_length': { min: 8, max: 128 },
  'session.idle_minutes': { min: 5, max: 60 * 24 * 7 },
  'session.absolute_minutes': { min: 15, max: 60 * 24 * 30 },
};

const locales = [
  'en-US',
  'en-GB',
  'de-DE',
  'fr-FR',
  'es-ES',
  'it-IT',
  'nl-NL',
  'pl-PL',
  'pt-BR',
  'sv-SE',
  'ja-JP',
  'zh-CN',
];

/** The choices of the settings picked from a list (locale, time zone), else undefined. */
function choicesFor(key: string): { value: string; label: string }[] | undefined {
  if (key === 'localization.locale') {
    const names = new Intl.DisplayNames(['en'], { type: 'language' });
    return locales.map((locale) => ({ value: locale, label: `${names.of(locale) ?? locale} (${locale})` }));
  }
  if (key === 'localization.timezone') {
    return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')].map((zone) => ({
      value: zone,
      label: zone.replaceAll('_', ' '),
    }));
  }
  return undefined;
}

type Draft = Record<string, { value: unknown; inherit: boolean }>;

function draftOf(settings: Setting[]): Draft {
  return Object.fromEntries(
    settings.map((setting) => [
      setting.key,
      { value: setting.value, inherit: setting.inheritedFrom !== null },
    ]),
  );
}

/**
 * One level (system, organization or user) of some settings as a form: each value with, below the
 * system level, a "Use …" checkbox that falls back to the level above; **Save Settings** sends only
 * what changed. The settings API validates every value (errors are shown on the form).
 */
export function SettingsLevelForm({
  scope,
  title,
  keys,
}: {
  scope: SettingScope;
  title: string;
  /** The keys shown, in this order. */
  keys: readonly string[];
}) {
  const headingId = useId();
  const query = useSettings(scope);
  const update = useUpdateSettings(scope);
  const [draft, setDraft] = useState<Draft>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const settings = (query.data ?? []).filter((s) => keys.includes(s.key));
  const ordered = keys.map((key) => settings.find((s) => s.key === key)).filter((s): s is Setting => !!s);

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
  const options = choicesFor(setting.key);
  const control = options ? (
    <Select
      label={label}
      data={options}
      value={String(shown)}
      searchable
      allowDeselect={false}
      disabled={inherited}
      onChange={(value) => onChange({ ...entry, value: value ?? entry.value })}
      maw={360}
    />
  ) : typeof setting.value === 'number' ? (
    <NumberInput
      label={label}
      value={shown as number}
      min={bounds[setting.key]?.min}
      max={bounds[setting.key]?.max}
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
          label={setting.scope === 'user' ? 'Use Organization' : 'Use System'}
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
