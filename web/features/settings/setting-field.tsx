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
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  isSettingKey,
  type SettingKey,
  type SettingScope,
  settingDefinitions,
} from '../../../common/settings';
import type { Setting, SettingOrigin } from './api';
import '../../i18n/lazy/settings';

type SettingsT = TFunction<'settings'>;

/** A setting's label from the catalog, keyed by setting key (the API's English `label` otherwise). */
export function settingLabel(t: SettingsT, setting: Pick<Setting, 'key' | 'label'>): string {
  return isSettingKey(setting.key) ? t(`labels.${setting.key}` as `labels.${SettingKey}`) : setting.label;
}

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

/**
 * The choices of a setting picked from a list (the registry's, labelled from the catalog by key
 * and value; locales; time zones), else undefined.
 */
export function choicesFor(t: SettingsT, key: string): { value: string; label: string }[] | undefined {
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
  const labels = t(`options.${key}` as 'options', {
    returnObjects: true,
    defaultValue: {},
  }) as unknown as Partial<Record<string, string>>;
  return definition.choices?.map((choice) => ({
    value: String(choice.value),
    label: labels[String(choice.value)] ?? String(choice.value),
  }));
}

/** A value as the page shows it: a choice's label, "On"/"Off", "(empty)". */
export function displayValue(t: SettingsT, key: string, value: unknown): string {
  const choice = choicesFor(t, key)?.find((c) => c.value === String(value));
  if (choice) return choice.label;
  if (typeof value === 'boolean') return value ? t('field.on') : t('field.off');
  if (value === '' || value === null || value === undefined) return t('field.empty');
  if (Array.isArray(value)) return value.length === 0 ? t('field.none') : value.join(', ');
  return String(value);
}

/** "Organization default" or "System default": where an inherited value comes from. */
export function originLabel(t: SettingsT, origin: SettingOrigin): string {
  // The registry's default is the system's too, as far as a reader can tell.
  return origin === 'organization' ? t('field.organizationDefault') : t('field.systemDefault');
}

/** The settings the pages take from the browser when no level sets them. */
const BROWSER_KEYS: ReadonlySet<string> = new Set(['localization.locale', 'localization.timezone']);

/**
 * What an inherited value gives the viewer, said plainly: "Organization default: de-DE"; at the
 * user's level an organization that does not set the value passes the system's on ("Organization
 * default (the system’s): …", the checkbox being Use Organization); a locale or time zone that no
 * level sets is the browser's, not the registry's default.
 */
function inheritedHint(t: SettingsT, setting: Setting, viewerValue: unknown): string {
  const key = setting.key;
  if (setting.parentOrigin === 'default' && BROWSER_KEYS.has(key) && viewerValue !== undefined) {
    return t(setting.scope === 'user' ? 'field.notSet.user' : 'field.notSet.others', {
      value: displayValue(t, key, viewerValue),
    });
  }
  const value = displayValue(t, key, setting.parentValue);
  if (setting.scope === 'user' && setting.parentOrigin !== 'organization') {
    return t('field.organizationFromSystem', { value });
  }
  return t('field.inherited', { origin: originLabel(t, setting.parentOrigin), value });
}

/** The checkbox that falls back to the level above: Use Organization, Use System, Use Default. */
function parentCheckboxLabel(t: SettingsT, scope: SettingScope): string {
  return t(`field.useParent.${scope}`);
}

function numberBounds(key: string): { min?: number; max?: number } {
  if (!isSettingKey(key)) return {};
  const schema = settingDefinitions[key].schema;
  if (!(schema instanceof z.ZodNumber)) return {};
  return { min: schema.minValue ?? undefined, max: schema.maxValue ?? undefined };
}

export type DraftEntry = { value: Setting['value']; inherit: boolean };

/** A setting's name, with an **Insecure** badge when its value weakens the organization's security. */
function SettingLabel({ name, insecure }: { name: string; insecure: boolean | undefined }) {
  const { t } = useTranslation('settings');
  return (
    <Group gap={6} component="span" style={{ display: 'inline-flex' }}>
      {name}
      {insecure ? (
        <Badge color="red.9" variant="filled" size="sm">
          {t('field.insecure')}
        </Badge>
      ) : null}
    </Group>
  );
}

/**
 * The control a setting's value takes: a list of choices, the signature's text area, a number, a
 * switch, else a line of text. A choice keeps the value's type (a number stays a number).
 */
function SettingControl(props: {
  setting: Setting;
  label: React.ReactNode;
  shown: Setting['value'];
  disabled: boolean;
  onChange: (value: Setting['value']) => void;
}) {
  const { setting, label, shown, disabled, onChange: set } = props;
  const { t } = useTranslation('settings');
  const key = setting.key;
  const options = choicesFor(t, key);
  const typeOfValue = typeof setting.parentValue;
  if (options) {
    return (
      <Select
        label={label}
        data={options}
        value={String(shown)}
        searchable={options.length > 8}
        allowDeselect={false}
        disabled={disabled}
        onChange={(value) => {
          if (value === null) return;
          set(typeOfValue === 'number' ? Number(value) : value);
        }}
        maw={360}
      />
    );
  }
  if (key === 'email.signature') {
    return (
      <Textarea
        label={label}
        description={t('help.signature')}
        value={String(shown ?? '')}
        autosize
        minRows={3}
        maxRows={10}
        maxLength={10_000}
        disabled={disabled}
        onChange={(event) => set(event.currentTarget.value)}
      />
    );
  }
  if (typeOfValue === 'number') {
    return (
      <NumberInput
        label={label}
        value={shown as number}
        {...numberBounds(key)}
        allowDecimal={false}
        disabled={disabled}
        onChange={(value) => set(typeof value === 'number' ? value : Number(value))}
        maw={240}
      />
    );
  }
  if (typeOfValue === 'boolean') {
    return (
      <Switch
        label={label}
        checked={Boolean(shown)}
        disabled={disabled}
        onChange={(event) => set(event.currentTarget.checked)}
      />
    );
  }
  return (
    <TextInput
      label={label}
      value={String(shown ?? '')}
      maxLength={254}
      disabled={disabled}
      description={key === 'email.default_from' ? t('help.defaultFrom') : undefined}
      onChange={(event) => set(event.currentTarget.value)}
      maw={360}
    />
  );
}

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
  viewerValue,
}: {
  setting: Setting;
  entry: DraftEntry;
  onChange: (entry: DraftEntry) => void;
  /**
   * Locale and time zone: what the viewer's pages use when no level sets the value (their
   * browser's, web/ui/format.ts viewerSettings) — the registry's default is then not what they get.
   */
  viewerValue?: unknown;
  /** Organization and system levels, keys a user may set: the "Users may override" checkbox. */
  userOverride?: { checked: boolean; onChange: (checked: boolean) => void };
}) {
  const { t } = useTranslation('settings');
  const locked = !setting.settable;
  const name = settingLabel(t, setting);
  const inherited = locked || entry.inherit;
  const shown = inherited ? (locked ? setting.value : setting.parentValue) : entry.value;
  const key = setting.key;
  return (
    <Stack gap={4}>
      <SettingControl
        setting={setting}
        label={<SettingLabel name={name} insecure={setting.insecure} />}
        shown={shown}
        disabled={inherited}
        onChange={(value) => onChange({ ...entry, value })}
      />
      {locked ? (
        <Text size="xs" c="gray.8">
          {t('field.lockedByOrganization', { value: displayValue(t, key, setting.value) })}
        </Text>
      ) : (
        <>
          {entry.inherit ? (
            <Text size="xs" c="gray.8">
              {inheritedHint(t, setting, viewerValue)}
            </Text>
          ) : null}
          <Checkbox
            size="xs"
            label={parentCheckboxLabel(t, setting.scope)}
            aria-label={t('field.useParentOf', { use: parentCheckboxLabel(t, setting.scope), label: name })}
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
          label={t('field.usersMayOverride')}
          aria-label={t('field.usersMayOverrideOf', { label: name })}
          checked={userOverride.checked}
          onChange={(event) => userOverride.onChange(event.currentTarget.checked)}
        />
      ) : null}
    </Stack>
  );
}
