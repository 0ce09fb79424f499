import { describe, expect, it } from 'vitest';
import {
  englishProblems,
  type MessageTree,
  translationProblems,
} from '../../../../tests/helpers/icu-catalogs';
import { renderTemplate, templateNames } from './index';
import { ar } from './messages/ar';
import { de } from './messages/de';
import { en } from './messages/en';
import { fr } from './messages/fr';
import type { MailCatalogs, MailWords } from './messages/index';
import { mailTemplateOf } from './registry';

/** Every feature's email words (their `mail-messages.ts`), loaded with the emails that use them. */
const featureModules = import.meta.glob<Record<string, unknown>>('../../../features/*/mail-messages.ts', {
  eager: true,
});
import.meta.glob('../../../features/*/mail-templates.ts', { eager: true });

const isCatalogs = (value: unknown): value is MailCatalogs<MailWords> =>
  typeof value === 'object' && value !== null && 'en' in value;

/** The catalogs of the emails by where they live: the frame's, then each feature's exports. */
const catalogs: [string, MailCatalogs<MailWords>][] = [
  ['frame', { en, de, fr, ar }],
  ...Object.entries(featureModules).flatMap(([file, module]) =>
    Object.entries(module)
      .filter((entry): entry is [string, MailCatalogs<MailWords>] => isCatalogs(entry[1]))
      .map(([name, catalog]): [string, MailCatalogs<MailWords>] => [`${file} ${name}`, catalog]),
  ),
];

const languages = ['de', 'fr', 'ar'] as const;

describe('the email catalogs (the frame and every feature’s emails)', () => {
  it('are every catalog a registered email uses', () => {
    const used = new Set(templateNames.map((name) => mailTemplateOf(name).messages));
    const found = new Set(catalogs.map(([, catalog]) => catalog));
    expect([...used].filter((catalog) => !found.has(catalog) && Object.keys(catalog.en).length > 0)).toEqual(
      [],
    );
    expect(catalogs.length).toBeGreaterThan(5);
  });

  it('have English messages that are ICU MessageFormat with English plural categories', () => {
    expect(catalogs.flatMap(([label, catalog]) => englishProblems(catalog.en, `en ${label}`))).toEqual([]);
  });

  it.each(languages)(
    '%s has every key, as ICU with the English arguments and its own plural categories, and no other',
    (language) => {
      const problems = catalogs.flatMap(([label, catalog]) =>
        translationProblems(
          catalog.en,
          (catalog[language] ?? {}) as MessageTree,
          language,
          `${language} ${label}`,
        ),
      );
      expect(problems).toEqual([]);
    },
  );
});

describe('an email’s plurals', () => {
  const publicUrl = 'https://crm.example.org';
  const expiry = (language: string, hours: number) =>
    renderTemplate(
      'email-verification',
      { name: 'Ada', email: 'ada@example.com', token: 't', expiresInHours: hours },
      { publicUrl, language },
    ).text;

  it('follow Arabic’s six forms: zero, one, two, few, many, other', () => {
    const sentences = [0, 1, 2, 3, 11, 100].map((hours) => /خلال (.+)\./.exec(expiry('ar', hours))?.[1]);
    expect(sentences).toEqual(['0 ساعة', 'ساعة واحدة', 'ساعتين', '3 ساعات', '11 ساعة', '100 ساعة']);
  });

  it('follow each language’s own rules', () => {
    expect(expiry('en', 1)).toContain('expires in 1 hour.');
    expect(expiry('en', 0)).toContain('expires in 0 hours.');
    expect(expiry('de', 1)).toContain('in 1 Stunde ab.');
    expect(expiry('de', 2)).toContain('in 2 Stunden ab.');
    // French treats 0 and 1 alike (one), unlike English.
    expect(expiry('fr', 0)).toContain('dans 0 heure.');
    expect(expiry('fr', 2)).toContain('dans 2 heures.');
  });

  it('isolate the names placed in Arabic text, not the values a case is chosen by', () => {
    const answer = renderTemplate(
      'invitation-answer',
      { guest: 'Bob <bob@example.com>', guestName: 'Bob', status: 'declined', title: 'Sync', when: 'Monday' },
      { publicUrl, language: 'ar' },
    );
    expect(answer.subject).toBe('\u2068Bob\u2069 رفض: \u2068Sync\u2069 | Atrium');
    expect(answer.text).toContain('\u2068Bob <bob@example.com>\u2069 رفض دعوتك.');
  });
});
