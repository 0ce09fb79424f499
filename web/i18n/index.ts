import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
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
 * Plural forms are i18next's own (`_zero` … `_other`, chosen by `Intl.PluralRules`, CLDR: Arabic's
 * six). Gender: Atrium keeps none for a person, so no sentence may need one — a sentence about a
 * third person is worded without agreement ("Toutes les sessions de {{name}} ont été fermées",
 * not "a été déconnecté"); were a gender field added, i18next's `context` (`key_female`) selects.
 */
export const i18n = i18next.createInstance();

function isolateInRightToLeft(value: string): string {
  return textDirection(i18n.language) === 'rtl' ? `\u2068${value}\u2069` : value;
}

void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en },
  ns: Object.keys(en),
  defaultNS: 'common',
  initAsync: false,
  // React escapes what it renders, so "escaping" a value here only isolates it in right-to-left
  // text: a name, address, phone number or subject placed in an Arabic sentence keeps its own
  // order and punctuation (U+2068 … U+2069, the plain-text <bdi>, invisible on screen).
  interpolation: { escapeValue: true, escape: isolateInRightToLeft },
  returnNull: false,
  // A translation that arrives after its page rendered (a lazy namespace) re-renders the page.
  react: { bindI18nStore: 'added' },
});

const translations = import.meta.glob<Record<string, Translation>>(['./de/*.ts', './fr/*.ts', './ar/*.ts']);

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
    i18n.addResourceBundle(language, namespace, strings);
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
  if (!i18n.hasResourceBundle('en', namespace)) i18n.addResourceBundle('en', namespace, strings);
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
