import { ar } from './ar';
import { de } from './de';
import { en, type Messages } from './en';
import { fr } from './fr';

/**
 * The catalogs by language tag. To add a language, add `xx.ts` exporting a `Partial<Messages>`
 * and list it here; untranslated entries fall back to English.
 */
const catalogs: Record<string, Partial<Messages>> = {
  en,
  de,
  fr,
  ar,
};

/** Languages written right to left: their HTML part says `dir="rtl"`. */
const rightToLeft: ReadonlySet<string> = new Set(['ar']);

export function textDirectionOf(language: string): 'ltr' | 'rtl' {
  return rightToLeft.has(language.split('-')[0] ?? language) ? 'rtl' : 'ltr';
}

export type { Messages };

/**
 * The messages for `language` ("de-CH" → "de-CH", then "de"; without a catalog for it, the same
 * for `fallback`, the recipient's locale; then English), entry by entry, and
 * the tag of the most specific catalog used: what the email's `Content-Language` and `lang` say.
 */
export function messagesFor(
  language: string | null | undefined,
  fallback?: string | null,
): { messages: Messages; language: string } {
  let chain = localeCandidates(language).filter((tag) => catalogs[tag]);
  // A language without a catalog: the locale's language, then English.
  if (chain.length === 0) chain = localeCandidates(fallback).filter((tag) => catalogs[tag]);
  if (chain.length === 0) return { messages: en, language: 'en' };
  const used = chain[0] as string;
  const layers = chain.reverse().map((tag) => catalogs[tag] as Partial<Messages>);
  return { messages: Object.assign({}, en, ...layers) as Messages, language: used };
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
