import { parse, type Token } from '@messageformat/parser';
import { describe, expect, it } from 'vitest';
import { interfaceLanguages } from '../../common/settings';
import { messageArgumentNames } from '../../scripts/icu-catalogs';
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

function flatten(node: Translation, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [inner, text] of flatten(value, path)) entries.set(inner, text);
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
function icuProblems(text: string, language: string): string[] {
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
 * What one language lacks or has too many of, as lines "language namespace: problem key": the
 * to-do list when new English keys arrive. Every message is ICU MessageFormat with the English
 * one's arguments, and each plural has exactly the language's categories (Intl.PluralRules:
 * Arabic's zero, one, two, few, many and other).
 */
function problemsOf(language: string): string[] {
  const problems: string[] = [];
  for (const [namespace, catalog] of Object.entries(english)) {
    const module = translationFiles[`./${language}/${fileOf(namespace)}.ts`];
    const translated = module?.[namespace];
    if (!translated) {
      problems.push(`${language} ${namespace}: no file web/i18n/${language}/${fileOf(namespace)}.ts`);
      continue;
    }
    const source = flatten(catalog);
    const target = flatten(translated);
    for (const [key, text] of source) {
      const words = target.get(key);
      if (words === undefined) {
        problems.push(`${language} ${namespace}: missing ${key}`);
        continue;
      }
      if (words.trim() === '') problems.push(`${language} ${namespace}: empty ${key}`);
      const icu = icuProblems(words, language);
      for (const problem of icu) problems.push(`${language} ${namespace}: ${key} ${problem}`);
      if (icu.length > 0) continue;
      const want = messageArgumentNames(text).sort();
      const have = messageArgumentNames(words).sort();
      if (want.join() !== have.join()) {
        problems.push(
          `${language} ${namespace}: arguments of ${key} are {${have.join('} {')}}, English has {${want.join('} {')}}`,
        );
      }
    }
    for (const key of target.keys()) {
      if (!source.has(key)) problems.push(`${language} ${namespace}: extra ${key}`);
    }
  }
  return problems;
}

describe('the translations (de, fr, ar) of the English catalog', () => {
  it('has English messages that are ICU MessageFormat with English plural categories', () => {
    const problems = Object.entries(english).flatMap(([namespace, catalog]) =>
      [...flatten(catalog)].flatMap(([key, text]) =>
        icuProblems(text, 'en').map((problem) => `en ${namespace}: ${key} ${problem}`),
      ),
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
    // Not in any translation: English answers.
    i18n.addResourceBundle('en', 'common', { onlyInEnglish: 'English words' }, true);
    expect(i18n.t('common:onlyInEnglish' as 'actions.save')).toBe('English words');
    await switchLanguage('en');
    expect(i18n.t('common:actions.save')).toBe('Save');
  });
});
