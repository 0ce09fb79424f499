import { useMemo } from 'react';
import { createFormatter, type Formatter, formatSettingsOf } from '../../common/format';
import type { ResolvedSettings, SettingKey } from '../../common/settings';
import { type Setting, useSettings } from '../features/settings/api';

/** The browser's language and zone, for viewers whose locale or zone nobody chose. */
function browserDefaults(): { locale: string; timeZone: string } {
  const locale = typeof navigator !== 'undefined' && navigator.language ? navigator.language : 'en-US';
  return { locale, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC' };
}

/**
 * The viewer's settings in force (me, in the current organization), with locale and time zone
 * following the browser when no level sets them. Until the settings load, the registry's defaults.
 */
export function viewerSettings(settings: readonly Setting[] | undefined): ResolvedSettings {
  // The registry's defaults until the settings load (the registry itself, with its zod schemas,
  // stays out of every page's bundle).
  const resolved: Partial<Record<SettingKey, unknown>> = {
    'localization.date_format': 'medium',
    'localization.time_format': 'locale',
    'localization.name_format': 'locale',
    'display.records_per_page': 25,
  };
  for (const setting of settings ?? []) resolved[setting.key as SettingKey] = setting.value;
  const browser = browserDefaults();
  const chosen = (key: SettingKey) => settings?.find((s) => s.key === key && s.inheritedFrom !== 'default');
  if (!chosen('localization.locale')) resolved['localization.locale'] = browser.locale;
  if (!chosen('localization.timezone')) resolved['localization.timezone'] = browser.timeZone;
  return resolved as ResolvedSettings;
}

/** The viewer's settings in force; see `viewerSettings`. */
export function useViewerSettings(): ResolvedSettings {
  const { data } = useSettings('user');
  return useMemo(() => viewerSettings(data), [data]);
}

/**
 * How the viewer reads dates, times, names and numbers: their Localization settings
 * (`common/format.ts`). Every page renders through it.
 */
export function useFormatter(): Formatter {
  const { data } = useSettings('user');
  return useMemo(() => formatterFor(data), [data]);
}

/** One formatter per loaded settings list: a long Activity list asks once per item. */
const formatters = new WeakMap<readonly Setting[], Formatter>();
let defaultFormatter: Formatter | undefined;

function formatterFor(settings: readonly Setting[] | undefined): Formatter {
  if (!settings) {
    defaultFormatter ??= createFormatter(formatSettingsOf(viewerSettings(undefined)));
    return defaultFormatter;
  }
  let formatter = formatters.get(settings);
  if (!formatter) {
    formatter = createFormatter(formatSettingsOf(viewerSettings(settings)));
    formatters.set(settings, formatter);
  }
  return formatter;
}

/** The viewer's "Records per grid page" (10, 25, 50 or 100). */
export function useRecordsPerPage(): number {
  return useViewerSettings()['display.records_per_page'];
}

/**
 * The language the viewer reads: the Locale of their Configuration when it is set for them, their
 * organization or the system; else the browser's.
 */
export function useViewerLocale(): string {
  return useViewerSettings()['localization.locale'];
}

/** The time zone timestamps are shown in: the Configuration's Timezone when set anywhere, else the browser's. */
export function useViewerTimeZone(): string | undefined {
  return useViewerSettings()['localization.timezone'];
}
