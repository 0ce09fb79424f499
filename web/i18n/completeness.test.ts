import { afterAll, describe, expect, it } from 'vitest';
import { interfaceLanguages } from '../../common/settings';
import { englishProblems, translationProblems } from '../../tests/helpers/icu-catalogs';
import { en } from './en';
import { access } from './en/access';
import { activities } from './en/activities';
import { apiKeys } from './en/api-keys';
import { audit } from './en/audit';
import { calendar } from './en/calendar';
import { customFields } from './en/custom-fields';
import { emailTemplates } from './en/email-templates';
import { errors } from './en/errors';
import { mail } from './en/mail';
import { organizations } from './en/organizations';
import { passwords } from './en/passwords';
import { settings } from './en/settings';
import { tasks } from './en/tasks';
import { users } from './en/users';
import { i18n, switchLanguage } from './index';
import { interfaceLanguageTags } from './languages';
import { lazyNamespaces } from './lazy-namespaces';
import type { Translation } from './translation';

/** Every English namespace, the start-up ones and those of lazily loaded pages. */
const english: Record<string, Translation> = {
  ...en,
  ...lazyNamespaces,
  access,
  activities,
  apiKeys,
  audit,
  calendar,
  customFields,
  emailTemplates,
  errors,
  mail,
  organizations,
  passwords,
  settings,
  tasks,
  users,
};

const languages = ['de', 'fr', 'ar'] as const;
const translationFiles = import.meta.glob<Record<string, Translation>>(
  ['./de/*.ts', './fr/*.ts', './ar/*.ts'],
  {
    eager: true,
  },
);
const fileOf = (namespace: string) => namespace.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/**
 * What one language lacks or has too many of, as lines "language namespace: problem key": the
 * to-do list when new English keys arrive. Every message is ICU MessageFormat with the English
 * one's arguments, and each plural has exactly the language's categories (Intl.PluralRules:
 * Arabic's zero, one, two, few, many and other).
 */
function problemsOf(language: string): string[] {
  return Object.entries(english).flatMap(([namespace, catalog]) => {
    const module = translationFiles[`./${language}/${fileOf(namespace)}.ts`];
    const translated = module?.[namespace];
    if (!translated)
      return [`${language} ${namespace}: no file web/i18n/${language}/${fileOf(namespace)}.ts`];
    return translationProblems(catalog, translated, language, `${language} ${namespace}`);
  });
}

describe('the translations (de, fr, ar) of the English catalog', () => {
  // English again for the files that run after this one in the worker, even after a failure.
  afterAll(() => switchLanguage('en'));
  it('has English messages that are ICU MessageFormat with English plural categories', () => {
    const problems = Object.entries(english).flatMap(([namespace, catalog]) =>
      englishProblems(catalog, `en ${namespace}`),
    );
    expect(problems).toEqual([]);
  });

  it.each(languages)(
    '%s has every key of every namespace, as ICU with the English arguments and its own plural categories, and no other',
    (language) => {
      expect(problemsOf(language)).toEqual([]);
    },
  );

  it('covers exactly the Language setting’s values', () => {
    expect(interfaceLanguages.map((language) => language.value)).toEqual([...interfaceLanguageTags]);
    expect(['en', ...languages]).toEqual([...interfaceLanguageTags]);
  });

  it('has a file per language for every English namespace and no file without one', () => {
    const namespaceFiles = new Set(Object.keys(english).map(fileOf));
    const strays = Object.keys(translationFiles).filter(
      (path) => !namespaceFiles.has(path.replace(/^\.\/\w+\/(.+)\.ts$/, '$1')),
    );
    expect(strays).toEqual([]);
  });

  it('switches language with its plural rules and falls back to English for a missing key', async () => {
    await import('./lazy/tasks');
    await import('./lazy/activities');
    await switchLanguage('ar');
    expect(i18n.language).toBe('ar');
    const counts = [0, 1, 2, 3, 11, 100].map((count) => i18n.t('tasks:grid.count', { count }));
    expect(new Set(counts).size).toBe(6);
    expect(i18n.t('common:actions.save')).not.toBe('Save');
    // A value inside right-to-left text is isolated, so "+49 30 1234" or a Latin name keeps its order.
    expect(i18n.t('activities:actions.callNumber', { phone: '+49 30 1234' })).toBe(
      'الاتصال بـ \u2068+49 30 1234\u2069',
    );
    await switchLanguage('fr');
    expect(i18n.t('activities:actions.callNumber', { phone: '+33 1 23' })).toBe('Appeler le +33 1 23');
    expect(i18n.t('tasks:grid.count', { count: 2 })).toMatch(/^2 /);
    // Not in any translation: English answers. (A namespace of its own, removed after: the
    // catalogs' objects are shared with the files that run after this one in the worker.)
    i18n.addResourceBundle('en', 'fallbackCheck', { onlyInEnglish: 'English words' });
    expect(i18n.t('fallbackCheck:onlyInEnglish' as 'actions.save')).toBe('English words');
    i18n.removeResourceBundle('en', 'fallbackCheck');
    await switchLanguage('en');
    expect(i18n.t('common:actions.save')).toBe('Save');
  });
});
