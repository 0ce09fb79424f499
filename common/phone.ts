import { type CountryCode, getCountries, parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * Phone numbers: stored and sent in E.164 (`+14155552671`), typed however people write them
 * (`(415) 555-2671`, `030 1234567`, `+49 30 1234567`), shown in the national format of the
 * number's country. Parsing and validation by libphonenumber-js (Google's libphonenumber data).
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

export type PhoneParseResult = { ok: true; e164: string } | { ok: false; message: string };

/** Parses a typed number; `defaultCountry` applies when it has no `+` country code. */
export function parsePhone(input: string, defaultCountry: CountryCode): PhoneParseResult {
  const text = input.trim();
  if (text === '') return { ok: false, message: 'Enter a phone number.' };
  // No extensions: E.164 has none, and dropping one silently would lose what the person typed.
  if (!/^[+\d\s().\-/]+$/.test(text)) {
    return {
      ok: false,
      message: 'A phone number can contain only digits, spaces, +, -, ., / and parentheses.',
    };
  }
  const parsed = parsePhoneNumberFromString(text, defaultCountry);
  if (!parsed?.isValid()) {
    return {
      ok: false,
      message: text.startsWith('+')
        ? 'This is not a valid phone number.'
        : `This is not a valid phone number for ${defaultCountry}. Start international numbers with + and the country code.`,
    };
  }
  return { ok: true, e164: parsed.number };
}

/** An E.164 number in its country's national format (`(415) 555-2671`); unparseable input unchanged. */
export function formatPhoneNational(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatNational() : e164;
}

/** An E.164 number in international format (`+1 415 555 2671`). */
export function formatPhoneInternational(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatInternational() : e164;
}

/** A `tel:` URI for a stored number. */
export function phoneUri(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.getURI() : `tel:${e164.replace(/[^+\d]/g, '')}`;
}
