import { describe, expect, it } from 'vitest';
import {
  formatLocaleDate,
  formatLongDate,
  isoDateIn,
  localeDateFormat,
  parseLocaleDate,
  readTypedDate,
  subtractYears,
} from './dates';

describe('locale dates', () => {
  it('learns each locale’s numeric format from Intl', () => {
    expect(localeDateFormat('de-DE').placeholder).toBe('DD.MM.YYYY');
    expect(localeDateFormat('en-US').placeholder).toBe('MM/DD/YYYY');
    expect(localeDateFormat('en-GB').placeholder).toBe('DD/MM/YYYY');
    expect(localeDateFormat('ja-JP').placeholder).toBe('YYYY/MM/DD');
    expect(localeDateFormat('nl-NL').placeholder).toBe('DD-MM-YYYY');
    expect(localeDateFormat('not a locale').placeholder).toBe('MM/DD/YYYY');
  });

  it.each([
    ['31.12.1990', 'de-DE', '1990-12-31'],
    ['1.2.1990', 'de-DE', '1990-02-01'],
    ['12/31/1990', 'en-US', '1990-12-31'],
    ['2/1/1990', 'en-US', '1990-02-01'],
    ['31/12/1990', 'en-GB', '1990-12-31'],
    ['1990/12/31', 'ja-JP', '1990-12-31'],
    ['31-12-1990', 'nl-NL', '1990-12-31'],
    ['1990-12-31', 'de-DE', '1990-12-31'],
    ['  31.12.1990 ', 'de-DE', '1990-12-31'],
    ['٣١/١٢/١٩٩٠', 'ar-EG', '1990-12-31'],
    ['29.02.2000', 'de-DE', '2000-02-29'],
    // The locale's own forms: Bulgarian's year mark, Korean's dots, native digits.
    ['31.12.1989 г.', 'bg-BG', '1989-12-31'],
    ['31.12.1989', 'bg-BG', '1989-12-31'],
    ['1989. 12. 31.', 'ko-KR', '1989-12-31'],
    ['३१/१२/१९८९', 'hi-IN', '1989-12-31'],
    ['１２/３１/１９８９', 'en-US', '1989-12-31'],
    // Other calendars, as the view page shows them: Thai Buddhist era, Persian (Solar Hijri).
    ['31/12/2532', 'th-TH', '1989-12-31'],
    ['31 ธันวาคม 2532', 'th-TH', '1989-12-31'],
    ['۱۳۶۸/۱۰/۱۰', 'fa-IR', '1989-12-31'],
    ['1368/10/10', 'fa-IR', '1989-12-31'],
    ['۱۰ دی ۱۳۶۸', 'fa-IR', '1989-12-31'],
    ['1370/01/01', 'fa-IR', '1991-03-21'],
    // The long forms the view page shows.
    ['December 31, 1990', 'en-US', '1990-12-31'],
    ['31. Dezember 1990', 'de-DE', '1990-12-31'],
    ['31 de diciembre de 1990', 'es-ES', '1990-12-31'],
  ])('reads %j in %s as %s', (input, locale, expected) => {
    expect(parseLocaleDate(input, locale)).toBe(expected);
  });

  it.each([
    ['31/12/1990', 'en-US'],
    ['12/31/1990', 'de-DE'],
    ['31.02.1990', 'de-DE'],
    ['29.02.2001', 'de-DE'],
    ['31.12.90', 'de-DE'],
    ['yesterday', 'en-US'],
    ['', 'en-US'],
    ['1990-13-01', 'en-US'],
    ['02/30/1981', 'en-US'],
    ['31/12/1989', 'fa-IR'],
    ['1369/12/30', 'fa-IR'],
    ['31.12.1989 x', 'bg-BG'],
    ['12/31/1990 garbage', 'en-US'],
    ['Smarch 3, 1990', 'en-US'],
  ])('refuses %j in %s', (input, locale) => {
    expect(parseLocaleDate(input, locale)).toBeNull();
  });

  it('formats dates for reading and for typing', () => {
    expect(formatLocaleDate('1990-12-31', 'de-DE')).toBe('31.12.1990');
    expect(formatLocaleDate('1990-12-31', 'en-US')).toBe('12/31/1990');
    expect(formatLocaleDate('1990-01-03', 'en-GB')).toBe('03/01/1990');
    expect(formatLocaleDate('1989-12-31', 'bg-BG')).toBe('31.12.1989 г.');
    expect(formatLocaleDate('1989-12-31', 'th-TH')).toBe('31/12/2532');
    expect(formatLocaleDate('1989-12-31', 'fa-IR')).toBe('۱۳۶۸/۱۰/۱۰');
    expect(formatLocaleDate(null, 'en-US')).toBe('');
    expect(formatLongDate('1990-12-31', 'en-US')).toBe('December 31, 1990');
    expect(formatLongDate('1990-12-31', 'de-DE')).toBe('31. Dezember 1990');
    expect(subtractYears('2024-02-29', 120)).toBe('1904-02-29');
    expect(subtractYears('2025-02-28', 1)).toBe('2024-02-28');
    // Clamped to the month's end where the earlier year has no 29 February (1900 is no leap year).
    expect(subtractYears('2024-02-29', 1)).toBe('2023-02-28');
    expect(subtractYears('2000-02-29', 100)).toBe('1900-02-28');
    expect(subtractYears('2024-12-31', 2000)).toBe('0024-12-31');
  });

  it.each([
    'en-US',
    'en-GB',
    'de-DE',
    'bg-BG',
    'th-TH',
    'fa-IR',
    'ar-EG',
    'ja-JP',
    'ko-KR',
    'hi-IN',
    'he-IL',
  ])('reads back what it writes in %s', (locale) => {
    for (const date of ['1850-06-01', '1904-02-29', '1989-12-31', '1991-03-21', '2000-01-01', '2024-07-15']) {
      expect(parseLocaleDate(formatLocaleDate(date, locale), locale)).toBe(date);
      expect(parseLocaleDate(formatLongDate(date, locale), locale)).toBe(date);
    }
  });

  it('judges "today" in the given time zone', () => {
    const instant = new Date('2026-11-29T20:00:00Z');
    expect(isoDateIn('UTC', instant)).toBe('2026-11-29');
    expect(isoDateIn('Pacific/Kiritimati', instant)).toBe('2026-11-30');
    expect(isoDateIn('America/Los_Angeles', instant)).toBe('2026-11-29');
    expect(isoDateIn('Mars/Olympus_Mons', instant)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('explains a typed date that is no date or out of range', () => {
    const range = {
      min: { date: '1906-11-30', problem: 'too old' },
      max: { date: '2026-11-30', problem: 'in the future' },
    };
    expect(readTypedDate('', 'en-US', range)).toEqual({ value: null, problem: null });
    // By kind, with the locale's format for the words of any language; in English too.
    expect(readTypedDate('02/30/1981', 'en-US', range).problem).toEqual({
      kind: 'not_a_date',
      format: 'MM/DD/YYYY',
      message: expect.stringMatching(/not a date.*MM\/DD\/YYYY/),
    });
    expect(readTypedDate('31.02.1981', 'de-DE', range).problem).toMatchObject({
      kind: 'not_a_date',
      format: 'DD.MM.YYYY',
    });
    expect(readTypedDate('12/01/2026', 'en-US', range)).toEqual({
      value: '2026-12-01',
      problem: { kind: 'too_late', message: 'in the future' },
    });
    expect(readTypedDate('11/30/2026', 'en-US', range)).toEqual({ value: '2026-11-30', problem: null });
    expect(readTypedDate('01/01/1900', 'en-US', range).problem).toEqual({
      kind: 'too_early',
      message: 'too old',
    });
  });
});
