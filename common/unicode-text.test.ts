import { describe, expect, it } from 'vitest';
import { newUserAttributesSchema, organizationNameSchema } from './identity';
import {
  customFieldDefinitionSchema,
  customFieldValueProblem,
  emailProblem,
  userProfileUpdateSchema,
} from './profile';
import {
  containsAtSign,
  domainToAscii,
  hasVisibleCharacter,
  isHighlyRestrictive,
  usernameUnicodeProblem,
} from './unicode-text';

/** Text made only of characters a person cannot see (or sees as blank). */
const INVISIBLE = [
  '\u200b', // ZERO WIDTH SPACE
  '\u200b\u200c\u200d\u2060', // ZW space, non-joiner, joiner, word joiner
  '\ufeff', // ZERO WIDTH NO-BREAK SPACE (BOM)
  '\u3164', // HANGUL FILLER
  '\u115f\u1160', // HANGUL CHOSEONG/JUNGSEONG FILLER
  '\uffa0', // HALFWIDTH HANGUL FILLER
  '\u2800', // BRAILLE PATTERN BLANK
  '\u00ad', // SOFT HYPHEN
  '\u034f', // COMBINING GRAPHEME JOINER
  '\ufe0f', // VARIATION SELECTOR-16
  '\u180e', // MONGOLIAN VOWEL SEPARATOR
  '\u2061\u2062\u2063\u2064', // invisible math operators
  '\u200e\u200f\u202e', // LRM, RLM, RLO
  '\u0301', // a combining mark with nothing to sit on
  '\u3000\u00a0', // ideographic and no-break spaces
  '\u{e0020}\u{e0041}', // tag characters
  '\u{1d173}\u{1d17a}', // musical symbol format characters
];

describe('visible characters', () => {
  it.each(INVISIBLE)('finds none in %j', (value) => {
    expect(hasVisibleCharacter(value)).toBe(false);
  });

  it.each(['a', 'É', '李', 'ж', '٣', '.', '€', '🙂', 'a\u200b', '\u200bZoë'])('finds one in %j', (value) => {
    expect(hasVisibleCharacter(value)).toBe(true);
  });

  it('refuses invisible required names in every schema (422, code not_visible), and accepts real ones', () => {
    for (const value of INVISIBLE.filter((v) => !/^\s|\s$/u.test(v))) {
      const profile = userProfileUpdateSchema.safeParse({ firstName: value, lastName: value });
      expect(profile.success, JSON.stringify(value)).toBe(false);
      const codes = profile.error?.issues.map(
        (issue) => (issue as { params?: { code?: string } }).params?.code,
      );
      expect(codes, JSON.stringify(value)).toEqual(['not_visible', 'not_visible']);
      const created = newUserAttributesSchema.safeParse({
        username: 'valid_name',
        email: 'valid@example.com',
        firstName: value,
        lastName: 'Smith',
        password: 'x',
      });
      expect(created.error?.issues[0]?.path, JSON.stringify(value)).toEqual(['firstName']);
      expect(organizationNameSchema.safeParse(value).success).toBe(false);
      expect(
        customFieldDefinitionSchema
          .safeParse({ name: 'shirt', label: value, fieldType: 'choice', choices: [value] })
          .error?.issues.map((issue) => issue.path.join('/')),
      ).toEqual(['label', 'choices/0']);
      expect(
        customFieldValueProblem({ label: 'Size', type: 'text', isRequired: true, choices: null }, value),
      ).toMatch(/visible/);
    }
    expect(userProfileUpdateSchema.safeParse({ firstName: 'Zoë', lastName: '李' }).success).toBe(true);
    expect(organizationNameSchema.safeParse('Ünïcode GmbH').success).toBe(true);
  });
});

describe('usernames: UTS #39 restriction level and look-alikes of "@"', () => {
  it.each([
    'dana',
    'Dana.Scully_2',
    'Дана', // all Cyrillic
    'Δανάη', // all Greek
    'דנה',
    'دانا',
    '田中_taro', // Han + Latin
    'たなか太郎taro', // Japanese + Latin
    '김dana', // Hangul + Latin
    'ㄅ漢abc', // Bopomofo + Han + Latin
    'जॉन', // Devanagari with its marks
    'user_3', // ASCII digits and "_" are Common
    'دانا٣', // Arabic-Indic digits belong to Arabic (with Latin letters they would be mixed)
    'é́', // combining marks are Inherited
  ])('accepts %j', (value) => {
    expect(isHighlyRestrictive(value)).toBe(true);
    expect(usernameUnicodeProblem(value)).toBeNull();
  });

  it.each([
    ['dаna', 'username_mixed_script'], // Cyrillic а among Latin letters
    ['pаypal', 'username_mixed_script'],
    ['Δana', 'username_mixed_script'], // Greek + Latin
    ['Дана_dana', 'username_mixed_script'],
    ['김たなか', 'username_mixed_script'], // Hangul + Hiragana: no East Asian set covers both
    ['dana＠example.test', 'username_at_sign'], // full-width ＠
    ['dana﹫example.test', 'username_at_sign'], // small ﹫
    ['dana@example.test', 'username_at_sign'],
    ['dana\u202e', 'username_bidi_control'],
    ['\u2067anad', 'username_bidi_control'],
    ['\u200b\u200b\u200b', 'not_visible'],
  ])('refuses %j (%s)', (value, code) => {
    expect(usernameUnicodeProblem(value)?.code).toBe(code);
    const parsed = userProfileUpdateSchema.safeParse({ username: value });
    expect((parsed.error?.issues[0] as { params?: { code?: string } } | undefined)?.params?.code).toBe(code);
  });

  it('sees "@" in its compatibility forms', () => {
    expect(containsAtSign('a＠b')).toBe(true);
    expect(containsAtSign('a﹫b')).toBe(true);
    expect(containsAtSign('ab')).toBe(false);
  });

  it('knows the script of every letter, mark and digit this engine knows (the script list is complete)', () => {
    // A letter of a script missing from the list would make every username in it "mixed".
    const unknown: string[] = [];
    const relevant = /[\p{L}\p{M}\p{Nd}]/u;
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      const character = String.fromCodePoint(codePoint);
      if (!relevant.test(character)) continue;
      if (!isHighlyRestrictive(character)) unknown.push(codePoint.toString(16));
    }
    expect(unknown).toEqual([]);
  });
});

describe('email domains by IDNA (UTS #46)', () => {
  it.each([
    ['bücher.example', 'xn--bcher-kva.example'],
    ['BÜCHER.example', 'xn--bcher-kva.example'],
    ['XN--BCHER-KVA.Example', 'xn--bcher-kva.example'],
    ['faß.de', 'xn--fa-hia.de'], // non-transitional: ß is kept, not mapped to "ss"
    ['example.com', 'example.com'],
  ])('maps %j to %j', (domain, ascii) => {
    expect(domainToAscii(domain)).toBe(ascii);
  });

  it.each(['xn--zz.example', 'exa mple.com', 'a/b.example', 'a@b.example', ''])('refuses %j', (domain) => {
    expect(domainToAscii(domain)).toBeNull();
  });

  it('refuses an address whose domain IDNA refuses', () => {
    expect(emailProblem('lena@xn--zz.example')).toMatch(/not a valid domain/);
    expect(emailProblem('lena@bücher.example')).toBeNull();
    expect(emailProblem('lena@xn--bcher-kva.example')).toBeNull();
  });
});
