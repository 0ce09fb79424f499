import MessageFormat from '@messageformat/core';
import { parse, type Token } from '@messageformat/parser';

/**
 * ICU MessageFormat as Atrium reads it, for the server (the emails' catalogs), the web build step
 * (scripts/icu-catalogs.ts) and the tests. Not for the browser bundle: the parser and compiler cost
 * about 15 KB, so the browser gets the web catalogs compiled at build time instead.
 */

/** One MessageFormat per language, with the options every compiler of a catalog uses. */
export function messageFormatFor(language: string): MessageFormat<'string'> {
  // Not strict: an apostrophe quotes only before a brace or `#` ("it's" is literal), as translators
  // expect; the completeness checks compare every language's arguments with English.
  return new MessageFormat<'string'>(language, { strict: false });
}

/** Every argument of a message: `{name}` placeholders, and the values a plural or select chooses by. */
function visitArguments(
  tokens: Token[],
  found: { placeholders: Set<string>; choosers: Set<string>; selects: Set<string>; all: Set<string> },
): void {
  for (const token of tokens) {
    if (token.type === 'argument' || token.type === 'function') {
      found.all.add(token.arg);
      found.placeholders.add(token.arg);
    }
    if (token.type === 'plural' || token.type === 'select' || token.type === 'selectordinal') {
      found.all.add(token.arg);
      found.choosers.add(token.arg);
      if (token.type === 'select') found.selects.add(token.arg);
      for (const item of token.cases) visitArguments(item.tokens, found);
    }
  }
}

function argumentsOf(source: string) {
  const found = {
    placeholders: new Set<string>(),
    choosers: new Set<string>(),
    selects: new Set<string>(),
    all: new Set<string>(),
  };
  visitArguments(parse(source, { strict: false }), found);
  return found;
}

/**
 * The names of the arguments of an ICU message, in order of first use (a plural's, a select's, a
 * `{name}`). Throws the parser's error when `source` is not ICU MessageFormat.
 */
export function messageArgumentNames(source: string): string[] {
  return [...argumentsOf(source).all];
}

/**
 * The arguments a message chooses a select case by (`{status, select, …}`): text that must reach
 * the message as it is, never isolated (a plural's are numbers, which nothing isolates). Throws as
 * `messageArgumentNames`.
 */
export function selectArgumentNames(source: string): string[] {
  return [...argumentsOf(source).selects];
}

/**
 * The arguments a message only places in its text (`{name}`), never chooses a plural or select case
 * by: in right-to-left text these are isolated (U+2068 … U+2069), which a chooser must not be, or
 * `{status, select, accepted {…}}` would match no case. Throws as `messageArgumentNames`.
 */
export function placedArgumentNames(source: string): string[] {
  const { placeholders, choosers } = argumentsOf(source);
  return [...placeholders].filter((name) => !choosers.has(name));
}
