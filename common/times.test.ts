import { describe, expect, it } from 'vitest';
import { formatLocaleTime, localeClock, localeTimeFormat, parseLocaleTime, timesOfDay } from './times';

describe('localeClock', () => {
  it('reads the hour cycle of the locale from Intl', () => {
    expect(localeClock('de-DE')).toBe('h23');
    expect(localeClock('fr')).toBe('h23');
    expect(localeClock('en-US')).toBe('h12');
    expect(localeClock('ar')).toBe('h12');
  });
});

describe('formatLocaleTime', () => {
  it('writes a time in the clock, day periods and digits of the locale', () => {
    expect(formatLocaleTime('17:30', 'de')).toBe('17:30');
    expect(formatLocaleTime('17:30', 'fr-FR')).toBe('17:30');
    expect(formatLocaleTime('17:30', 'en-US')).toBe('5:30 PM');
    expect(formatLocaleTime('00:05', 'en-US')).toBe('12:05 AM');
    expect(formatLocaleTime('17:30', 'ar-EG')).toBe('٥:٣٠ م');
    expect(formatLocaleTime('05:30', 'ar')).toContain('ص');
  });

  it('follows a clock the viewer chose over the locale’s', () => {
    expect(formatLocaleTime('17:30', 'en-US', 'h23')).toBe('17:30');
    expect(formatLocaleTime('17:30', 'de', 'h12')).toMatch(/^5:30\s?PM$/);
  });

  it('gives nothing for a value that is not HH:mm', () => {
    expect(formatLocaleTime('', 'de')).toBe('');
    expect(formatLocaleTime('24:00', 'de')).toBe('');
    expect(formatLocaleTime('7:30', 'de')).toBe('');
  });
});

describe('parseLocaleTime', () => {
  it('reads back every time as the locale writes it, in its clock or the chosen one', () => {
    for (const locale of ['de', 'fr', 'ar', 'ar-EG', 'en-US', 'ko', 'fa-IR', 'hi-IN', 'ja']) {
      for (const clock of [undefined, 'h12', 'h23'] as const) {
        for (const time of timesOfDay(15)) {
          expect(
            parseLocaleTime(formatLocaleTime(time, locale, clock), locale),
            `${locale} ${clock} ${time}`,
          ).toBe(time);
        }
      }
    }
  });

  it('reads the locale’s digits and day periods, and am/pm anywhere', () => {
    expect(parseLocaleTime('٥:٣٠ م', 'ar')).toBe('17:30');
    expect(parseLocaleTime('5:30 م', 'ar')).toBe('17:30');
    expect(parseLocaleTime('١٢:٠٠ ص', 'ar')).toBe('00:00');
    expect(parseLocaleTime('5:30 pm', 'de')).toBe('17:30');
    expect(parseLocaleTime('5:30 p.m.', 'en-US')).toBe('17:30');
    expect(parseLocaleTime('12 PM', 'en-US')).toBe('12:00');
    expect(parseLocaleTime('午後5:30', 'ja')).toBe('17:30');
  });

  it('reads hours alone, run together with minutes, and common separators on the 24-hour clock', () => {
    expect(parseLocaleTime('17', 'de')).toBe('17:00');
    expect(parseLocaleTime('1730', 'de')).toBe('17:30');
    expect(parseLocaleTime('930', 'fr')).toBe('09:30');
    expect(parseLocaleTime('17h30', 'fr')).toBe('17:30');
    expect(parseLocaleTime('17.30', 'de')).toBe('17:30');
    expect(parseLocaleTime('5:30', 'en-US')).toBe('05:30');
    expect(parseLocaleTime(' 17 : 30 ', 'de')).toBe('17:30');
  });

  it('refuses what is not a time of day', () => {
    for (const text of [
      '',
      'abc',
      '24:00',
      '17:60',
      '13 PM',
      '5:3',
      '5:30:00',
      'pm',
      '5 pm 3',
      '1:2:3',
      '5 م ص',
    ]) {
      expect(parseLocaleTime(text, 'en-US'), text).toBeNull();
    }
    expect(parseLocaleTime('17:30 م', 'ar')).toBeNull();
  });
});

describe('localeTimeFormat', () => {
  it('names the day periods of the locale', () => {
    expect(localeTimeFormat('en-US').dayPeriods).toEqual({ am: 'AM', pm: 'PM' });
    expect(localeTimeFormat('ar').dayPeriods).toEqual({ am: 'ص', pm: 'م' });
    expect(localeTimeFormat('de').clock).toBe('h23');
  });
});

describe('timesOfDay', () => {
  it('lists a day in steps', () => {
    expect(timesOfDay(30)).toHaveLength(48);
    expect(timesOfDay(30).slice(0, 3)).toEqual(['00:00', '00:30', '01:00']);
  });
});
