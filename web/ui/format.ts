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
  const settings = useViewerSettings();
  return useMemo(() => createFormatter(formatSettingsOf(settings)), [settings]);
}

/** The viewer's "Records per grid page" (10, 25, 50 or 100). */
export function useRecordsPerPage(): number {
  return useViewerSettings()['display.records_per_page'];
}

/** The browser's language, for viewers who chose no locale anywhere. */
export function browserLocale(): string {
  return typeof navigator !== 'undefined' && navigator.language ? navigator.language : 'en-US';
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

/** An ISO timestamp as the viewer reads it, e.g. "Jan 15, 2026, 9:00 AM", in their time zone. */
export function formatDateTime(iso: string | null | undefined, locale: string, timeZone?: string): string {
  if (!iso) return '';
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
      new Date(iso),
    );
  } catch {
    return new Date(iso).toLocaleString();
  }
}
