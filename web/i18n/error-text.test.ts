import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ParticularCode, particularReasons } from '../../common/error-particulars';
import { errors } from './en/errors';
import { errorsWithSpecificDetail } from './error-details';
import { errorObjectText, particularsOf } from './error-text';
import { messageArgumentNames } from './icu-format';
import { i18n, switchLanguage } from './index';
import { interfaceLanguageTags } from './languages';
import './lazy/errors';

const DETAIL = 'The server’s English detail.';
/** The meta members a sentence's plural may turn on (error-text.ts's COUNTED). */
const COUNTED = new Set(['min', 'minimum', 'max', 'maximum', 'limit', 'maxDays', 'maxLevel', 'maxYears']);
const codes = new Set(Object.keys(errors).filter((key) => key !== 'particulars'));

/**
 * Each entry of `errors.particulars` as the error it words: its code, and the meta a server
 * sends with it — every placeholder filled (numbers for bounds and counts, a list for `allowed`)
 * and the `origin` or `format` its suffix names (`too_small_string`, `invalid_format_email`).
 */
function particularErrors(): { code: string; meta: Record<string, unknown> }[] {
  const found = new Map<string, { code: string; meta: Record<string, unknown> }>();
  for (const [key, text] of Object.entries(errors.particulars)) {
    const entry = key;
    const code = [...codes]
      .filter((c) => entry === c || entry.startsWith(`${c}_`))
      .sort((a, b) => b.length - a.length)[0];
    expect(code, `particulars.${key} names no code of the catalog`).toBeDefined();
    if (!code) continue;
    const suffix = entry.slice(code.length + 1);
    const meta: Record<string, unknown> = {};
    const names = messageArgumentNames(text);
    for (const name of names) {
      if (name === 'count') continue;
      // Values no catalog labels, so they read as sent whatever namespaces have loaded.
      meta[name] = name === 'allowed' ? ['alpha', 'omega'] : name === 'format' ? 'uuid' : 7;
    }
    // `count` is what particularsOf takes from the bound a sentence counts by (error-text.ts).
    if (!('count' in meta) && names.includes('count') && !names.some((name) => COUNTED.has(name)))
      meta.limit = 7;
    if (suffix.endsWith('_exclusive') || suffix === 'exclusive') meta.inclusive = false;
    const kind = suffix.replace(/_?exclusive$/, '');
    const byReason = particularReasons(code as ParticularCode).length > 0;
    if (kind) meta[byReason ? 'reason' : code === 'invalid_format' ? 'format' : 'origin'] = kind;
    found.set(entry, { code, meta });
  }
  return [...found.values()];
}

describe('errors with their particulars in meta', () => {
  const cases = particularErrors();
  beforeAll(() => expect(cases.length).toBeGreaterThan(20));
  afterAll(() => switchLanguage('en'));

  it.each(interfaceLanguageTags)(
    'read in %s from the catalog, never from the English detail',
    async (language) => {
      await switchLanguage(language);
      for (const { code, meta } of cases) {
        expect(particularsOf(code, meta), `${code} ${JSON.stringify(meta)}`).toBeDefined();
        const text = errorObjectText({ code, detail: DETAIL, meta });
        expect(text, `${language} ${code} ${JSON.stringify(meta)}`).not.toBe(DETAIL);
        expect(text, `${language} ${code}`).not.toMatch(/[{}]|undefined/);
        if ('allowed' in meta) expect(text, `${language} ${code}`).toContain('alpha');
      }
    },
  );

  it('fill the bound, the count and the allowed values in', async () => {
    await switchLanguage('de');
    expect(
      errorObjectText({
        code: 'too_big',
        detail: DETAIL,
        meta: { maximum: 255, origin: 'string', inclusive: true },
      }),
    ).toBe('Geben Sie höchstens 255 Zeichen ein.');
    expect(
      errorObjectText({ code: 'invalid_value', detail: DETAIL, meta: { allowed: ['open', 'done'] } }),
    ).toBe('Wählen Sie einen dieser Werte: open oder done.');
    expect(
      errorObjectText({
        code: 'password_too_short',
        detail: DETAIL,
        meta: { rule: 'too_short', min: 12, length: 5 },
      }),
    ).toBe('Das Passwort muss mindestens 12 Zeichen haben (es hat 5).');
    expect(
      errorObjectText({
        code: 'setting_invalid',
        detail: DETAIL,
        meta: { reason: 'number_range', key: 'password.min_length', minimum: 8, maximum: 128 },
      }),
    ).toBe('Wählen Sie eine ganze Zahl von 8 bis 128.');
    await switchLanguage('ar');
    // Arabic's dual: "two characters" is a word of its own.
    expect(
      errorObjectText({
        code: 'too_small',
        detail: DETAIL,
        meta: { minimum: 2, origin: 'string', inclusive: true },
      }),
    ).toBe('اكتب حرفين على الأقل.');
  });

  it('choose a select’s case by its value in Arabic too: only the values placed in the text are isolated', async () => {
    await switchLanguage('ar');
    const wrongType = (expected: string) =>
      errorObjectText({ code: 'invalid_type', detail: DETAIL, meta: { reason: 'wrong_type', expected } });
    expect(wrongType('number')).toBe('يجب أن تكون هذه القيمة رقمًا.');
    expect(wrongType('string')).toBe('يجب أن تكون هذه القيمة نصًا.');
    expect(new Set(['number', 'string', 'boolean', 'array'].map(wrongType)).size).toBe(4);
  });

  it('without meta: the English detail in English only, the catalog’s words in de, fr and ar', async () => {
    await switchLanguage('en');
    expect(errorObjectText({ code: 'too_small', detail: 'Type a subject.' })).toBe('Type a subject.');
    for (const language of ['de', 'fr', 'ar'] as const) {
      await switchLanguage(language);
      for (const code of errorsWithSpecificDetail) {
        expect(errorObjectText({ code, detail: DETAIL }), `${language} ${code}`).not.toBe(DETAIL);
      }
    }
    expect(i18n.language).toBe('ar');
  });
});
