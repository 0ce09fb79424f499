import { describe, expect, it } from 'vitest';
import {
  asciiDigits,
  defaultPhoneCountry,
  formatPhoneInternational,
  formatPhoneNational,
  parsePhone,
  phoneUri,
} from './phone';

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
    expect(parsePhone(input, country)).toEqual({ ok: true, value: e164, e164, extension: null });
  });

  it.each([
    ['０９０－１２３４－５６７８', 'JP', '+819012345678'], // full-width, as a Japanese input method types it
    ['＋８１\u300090\u30001234\u30005678', 'US', '+819012345678'], // full-width plus and ideographic spaces
    ['٠٩٠-١٢٣٤-٥٦٧٨', 'JP', '+819012345678'], // Arabic-Indic
    ['+۱ ۶۵۰ ۲۵۳ ۰۰۰۰', 'US', '+16502530000'], // Extended Arabic-Indic (Persian)
    ['+१ ६५० २५३ ००००', 'US', '+16502530000'], // Devanagari: unknown to libphonenumber, mapped here
    ['+1 650\u2013253\u20130000', 'US', '+16502530000'], // en dashes
    ['(𝟒𝟏𝟓) 𝟓𝟓𝟓-𝟐𝟔𝟕𝟏', 'US', '+14155552671'], // mathematical bold digits
  ] as const)('reads %j (default %s) in any digits as %s', (input, country, e164) => {
    expect(parsePhone(input, country)).toEqual({ ok: true, value: e164, e164, extension: null });
  });

  it.each([
    '+1 650 253 0000 ext. 136',
    '+1 650 253 0000 ext 136',
    '+1 650 253 0000 extension 136',
    '+1 650 253 0000 x136',
    '+1 650 253 0000 #136',
    '+16502530000;ext=136',
    'tel:+16502530000;ext=136',
    '(650) 253-0000 ext. １３６',
  ])('keeps the extension of %j: E.164 plus ;ext=', (input) => {
    expect(parsePhone(input, 'US')).toEqual({
      ok: true,
      value: '+16502530000;ext=136',
      e164: '+16502530000',
      extension: '136',
    });
  });

  it('maps every script’s decimal digits to ASCII and leaves other text alone', () => {
    expect(asciiDigits('٠١٢٣٤٥٦٧٨٩ ०९ ０９ 𝟎𝟗𝟘𝟡𝟿 abc-+')).toBe('0123456789 09 09 09099 abc-+');
  });

  it.each([['12'], ['not a phone'], ['call 415 555 2671'], ['+1 415 555 2671 ext'], ['555-0000-0000-0000']])(
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
    expect(formatPhoneNational('+16502530000;ext=136')).toBe('(650) 253-0000 ext. 136');
    expect(formatPhoneInternational('+16502530000;ext=136')).toBe('+1 650 253 0000 ext. 136');
    expect(phoneUri('+16502530000;ext=136')).toBe('tel:+16502530000;ext=136');
  });
});
