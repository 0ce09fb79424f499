import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { icuFormat } from './icu-format';
import { type InterfaceLanguage, textDirection } from './languages';
import type { Translation } from './translation';

/**
 * The SPA's one i18next instance, initialized synchronously with the bundled English catalog.
 * Other languages (web/i18n/<language>/<namespace>.ts) are loaded lazily, one file per language
 * and namespace, when that language is chosen (`switchLanguage`) and when a lazily loaded page
 * registers its namespace (`addNamespace`): English stays the only text in the first download,
 * and the fallback for anything a translation lacks. Import this module once, before the first
 * render (web/main.tsx); components call `useTranslation('<ns>')`.
 *
 * Messages are ICU MessageFormat (icu-format.ts), compiled at build time: a message chooses its
 * own plural form (`{count, plural, one {…} other {…}}`, CLDR's categories: Arabic's six) and,
 * were a person's gender known, its agreement (`{gender, select, female {…} other {…}}`). Atrium
 * keeps no gender for a person, so no sentence may need one — a sentence about a third person is
 * worded without agreement ("Toutes les sessions de {name} ont été fermées", not "a été
 * déconnecté").
 */
export const i18n = i18next.createInstance();

void i18n
  .use(initReactI18next)
  .use(icuFormat)
  .init({
    lng: 'en',
    fallbackLng: 'en',
    resources: { en },
    ns: Object.keys(en),
    defaultNS: 'common',
    initAsync: false,
    // icuFormat fills the arguments and isolates them in right-to-left text; React escapes what it renders.
    returnNull: false,
    // A translation that arrives after its page rendered (a lazy namespace) re-renders the page.
    react: { bindI18nStore: 'added' },
  });

const translations = import.meta.glob<Record<string, Translation>>(['./de/*.ts', './fr/*.ts', './ar/*.ts']);

/**
 * Bundles are added as they are: by default i18next copies one through JSON, which would drop the
 * compiled messages (functions).
 */
const COMPILED = { skipCopy: true };

/** calendarSharing → calendar-sharing: the file a namespace lives in. */
function fileOf(namespace: string): string {
  return namespace.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** The language being switched to, so a namespace registered meanwhile is loaded in it too. */
let targetLanguage: string = i18n.language;

async function loadNamespace(language: string, namespace: string): Promise<void> {
  if (language === 'en' || i18n.hasResourceBundle(language, namespace)) return;
  const load = translations[`./${language}/${fileOf(namespace)}.ts`];
  // No translation file: the namespace reads in English (fallbackLng).
  if (!load) return;
  const strings = (await load())[namespace];
  if (strings && !i18n.hasResourceBundle(language, namespace)) {
    i18n.addResourceBundle(language, namespace, strings, false, false, COMPILED);
  }
}

function registeredNamespaces(): string[] {
  return Object.keys(i18n.store.data.en ?? {});
}

/**
 * Loads `language`'s translations of every namespace registered so far, then makes it the
 * interface language: every `useTranslation` re-renders, and the document's `lang` and `dir`
 * follow (below). A file that fails to load leaves its namespace in English.
 */
export async function switchLanguage(language: InterfaceLanguage): Promise<void> {
  targetLanguage = language;
  await Promise.allSettled(registeredNamespaces().map((namespace) => loadNamespace(language, namespace)));
  if (targetLanguage !== language) return;
  await i18n.changeLanguage(language);
}

/**
 * Registers a lazily loaded page's English namespace (web/i18n/lazy/) and loads its translation
 * in the current language; the page re-renders when it arrives (`bindI18nStore: 'added'`).
 */
export function addNamespace(namespace: string, strings: Translation): void {
  if (!i18n.hasResourceBundle('en', namespace)) {
    i18n.addResourceBundle('en', namespace, strings, false, false, COMPILED);
  }
  for (const language of new Set([i18n.language, targetLanguage])) {
    void loadNamespace(language, namespace).catch(() => undefined);
  }
}

function applyToDocument(language: string): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language;
  document.documentElement.dir = textDirection(language);
}

i18n.on('languageChanged', applyToDocument);
