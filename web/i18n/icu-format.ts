import type { i18n as I18n } from 'i18next';
import { textDirection } from './languages';

/**
 * A catalog message compiled from ICU MessageFormat (`{count, plural, one {…} other {…}}`,
 * `{gender, select, …}`, `{name}`) by @messageformat/core: at build time by the Vite plugin of
 * scripts/icu-catalogs.ts, which turns every string of web/i18n/<language>/*.ts into one, so the
 * browser downloads neither the parser nor the compiler, only @messageformat/runtime's plural
 * rules (CLDR: Arabic's zero, one, two, few, many and other). A message of the errors namespace
 * carries the names of its arguments (`argumentNames`), which error-text.ts needs; a message with
 * a select, the names it chooses by (`selectNames`), which stay out of right-to-left isolation.
 */
export type CompiledMessage = ((values?: Record<string, unknown>) => string) & {
  argumentNames?: readonly string[];
  selectNames?: readonly string[];
};

/** How a message still in ICU source is compiled and read: only where no build step ran (the tests). */
export type MessageCompiler = {
  compile(source: string, language: string): CompiledMessage;
  argumentNames(source: string): string[];
  selectNames(source: string): string[];
};

let sourceCompiler: MessageCompiler | undefined;
const compiledSources = new Map<string, CompiledMessage>();

/**
 * Sets the compiler for catalog strings that arrive uncompiled: the test run's setup
 * (tests/setup/icu-messages.ts), where Vitest loads the catalogs as written. The same library and
 * options as the build, so a message reads the same in the tests and in the browser.
 */
export function setSourceCompiler(compiler: MessageCompiler): void {
  sourceCompiler = compiler;
}

function compiled(message: unknown, language: string): CompiledMessage | undefined {
  if (typeof message === 'function') return message as CompiledMessage;
  if (typeof message !== 'string' || !sourceCompiler) return undefined;
  const key = `${language}\u0000${message}`;
  let result = compiledSources.get(key);
  if (!result) {
    result = sourceCompiler.compile(message, language);
    compiledSources.set(key, result);
  }
  return result;
}

/** The names of a catalog message's arguments (`{name}`, a plural's or select's), compiled or not. */
export function messageArgumentNames(message: unknown): readonly string[] {
  if (typeof message === 'function') return (message as CompiledMessage).argumentNames ?? [];
  if (typeof message === 'string') return sourceCompiler?.argumentNames(message) ?? [];
  return [];
}

/** The names a message's selects choose by (`{status, select, …}`), compiled or not. */
function selectNamesOf(message: unknown): readonly string[] {
  if (typeof message === 'function') return (message as CompiledMessage).selectNames ?? [];
  if (typeof message === 'string') return sourceCompiler?.selectNames(message) ?? [];
  return [];
}

/**
 * A value placed in right-to-left text is isolated (U+2068 … U+2069, the plain-text `<bdi>`,
 * invisible on screen): a name, address, phone number or subject in an Arabic sentence keeps its
 * own order and punctuation. Numbers stay numbers, for the plural rules to choose by them, and a
 * select's value stays as it is, for the select to find its case.
 */
function isolatedValues(
  values: Record<string, unknown>,
  language: string,
  message: unknown,
): Record<string, unknown> {
  if (textDirection(language) !== 'rtl') return values;
  const selects = selectNamesOf(message);
  const isolated: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    isolated[name] = typeof value === 'string' && !selects.includes(name) ? `\u2068${value}\u2069` : value;
  }
  return isolated;
}

/**
 * The i18next module that formats messages as ICU: the catalog holds one message per key (no
 * `_one`/`_other` keys: the message chooses its plural form itself), formatted with the options
 * of `t()` as its arguments. A default value (the server's `detail` for an uncatalogued code) is
 * plain text, returned as it is.
 */
export const icuFormat = {
  type: 'i18nFormat' as const,
  init(_instance: I18n): void {},
  parse(
    message: unknown,
    options: Record<string, unknown>,
    language: string,
    _namespace: string,
    _key: string,
    info?: { resolved?: { res?: unknown } },
  ): unknown {
    // Not the catalog's message (a default value): plain text.
    if (info?.resolved?.res !== message) return message;
    const format = compiled(message, language);
    return format ? format(isolatedValues(options, language, message)) : message;
  },
  addLookupKeys(): void {},
  // `t(key, { returnObjects: true })` of a group of messages formats each of them.
  handleAsObject: true,
};
