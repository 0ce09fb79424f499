import { describe, expect, it } from 'vitest';
import { generatePassword } from './password-generator';
import {
  checkPassword,
  defaultPasswordPolicy,
  describePolicy,
  estimatePasswordStrength,
  loadPasswordBlocklist,
  type PasswordPolicy,
  passwordLength,
} from './password-policy';

const rules = (password: string, policy: PasswordPolicy = defaultPasswordPolicy, context = {}) =>
  checkPassword(password, policy, context).map((f) => f.rule);

describe('checkPassword', () => {
  it('counts length in code points: emoji and combining marks', () => {
    expect(passwordLength('👍👍👍')).toBe(3);
    // "e" + combining acute accent: two code points, one glyph
    expect(passwordLength('e\u0301')).toBe(2);
    expect(rules('🔑'.repeat(11))).toEqual(['too_short']);
    expect(rules('🔑'.repeat(12))).toEqual([]);
    // The policy counts the NFKC form (NIST SP 800-63B §5.1.1.2): "e" + U+0301 is one "é".
    expect(rules('e\u0301'.repeat(12))).toEqual([]);
    expect(rules('e\u0301'.repeat(11))).toEqual(['too_short']);
    // Marks that compose with nothing stay code points of their own.
    expect(rules('\u0301'.repeat(12))).not.toContain('too_short');
  });

  it('accepts long phrases with spaces and any script, and never trims', () => {
    const phrase = 'the quick brown fox jumps over the lazy dog, then naps — ещё 一次 🦊 again';
    expect(passwordLength(phrase)).toBeGreaterThanOrEqual(64);
    expect(rules(phrase)).toEqual([]);
    // 11 visible characters + spaces around: spaces count
    expect(rules('   abcdefghx')).toEqual([]);
    expect(rules('abcdefghx  ')).toEqual(['too_short']);
  });

  it('refuses more than 1024 characters and accepts exactly 1024', () => {
    expect(rules('a'.repeat(1024).replace(/^a{5}/, 'zq9#x'))).toEqual([]);
    expect(rules('b'.repeat(1025))).toEqual(['too_long']);
    expect(rules('😀'.repeat(1025))).toEqual(['too_long']);
  });

  it('applies each class rule only when it is turned on, and forbids no character', () => {
    const base = 'correct horse battery staple';
    expect(rules(base)).toEqual([]);
    expect(rules(base, { ...defaultPasswordPolicy, lowerCase: true })).toEqual([]);
    expect(rules(base, { ...defaultPasswordPolicy, upperCase: true })).toEqual(['upper_case']);
    expect(rules(base, { ...defaultPasswordPolicy, numbers: true })).toEqual(['numbers']);
    expect(rules('correcthorsebatterystaple', { ...defaultPasswordPolicy, specialChars: true })).toEqual([
      'special_chars',
    ]);
    expect(rules('CORRECT HORSE BATTERY', { ...defaultPasswordPolicy, lowerCase: true })).toEqual([
      'lower_case',
    ]);
    const all: PasswordPolicy = {
      minLength: 12,
      lowerCase: true,
      upperCase: true,
      numbers: true,
      specialChars: true,
    };
    expect(rules('Correct horse 7 battery', all)).toEqual([]);
    // Non-Latin letters count as letters of their case
    expect(rules('Ωmega ωmega 7 staple', all)).toEqual([]);
  });

  it('sets the minimum length from the policy', () => {
    expect(rules('zq9#xv7!kw', { ...defaultPasswordPolicy, minLength: 8 })).toEqual([]);
    expect(rules('zq9#xv7!kw', { ...defaultPasswordPolicy, minLength: 16 })).toEqual(['too_short']);
  });

  it('refuses common passwords case-insensitively, from a bundled list of ≥ 10,000', async () => {
    const blocklist = await loadPasswordBlocklist();
    expect(blocklist.size).toBeGreaterThanOrEqual(10_000);
    const policy = { ...defaultPasswordPolicy, minLength: 8 };
    for (const common of ['password', 'PassWord', 'qwertyuiop', 'iloveyou', 'football']) {
      expect(checkPassword(common, policy, {}, { blocklist }).map((f) => f.rule)).toContain(
        'common_password',
      );
    }
    expect(checkPassword('correct horse battery staple', policy, {}, { blocklist })).toEqual([]);
    const failure = checkPassword('password', policy, {}, { blocklist })[0];
    expect(failure?.message).toMatch(/too common/);
  });

  it('refuses context words, naming the reason', () => {
    const context = {
      username: 'jdoe.admin',
      email: 'john.smith@example.com',
      organizationName: 'Acme Rockets',
      firstName: 'Jonathan',
      lastName: 'Li',
    };
    expect(rules('my JDOE.ADMIN secret phrase', defaultPasswordPolicy, context)).toEqual([
      'context_username',
    ]);
    expect(rules('hello john.smith friends', defaultPasswordPolicy, context)).toEqual(['context_email']);
    expect(rules('we love acme rockets!!', defaultPasswordPolicy, context)).toEqual(['context_organization']);
    expect(rules('all about rockets today', defaultPasswordPolicy, context)).toEqual([
      'context_organization',
    ]);
    expect(rules('jonathan was here today', defaultPasswordPolicy, context)).toEqual(['context_name']);
    expect(rules('welcome to ATRIUM land', defaultPasswordPolicy, context)).toEqual(['context_product']);
    // Two-letter last name is not a context word
    expect(rules('lime light and lizards', defaultPasswordPolicy, context)).toEqual([]);
    const [failure] = checkPassword('my jdoe.admin secret', defaultPasswordPolicy, context);
    expect(failure?.message).toBe('The password must not contain your username.');
    // Another person's password (an administrator creates the user or sets it): not "your".
    const messages = checkPassword('jdoe john.smith jonathan acme', defaultPasswordPolicy, {
      ...context,
      owner: 'other',
    }).map((found) => found.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        "The password must not contain the user's username.",
        "The password must not contain the name of the user's email address.",
        "The password must not contain the user's name.",
        "The password must not contain the organization's name.",
      ]),
    );
    expect(messages.join(' ')).not.toMatch(/\byour\b/);
  });

  it('describes the rules in force as sentences', () => {
    expect(describePolicy(defaultPasswordPolicy)[0]).toMatch(/At least 12 characters/);
    const strict = describePolicy({
      minLength: 14,
      lowerCase: true,
      upperCase: true,
      numbers: true,
      specialChars: true,
    });
    expect(strict.join(' ')).toMatch(/lower case.*upper case.*number.*special/s);
    expect(strict.join(' ')).toMatch(/commonly used/);
  });

  it('suggests passwords that satisfy the policy', async () => {
    const blocklist = await loadPasswordBlocklist();
    const strict: PasswordPolicy = {
      minLength: 20,
      lowerCase: true,
      upperCase: true,
      numbers: true,
      specialChars: true,
    };
    for (let i = 0; i < 50; i++) {
      const suggested = generatePassword(strict);
      expect(passwordLength(suggested)).toBe(20);
      expect(checkPassword(suggested, strict, {}, { blocklist })).toEqual([]);
    }
  });
});

describe('estimatePasswordStrength', () => {
  it('scores weak and strong passwords, and counts context against them', async () => {
    const weak = await estimatePasswordStrength('password1');
    const strong = await estimatePasswordStrength('violet umbrella 42 marches sideways');
    expect(weak.score).toBeLessThanOrEqual(1);
    expect(strong.score).toBe(4);
    expect(strong.label).toBe('Very strong');
    const withContext = await estimatePasswordStrength('zebrastripes2026', { username: 'zebrastripes2026' });
    expect(withContext.score).toBeLessThanOrEqual(1);
  });

  it('names its advice by key, for the catalog of each language', async () => {
    const common = await estimatePasswordStrength('password');
    expect(common.warningKey).toBe('topTen');
    expect(common.warning).toBe('This is a heavily used password.');
    expect((await estimatePasswordStrength('violet umbrella 42 marches sideways')).warningKey).toBeNull();
  });
});
