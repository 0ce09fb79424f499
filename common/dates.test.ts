import { describe, expect, it } from 'vitest';
import { formatLocaleDate, formatLongDate, localeDateFormat, parseLocaleDate, subtractYears } from './dates';

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
  ])('refuses %j in %s', (input, locale) => {
    expect(parseLocaleDate(input, locale)).toBeNull();
  });

  it('formats dates for reading and for typing', () => {
    expect(formatLocaleDate('1990-12-31', 'de-DE')).toBe('31.12.1990');
    expect(formatLocaleDate('1990-12-31', 'en-US')).toBe('12/31/1990');
    expect(formatLocaleDate(null, 'en-US')).toBe('');
    expect(formatLongDate('1990-12-31', 'en-US')).toBe('December 31, 1990');
    expect(formatLongDate('1990-12-31', 'de-DE')).toBe('31. Dezember 1990');
    expect(subtractYears('2024-02-29', 120)).toBe('1904-02-29');
    expect(subtractYears('2025-02-28', 1)).toBe('2024-02-28');
  });
});
