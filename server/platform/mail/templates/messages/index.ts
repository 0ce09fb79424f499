import { ar } from './ar';
import { type CompiledWords, compileMailMessage } from './compile';
import { de } from './de';
import { en, type Messages } from './en';
import { fr } from './fr';

export { type CompiledWords, isolate, type MailMessage, textDirectionOf } from './compile';

/**
 * The languages of the system emails, with their frame's words. To add a language, add `xx.ts`
 * exporting a `Partial<Messages>` and list it here, and give the features' emails their words in
 * it (untranslated entries fall back to English).
 */
const catalogs: Record<string, Partial<Messages>> = {
  en,
  de,
  fr,
  ar,
};

export type { Messages };

/** A catalog's words: one ICU message per key. */
export type MailWords = Record<string, string>;

/**
 * One set of words in every language that has them: English complete (the reference), the others
 * `Partial` for the type (an entry they lack falls back to English; the catalogs' test wants
 * every one). The frame's words are one; each feature's emails bring another (`registerMailTemplate`).
 */
export type MailCatalogs<M extends MailWords> = { en: M; [language: string]: Partial<M> | undefined };

/**
 * The languages to layer for a recipient, most specific first: `language` ("de-CH" → "de-CH",
 * then "de") where the emails have words for it; without any, the same for `fallback`, the
 * recipient's locale; empty for English. The first is what `Content-Language` and `lang` say.
 */
export function languageChain(language: string | null | undefined, fallback?: string | null): string[] {
  let chain = localeCandidates(language).filter((tag) => catalogs[tag]);
  // A language without a catalog: the locale's language, then English.
  if (chain.length === 0) chain = localeCandidates(fallback).filter((tag) => catalogs[tag]);
  return chain;
}

/**
 * A catalog's words for a chain of `languageChain`, entry by entry: the most specific language's
 * message, compiled with that language's plural rules (English's for an entry only English has).
 */
export function wordsFor<M extends MailWords>(
  catalog: MailCatalogs<M>,
  chain: readonly string[],
): CompiledWords<M> {
  const words: Record<string, unknown> = {};
  for (const [key, english] of Object.entries(catalog.en)) {
    const language = chain.find((tag) => catalog[tag]?.[key] !== undefined) ?? 'en';
    words[key] = compileMailMessage(catalog[language]?.[key] ?? english, language);
  }
  return words as CompiledWords<M>;
}

/**
 * The frame's messages for `language` (see `languageChain`), entry by entry, and the tag of the
 * most specific catalog used: what the email's `Content-Language` and `lang` say.
 */
export function messagesFor(
  language: string | null | undefined,
  fallback?: string | null,
): { messages: CompiledWords<Messages>; language: string } {
  const chain = languageChain(language, fallback);
  return { messages: wordsFor({ en, ...catalogs }, chain), language: chain[0] ?? 'en' };
}

function localeCandidates(locale: string | null | undefined): string[] {
  if (!locale) return [];
  const normalized = locale.replace(/_/g, '-').trim();
  const parts = normalized.split('-').filter(Boolean);
  const candidates: string[] = [];
  for (let i = parts.length; i > 0; i--) {
    const tag = parts.slice(0, i).join('-');
    const [language = '', ...rest] = tag.split('-');
    candidates.push(
      [language.toLowerCase(), ...rest.map((part) => (part.length === 2 ? part.toUpperCase() : part))].join(
        '-',
      ),
    );
  }
  return candidates;
}

/** `locale` if Intl knows it, else English: used only for formatting dates and numbers. */
export function formattingLocale(locale: string | null | undefined): string {
  if (!locale) return 'en';
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale.replace(/_/g, '-')])[0] ?? 'en';
  } catch {
    return 'en';
  }
}
