import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';

/**
 * The SPA's one i18next instance, initialized synchronously with the bundled English catalog
 * (no backend, no language detection yet: translations come later and will add both). Import this
 * module once, before the first render (web/main.tsx); components call `useTranslation('<ns>')`.
 */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en },
  ns: Object.keys(en),
  defaultNS: 'common',
  initAsync: false,
  // React escapes what it renders; escaping here too would show "&amp;".
  interpolation: { escapeValue: false },
  returnNull: false,
});
