import {
  Badge,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { z } from 'zod';
import { isSettingKey, type SettingScope, settingDefinitions } from '../../../common/settings';
import type { Setting, SettingOrigin } from './api';

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

/** The choices of a setting picked from a list (the registry's, locales, time zones), else undefined. */
export function choicesFor(key: string): { value: string; label: string }[] | undefined {
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
  if (!isSettingKey(key)) return undefined;
  const definition: { choices?: readonly { value: unknown; label: string }[] } = settingDefinitions[key];
  return definition.choices?.map((choice) => ({ value: String(choice.value), label: choice.label }));
}

/** A value as the page shows it: a choice's label, "On"/"Off", "(empty)". */
export function displayValue(key: string, value: unknown): string {
  const choice = choicesFor(key)?.find((c) => c.value === String(value));
  if (choice) return choice.label;
  if (typeof value === 'boolean') return value ? 'On' : 'Off';
  if (value === '' || value === null || value === undefined) return '(empty)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.join(', ');
  return String(value);
}

/** "Organization default" or "System default": where an inherited value comes from. */
export function originLabel(origin: SettingOrigin): string {
  // The registry's default is the system's too, as far as a reader can tell.
  return origin === 'organization' ? 'Organization default' : 'System default';
}

/** The checkbox that falls back to the level above: Use Organization, Use System, Use Default. */
export const useParentLabel: Record<SettingScope, string> = {
  user: 'Use Organization',
  organization: 'Use System',
  system: 'Use Default',
};

function numberBounds(key: string): { min?: number; max?: number } {
  if (!isSettingKey(key)) return {};
  const schema = settingDefinitions[key].schema;
  if (!(schema instanceof z.ZodNumber)) return {};
  return { min: schema.minValue ?? undefined, max: schema.maxValue ?? undefined };
}

export type DraftEntry = { value: unknown; inherit: boolean };

/**
 * One setting on a Configuration page: its control, where an inherited value comes from
 * ("Organization default: de-DE"), the Use Organization / Use System / Use Default checkbox that
 * disables the control and shows the inherited value, and at the organization's level whether
 * users may override it.
 */
export function SettingField({
  setting,
  entry,
  onChange,
  userOverride,
}: {
  setting: Setting;
  entry: DraftEntry;
  onChange: (entry: DraftEntry) => void;
  /** Organization and system levels, keys a user may set: the "Users may override" checkbox. */
  userOverride?: { checked: boolean; onChange: (checked: boolean) => void };
}) {
  const locked = !setting.settable;
  const inherited = locked || entry.inherit;
  const shown = inherited ? (locked ? setting.value : setting.parentValue) : entry.value;
  const key = setting.key;
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
  const set = (value: unknown) => onChange({ ...entry, value });
  const options = choicesFor(key);
  const typeOfValue = typeof setting.parentValue;
  let control: React.ReactNode;
  if (options) {
    control = (
      <Select
        label={label}
        data={options}
        value={String(shown)}
        searchable={options.length > 8}
        allowDeselect={false}
        disabled={inherited}
        onChange={(value) => {
          if (value === null) return;
          set(typeOfValue === 'number' ? Number(value) : value);
        }}
        maw={360}
      />
    );
  } else if (key === 'email.signature') {
    control = (
      <Textarea
        label={label}
        description="Text, or simple HTML: paragraphs, bold, italics, lists and links. Scripts and styles are removed."
        value={String(shown ?? '')}
        autosize
        minRows={3}
        maxRows={10}
        maxLength={10_000}
        disabled={inherited}
        onChange={(event) => set(event.currentTarget.value)}
      />
    );
  } else if (typeOfValue === 'number') {
    control = (
      <NumberInput
        label={label}
        value={shown as number}
        {...numberBounds(key)}
        allowDecimal={false}
        disabled={inherited}
        onChange={(value) => set(typeof value === 'number' ? value : Number(value))}
        maw={240}
      />
    );
  } else if (typeOfValue === 'boolean') {
    control = (
      <Switch
        label={label}
        checked={Boolean(shown)}
        disabled={inherited}
        onChange={(event) => set(event.currentTarget.checked)}
      />
    );
  } else {
    control = (
      <TextInput
        label={label}
        value={String(shown ?? '')}
        maxLength={254}
        disabled={inherited}
        description={
          key === 'email.default_from' ? 'One of your email addresses; empty: your primary email.' : undefined
        }
        onChange={(event) => set(event.currentTarget.value)}
        maw={360}
      />
    );
  }
  return (
    <Stack gap={4}>
      {control}
      {locked ? (
        <Text size="xs" c="gray.8">
          Set by your organization for everyone: {displayValue(key, setting.value)}
        </Text>
      ) : (
        <>
          {entry.inherit ? (
            <Text size="xs" c="gray.8">
              {originLabel(setting.parentOrigin)}: {displayValue(key, setting.parentValue)}
            </Text>
          ) : null}
          <Checkbox
            size="xs"
            label={useParentLabel[setting.scope]}
            aria-label={`${useParentLabel[setting.scope]}: ${setting.label}`}
            checked={entry.inherit}
            onChange={(event) =>
              onChange({
                // Unticking starts from the inherited value.
                value: event.currentTarget.checked ? entry.value : setting.parentValue,
                inherit: event.currentTarget.checked,
              })
            }
          />
        </>
      )}
      {userOverride ? (
        <Checkbox
          size="xs"
          label="Users may override"
          aria-label={`Users may override: ${setting.label}`}
          checked={userOverride.checked}
          onChange={(event) => userOverride.onChange(event.currentTarget.checked)}
        />
      ) : null}
    </Stack>
  );
}
