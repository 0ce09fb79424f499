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
 * The locale of a viewer who chose none: the browser's, unless a Language was chosen that the
 * browser's locale does not speak — then that language's own conventions (de, fr, ar: Arabic
 * digits and month names), so an Arabic interface does not show American dates.
 */
function localeForLanguage(browserLocale: string, chosen: (key: SettingKey) => Setting | undefined): string {
  const language = chosen('localization.language')?.value;
  if (typeof language !== 'string') return browserLocale;
  return browserLocale.toLowerCase().split('-')[0] === language ? browserLocale : language;
}

/**
 * The viewer's settings in force (me, in the current organization), with locale and time zone
 * following the browser (or the chosen Language) when no level sets them. Until the settings load, the registry's defaults.
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
  if (!chosen('localization.locale'))
    resolved['localization.locale'] = localeForLanguage(browser.locale, chosen);
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

const firstDays = { sunday: 0, monday: 1, saturday: 6 } as const;

/**
 * The first day of the week in a locale (0 Sunday … 6 Saturday): CLDR's week data through
 * `Intl.Locale` (Chromium's getWeekInfo(), older engines' weekInfo), Monday where unknown.
 */
export function localeFirstDayOfWeek(locale: string): number {
  try {
    const tag = new Intl.Locale(locale) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    const firstDay = (tag.getWeekInfo?.() ?? tag.weekInfo)?.firstDay;
    return typeof firstDay === 'number' ? firstDay % 7 : 1;
  } catch {
    return 1;
  }
}

/**
 * The viewer's first day of the week (0 Sunday … 6 Saturday): their "First day of week" when a
 * level sets it, else their locale's (Saturday in Egypt, Sunday in the United States).
 */
export function useFirstDayOfWeek(): number {
  const { data } = useSettings('user');
  const settings = useViewerSettings();
  const setting = data?.find((entry) => entry.key === 'localization.first_day_of_week');
  if (setting && setting.inheritedFrom !== 'default') {
    return firstDays[setting.value as keyof typeof firstDays] ?? 1;
  }
  return localeFirstDayOfWeek(settings['localization.locale']);
}
