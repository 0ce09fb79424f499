import {
  messageArgumentNames,
  messageFormatFor,
  placedArgumentNames,
} from '../../../../../common/icu-messages';

/** The values of a message's arguments: text, a number (for a plural) or a flag (for a select). */
export type MessageValues = Record<string, string | number | boolean>;

/** An email's message, compiled from ICU MessageFormat: its arguments' values in, the words out. */
export type MailMessage = (values?: MessageValues) => string;

/** A catalog of ICU sources, compiled: one function per key. */
export type CompiledWords<M> = { readonly [K in keyof M]: MailMessage };

/** Languages written right to left: the values placed in their sentences are isolated. */
const rightToLeft: ReadonlySet<string> = new Set(['ar']);

export function textDirectionOf(language: string): 'ltr' | 'rtl' {
  return rightToLeft.has(language.split('-')[0] ?? language) ? 'rtl' : 'ltr';
}

/**
 * A name, address, title or date placed in right-to-left text, isolated (U+2068 … U+2069, the
 * plain-text `<bdi>`) so Latin words and their punctuation keep their order in the sentence.
 */
export const isolate = (value: string) => `\u2068${value}\u2069`;

const formats = new Map<string, ReturnType<typeof messageFormatFor>>();
const compiled = new Map<string, MailMessage>();

function formatFor(language: string) {
  let format = formats.get(language);
  if (!format) {
    format = messageFormatFor(language);
    formats.set(language, format);
  }
  return format;
}

/**
 * `source`, an ICU message (`{count, plural, one {# hour} other {# hours}}`, `{isNew, select, true
 * {…} other {…}}`, `{name}`), compiled by @messageformat/core with `language`'s plural rules (CLDR:
 * Arabic's zero, one, two, few, many and other) when first used, then kept. In a right-to-left
 * language every text value the message places in its sentence is isolated; the values it chooses
 * a case by are not. Throws when `source` is not ICU, and (a programming error) when the message is
 * called without one of its arguments.
 */
export function compileMailMessage(source: string, language: string): MailMessage {
  const key = `${language}\u0000${source}`;
  const known = compiled.get(key);
  if (known) return known;
  const format = formatFor(language).compile(source);
  const names = messageArgumentNames(source);
  const placed = textDirectionOf(language) === 'rtl' ? placedArgumentNames(source) : [];
  const message: MailMessage = (values = {}) => {
    const missing = names.filter((name) => values[name] === undefined);
    if (missing.length > 0) throw new Error(`The message "${source}" needs {${missing.join('}, {')}}.`);
    if (placed.length === 0) return format(values);
    const isolated: MessageValues = { ...values };
    for (const name of placed) {
      const value = values[name];
      if (typeof value === 'string') isolated[name] = isolate(value);
    }
    return format(isolated);
  };
  compiled.set(key, message);
  return message;
}
