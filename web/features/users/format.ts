import { i18n } from '../../i18n/index';
import { useViewerSettings } from '../../ui/format';

/** The browser's language, for viewers who chose no locale anywhere. */
export function browserLocale(): string {
  return typeof navigator !== 'undefined' && navigator.language ? navigator.language : 'en-US';
}

/**
 * The language the viewer reads: the Locale of their Configuration when it is set for them, their
 * organization or the system; else the browser's (web/ui/format.ts).
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

/** A short description of a browser from its user agent: "Chrome on Linux". */
export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent) return i18n.t('users:devices.unknownDevice');
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : /curl|node|undici|python|Go-http/i.test(userAgent)
            ? i18n.t('users:devices.aScript')
            : i18n.t('users:devices.aBrowser');
  const system = /Windows/.test(userAgent)
    ? 'Windows'
    : /Android/.test(userAgent)
      ? 'Android'
      : /iPhone|iPad/.test(userAgent)
        ? 'iOS'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : '';
  return system ? i18n.t('users:devices.browserOnSystem', { browser, system }) : browser;
}
