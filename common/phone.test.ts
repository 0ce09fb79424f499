import { describe, expect, it } from 'vitest';
import { defaultPhoneCountry, formatPhoneNational, parsePhone, phoneUri } from './phone';

describe('phone numbers', () => {
  it('takes the default country from the locale, else US', () => {
    expect(defaultPhoneCountry('de-DE')).toBe('DE');
    expect(defaultPhoneCountry('fr')).toBe('FR');
    expect(defaultPhoneCountry('en')).toBe('US');
    expect(defaultPhoneCountry(null)).toBe('US');
    expect(defaultPhoneCountry('???')).toBe('US');
  });

  it.each([
    ['(415) 555-2671', 'US', '+14155552671'],
    ['415.555.2671', 'US', '+14155552671'],
    ['+1 415 555 2671', 'DE', '+14155552671'],
    ['030 1234567', 'DE', '+49301234567'],
    ['+44 20 7946 0958', 'US', '+442079460958'],
  ] as const)('stores %j (default %s) as %s', (input, country, e164) => {
    expect(parsePhone(input, country)).toEqual({ ok: true, e164 });
  });

  it.each([['12'], ['not a phone'], ['+1 415 555 2671 ext 5'], ['555-0000-0000-0000']])(
    'refuses %j',
    (input) => {
      const result = parsePhone(input, 'US');
      expect(result.ok).toBe(false);
    },
  );

  it('formats for people and for tel: links', () => {
    expect(formatPhoneNational('+14155552671')).toBe('(415) 555-2671');
    expect(formatPhoneNational('+49301234567')).toBe('030 1234567');
    expect(phoneUri('+14155552671')).toBe('tel:+14155552671');
  });
});
