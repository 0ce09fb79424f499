import { describe, expect, it } from 'vitest';
import { createFormatter, type FormatSettings } from './format';

const base: FormatSettings = {
  'localization.locale': 'en-US',
  'localization.timezone': 'UTC',
  'localization.date_format': 'medium',
  'localization.time_format': 'locale',
  'localization.name_format': 'locale',
};
const ada = { firstName: 'Ada', lastName: 'Lovelace', namePrefix: 'Dr.' };
const instant = '2026-11-28T23:30:00.000Z';

describe('createFormatter', () => {
  it('renders instants in the reader’s zone, locale and styles', () => {
    const german = createFormatter({
      ...base,
      'localization.locale': 'de-DE',
      'localization.timezone': 'Europe/Berlin',
    });
    expect(german.dateTime(instant)).toBe('29.11.2026, 00:30');
    expect(german.date(instant)).toBe('29.11.2026');
    expect(german.number(1234.5)).toBe('1.234,5');
    const american = createFormatter({ ...base, 'localization.timezone': 'America/New_York' });
    expect(american.dateTime(instant)).toBe('Nov 28, 2026, 6:30 PM');
    const h23 = createFormatter({
      ...base,
      'localization.time_format': 'h23',
      'localization.date_format': 'short',
    });
    expect(h23.dateTime(instant)).toBe('11/28/26, 23:30');
    expect(createFormatter({ ...base, 'localization.date_format': 'full' }).date(instant)).toBe(
      'Saturday, November 28, 2026',
    );
    expect(h23.dateTimeRange('2026-11-28T09:00:00Z', '2026-11-28T10:30:00Z')).toMatch(
      /^11\/28\/26, 09:00\s–\s10:30$/,
    );
    expect(h23.hour12).toBe(false);
    expect(american.hour12).toBeUndefined();
    expect(german.calendarDate('2026-03-01')).toBe('01.03.2026');
    expect(createFormatter({ ...base, 'localization.date_format': 'long' }).calendarDate('2026-03-01')).toBe(
      'March 1, 2026',
    );
    expect(american.calendarDate(null)).toBe('');
    expect(american.dateTime(null)).toBe('');
    expect(american.dateTime('not a date')).toBe('');
  });

  it('orders names as chosen, or as the locale writes them', () => {
    expect(createFormatter(base).personName(ada)).toBe('Dr. Ada Lovelace');
    expect(createFormatter({ ...base, 'localization.name_format': 'last_first' }).personName(ada)).toBe(
      'Dr. Lovelace Ada',
    );
    expect(createFormatter({ ...base, 'localization.locale': 'ja-JP' }).personName(ada)).toBe(
      'Dr. Lovelace Ada',
    );
    expect(
      createFormatter({
        ...base,
        'localization.locale': 'ja-JP',
        'localization.name_format': 'first_last',
      }).personName(ada),
    ).toBe('Dr. Ada Lovelace');
  });

  it('falls back to en-US and UTC for values it cannot use', () => {
    const odd = createFormatter({
      ...base,
      'localization.locale': 'x',
      'localization.timezone': 'Mars/Base',
    });
    expect(odd.timeZone).toBe('UTC');
    expect(odd.dateTime(instant)).toBe('Nov 28, 2026, 11:30 PM');
  });
});
