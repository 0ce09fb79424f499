import { parse, type Token } from '@messageformat/parser';
import { messageArgumentNames } from '../../common/icu-messages';

/** A catalog as written: ICU messages, possibly in groups (the web's namespaces nest them). */
export type MessageTree = { readonly [key: string]: string | MessageTree };

/** Every message of a catalog by its dotted key (`grid.count`). */
export function flattenMessages(node: MessageTree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [inner, text] of flattenMessages(value, path)) entries.set(inner, text);
  }
  return entries;
}

/** Every plural (or select) of a message, with the names of its cases, found in the parsed ICU. */
function choicesOf(tokens: Token[]): { type: string; arg: string; keys: string[] }[] {
  return tokens.flatMap((token) =>
    token.type === 'plural' || token.type === 'select' || token.type === 'selectordinal'
      ? [
          { type: token.type, arg: token.arg, keys: token.cases.map((item) => item.key) },
          ...token.cases.flatMap((item) => choicesOf(item.tokens)),
        ]
      : [],
  );
}

/** The message's problems as ICU: a parse error, or a plural without exactly the language's categories. */
export function icuProblems(text: string, language: string): string[] {
  let tokens: Token[];
  try {
    tokens = parse(text, { strict: false });
  } catch (error) {
    return [`is not ICU MessageFormat (${(error as Error).message})`];
  }
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  return choicesOf(tokens)
    .filter((choice) => choice.type === 'plural')
    .flatMap((choice) => {
      // Exact values (`=0`) may come on top; the categories must be exactly the language's (CLDR).
      const named = choice.keys.filter((key) => !key.startsWith('='));
      const same =
        named.length === categories.length && categories.every((category) => named.includes(category));
      return same
        ? []
        : [`plural of {${choice.arg}} has ${named.join(' ')}, ${language} has ${categories.join(' ')}`];
    });
}

/**
 * What a translation of `english` lacks or has too many of, as lines "`label`: problem key": a
 * missing or empty message, one that is not ICU, a plural without exactly the language's
 * categories (Intl.PluralRules: Arabic's zero, one, two, few, many and other), arguments other
 * than the English message's, a key English does not have.
 */
export function translationProblems(
  english: MessageTree,
  translated: MessageTree,
  language: string,
  label: string,
): string[] {
  const problems: string[] = [];
  const source = flattenMessages(english);
  const target = flattenMessages(translated);
  for (const [key, text] of source) {
    const words = target.get(key);
    if (words === undefined) {
      problems.push(`${label}: missing ${key}`);
      continue;
    }
    if (words.trim() === '') problems.push(`${label}: empty ${key}`);
    const icu = icuProblems(words, language);
    for (const problem of icu) problems.push(`${label}: ${key} ${problem}`);
    if (icu.length > 0) continue;
    const want = messageArgumentNames(text).sort();
    const have = messageArgumentNames(words).sort();
    if (want.join() !== have.join()) {
      problems.push(
        `${label}: arguments of ${key} are {${have.join('} {')}}, English has {${want.join('} {')}}`,
      );
    }
  }
  for (const key of target.keys()) {
    if (!source.has(key)) problems.push(`${label}: extra ${key}`);
  }
  return problems;
}

/** The problems of English messages themselves: each must be ICU with English's plural categories. */
export function englishProblems(english: MessageTree, label: string): string[] {
  return [...flattenMessages(english)].flatMap(([key, text]) =>
    icuProblems(text, 'en').map((problem) => `${label}: ${key} ${problem}`),
  );
}
