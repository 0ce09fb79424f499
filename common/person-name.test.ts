import { describe, expect, it } from 'vitest';
import { formatPersonName } from './person-name';

const ada = {
  namePrefix: 'Dr.',
  firstName: 'Ada',
  middleName: 'Maria',
  lastName: 'Lovelace',
  nameSuffix: 'Jr.',
};

describe('formatPersonName', () => {
  it('joins the parts that are set in Western order, English by default', () => {
    expect(formatPersonName(ada)).toBe('Dr. Ada Maria Lovelace Jr.');
    expect(formatPersonName(ada, 'de-DE')).toBe('Dr. Ada Maria Lovelace Jr.');
  });

  it('leaves out blank and missing parts and trims the others', () => {
    expect(
      formatPersonName({ namePrefix: '  ', firstName: ' Ada ', middleName: null, lastName: 'Lovelace' }),
    ).toBe('Ada Lovelace');
  });

  it('writes the family name first in the languages that do', () => {
    expect(formatPersonName(ada, 'ja-JP')).toBe('Dr. Lovelace Ada Maria Jr.');
    expect(formatPersonName({ firstName: 'Ferenc', lastName: 'Molnár' }, 'hu')).toBe('Molnár Ferenc');
  });

  it('follows an explicit Name format over the locale', () => {
    expect(formatPersonName(ada, 'en-US', 'last_first')).toBe('Dr. Lovelace Ada Maria Jr.');
    expect(formatPersonName(ada, 'ja-JP', 'first_last')).toBe('Dr. Ada Maria Lovelace Jr.');
    expect(formatPersonName(ada, 'ja-JP', 'locale')).toBe('Dr. Lovelace Ada Maria Jr.');
  });

  it('falls back to English order for a malformed locale', () => {
    expect(formatPersonName({ firstName: 'Ada', lastName: 'Lovelace' }, 'not a locale!')).toBe(
      'Ada Lovelace',
    );
  });
});
