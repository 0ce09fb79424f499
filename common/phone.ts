import { type CountryCode, getCountries, parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * Phone numbers: stored and sent in E.164 (`+14155552671`), with an extension in RFC 3966's form
 * (`+16502530000;ext=136`, the `tel:` URI without its scheme), typed however people write them
 * (`(415) 555-2671`, `030 1234567`, `+49 30 1234567`, `０９０－１２３４－５６７８` from a Japanese
 * input method, Arabic-Indic or any other Unicode digits, `+1 650 253 0000 ext. 136`), shown in
 * the national format of the number's country. Parsing and validation by libphonenumber-js
 * (Google's libphonenumber data).
 */

const countries = new Set<string>(getCountries());

/** The region of a locale (`de-DE` → `DE`), used for numbers typed without `+`; `US` otherwise. */
export function defaultPhoneCountry(locale: string | null | undefined): CountryCode {
  if (locale) {
    try {
      const region = new Intl.Locale(locale).maximize().region;
      if (region && countries.has(region)) return region as CountryCode;
    } catch {
      // not a valid locale tag: fall through
    }
  }
  return 'US';
}

export type PhoneParseResult =
  | {
      ok: true;
      /** What is stored and sent: E.164, plus `;ext=<digits>` when the number has an extension. */
      value: string;
      /** The number alone, E.164. */
      e164: string;
      /** The extension's digits, or null. */
      extension: string | null;
    }
  | {
      ok: false;
      message: string;
      /** Why, for an error's `meta` (common/error-particulars.ts: phone_invalid); `country` with invalid_for_country. */
      reason: 'required' | 'characters' | 'invalid' | 'invalid_for_country';
      country?: CountryCode;
    };

/**
 * Dashes people and input methods type between digit groups (hyphen, non-breaking hyphen, figure,
 * en and em dash, minus sign): all read as `-`.
 */
const DASHES = /[\u2010-\u2015\u2212\u30FC]/g;
/** A number, then optionally an extension as libphonenumber reads them (`ext.`, `x`, `#`, `;ext=`). */
const PHONE_SHAPE = /^(?:tel:)?[+\d\s().\-/]+(?:(?:;ext=|\s*(?:ext\.?|extension|x|#)\s*)\d{1,20})?$/i;

/**
 * Parses a typed number; `defaultCountry` applies when it has no `+` country code. The text is
 * first brought to ASCII: compatibility forms (NFKC: full-width digits, `＋`, `－`, `（`) and the
 * decimal digits of every script (Unicode `Nd`: Arabic-Indic, Devanagari …) become `0`–`9`.
 */
export function parsePhone(input: string, defaultCountry: CountryCode): PhoneParseResult {
  const text = asciiDigits(input.normalize('NFKC')).replace(DASHES, '-').trim();
  if (text === '') return { ok: false, message: 'Enter a phone number.', reason: 'required' };
  // Letters are refused rather than skipped: the parser would find a number inside any text.
  if (!PHONE_SHAPE.test(text)) {
    return {
      ok: false,
      message:
        'A phone number can contain only digits, spaces, +, -, ., / and parentheses, and an extension (ext. 123).',
      reason: 'characters',
    };
  }
  const parsed = parsePhoneNumberFromString(text, defaultCountry);
  if (!parsed?.isValid()) {
    return text.startsWith('+')
      ? { ok: false, message: 'This is not a valid phone number.', reason: 'invalid' }
      : {
          ok: false,
          message: `This is not a valid phone number for ${defaultCountry}. Start international numbers with + and the country code.`,
          reason: 'invalid_for_country',
          country: defaultCountry,
        };
  }
  const extension = parsed.ext ? String(parsed.ext) : null;
  return {
    ok: true,
    value: extension ? `${parsed.number};ext=${extension}` : parsed.number,
    e164: parsed.number,
    extension,
  };
}

const DECIMAL_DIGIT = /\p{Nd}/gu;
const IS_DECIMAL_DIGIT = /^\p{Nd}$/u;

/**
 * Every Unicode decimal digit as its ASCII digit. Unicode encodes each script's digits as one
 * contiguous run 0–9 (a stability guarantee), some runs back to back (mathematical digits): the
 * value is the distance from the start of the block of runs, modulo 10.
 */
export function asciiDigits(text: string): string {
  return text.replace(DECIMAL_DIGIT, (digit) => {
    const code = digit.codePointAt(0) as number;
    if (code <= 0x39) return digit;
    let start = code;
    while (IS_DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
    return String((code - start) % 10);
  });
}

/**
 * A stored number in its country's national format (`(415) 555-2671`, `(650) 253-0000 ext. 136`);
 * unparseable input unchanged.
 */
export function formatPhoneNational(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatNational() : e164;
}

/** A stored number in international format (`+1 415 555 2671`, `+1 650 253 0000 ext. 136`). */
export function formatPhoneInternational(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatInternational() : e164;
}

/** A `tel:` URI for a stored number (RFC 3966, with `;ext=`). */
export function phoneUri(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.getURI() : `tel:${e164.replace(/[^+\d]/g, '')}`;
}
