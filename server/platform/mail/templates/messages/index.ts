import { en, type Messages } from './en';

/**
 * The catalogs by language tag. To add a language, add `xx.ts` exporting a `Partial<Messages>`
 * and list it here; untranslated entries fall back to English.
 */
const catalogs: Record<string, Partial<Messages>> = {
  en,
};

export type { Messages };

/**
 * The messages for `locale` ("de-CH" → "de-CH", then "de", then English), entry by entry, and the
 * locale actually used for formatting dates.
 */
export function messagesFor(locale: string | null | undefined): { messages: Messages; locale: string } {
  const chain = localeCandidates(locale).filter((tag) => catalogs[tag]);
  if (chain.length === 0) return { messages: en, locale: 'en' };
  const layers = chain.reverse().map((tag) => catalogs[tag] as Partial<Messages>);
  return { messages: Object.assign({}, en, ...layers) as Messages, locale: validLocale(locale) };
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
function validLocale(locale: string | null | undefined): string {
  if (!locale) return 'en';
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale.replace(/_/g, '-')])[0] ?? 'en';
  } catch {
    return 'en';
  }
}
