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

/** A short description of a browser from its user agent: "Chrome on Linux". */
export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : /curl|node|undici|python|Go-http/i.test(userAgent)
            ? 'A script'
            : 'A browser';
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
  return system ? `${browser} on ${system}` : browser;
}
