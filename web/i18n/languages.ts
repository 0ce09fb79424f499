/**
 * The interface languages (the `localization.language` setting's values, common/settings.ts) and
 * how the SPA picks one before the settings are known: the device's last choice (localStorage),
 * else the browser's preferred languages (`navigator.languages`), else English.
 */
export const interfaceLanguageTags = ['en', 'de', 'fr', 'ar'] as const;

export type InterfaceLanguage = (typeof interfaceLanguageTags)[number];

/** Languages written right to left: the document gets `dir="rtl"` and Mantine mirrors its layout. */
const rightToLeft: ReadonlySet<string> = new Set(['ar']);

export function textDirection(language: string): 'ltr' | 'rtl' {
  return rightToLeft.has(language) ? 'rtl' : 'ltr';
}

/** The interface language a BCP 47 tag asks for ("de-CH" → de), if Atrium has it. */
export function interfaceLanguageOf(tag: string | null | undefined): InterfaceLanguage | undefined {
  const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return interfaceLanguageTags.find((language) => language === base);
}

/** localStorage key of the device's last language: the sign-in page after sign-out speaks it. */
export const LANGUAGE_STORAGE_KEY = 'atrium.language';

export function rememberLanguage(language: InterfaceLanguage): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage refused (private mode, quota): the choice holds for this page only.
  }
}

/** The device's remembered language, else the first of the browser's languages Atrium has, else English. */
export function deviceLanguage(): InterfaceLanguage {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    stored = null;
  }
  const remembered = interfaceLanguageOf(stored);
  if (remembered) return remembered;
  const preferred =
    typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language];
  for (const tag of preferred) {
    const language = interfaceLanguageOf(tag);
    if (language) return language;
  }
  return 'en';
}
