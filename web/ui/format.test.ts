import { describe, expect, it } from 'vitest';
import type { Setting } from '../features/settings/api';
import { localeFirstDayOfWeek, viewerSettings } from './format';

const setting = (key: string, value: Setting['value'], inheritedFrom: 'default' | 'user' | null = null) => ({
  key,
  label: key,
  scope: 'user' as const,
  value,
  inheritedFrom,
  parentValue: value,
  parentOrigin: 'default' as const,
  settable: true,
});

describe('the viewer’s formatting settings', () => {
  it('take the first day of the week from the locale', () => {
    expect(localeFirstDayOfWeek('de-DE')).toBe(1);
    expect(localeFirstDayOfWeek('en-US')).toBe(0);
    expect(localeFirstDayOfWeek('ar-EG')).toBe(6);
    expect(localeFirstDayOfWeek('not a locale')).toBe(1);
  });

  it('format in the chosen Language when no locale is chosen, else in the chosen locale', () => {
    const languageOnly = viewerSettings([
      setting('localization.language', 'ar'),
      setting('localization.locale', 'en-US', 'default'),
    ]);
    // The browser's locale (Node: en-US or the test machine's) does not speak Arabic.
    expect(languageOnly['localization.locale']).toBe('ar');
    const both = viewerSettings([
      setting('localization.language', 'ar'),
      setting('localization.locale', 'fr-FR'),
    ]);
    expect(both['localization.locale']).toBe('fr-FR');
    const neither = viewerSettings([setting('localization.language', 'en', 'default')]);
    expect(neither['localization.language']).toBe('en');
    expect(neither['localization.locale']).not.toBe('ar');
  });
});
