import { describe, expect, it } from 'vitest';
import {
  API_KEY_PREFIX_LENGTH,
  apiKeyPrefix,
  generateApiKey,
  isWellFormedApiKey,
  looksLikeApiKey,
} from './key-format';

describe('API key format', () => {
  it('is atr_ + 27 base62 characters of 160 random bits + a 6-character checksum', () => {
    const keys = new Set(Array.from({ length: 200 }, () => generateApiKey()));
    expect(keys.size).toBe(200);
    for (const key of keys) {
      expect(key).toMatch(/^atr_[0-9A-Za-z]{33}$/);
      expect(isWellFormedApiKey(key)).toBe(true);
    }
  });

  it('refuses a mistyped, truncated, padded or foreign key by its shape or checksum alone', () => {
    const key = generateApiKey();
    const flip = (s: string, at: number) => s.slice(0, at) + (s[at] === 'a' ? 'b' : 'a') + s.slice(at + 1);
    for (const bad of [
      flip(key, 10), // one secret character
      flip(key, key.length - 1), // one checksum character
      key.slice(0, -1),
      `${key}0`,
      key.toUpperCase(),
      key.replace('atr_', 'ATR_'),
      key.replace('atr_', 'abc_'),
      ` ${key}`,
      'bba1b83312a50836d78cbef4d2705125a6ce1d4d', // an OroCRM-style key
      'ghp_0123456789abcdefghijABCDEFGHIJ012345',
      'atr_',
      '',
    ]) {
      expect(isWellFormedApiKey(bad), bad).toBe(false);
    }
  });

  it('keeps a short prefix for recognition that leaves at least 128 secret bits unknown', () => {
    const key = generateApiKey();
    expect(apiKeyPrefix(key)).toBe(key.slice(0, API_KEY_PREFIX_LENGTH));
    expect(apiKeyPrefix(key)).toMatch(/^atr_[0-9A-Za-z]{4}$/);
    // 160 bits in 27 base62 characters: each character after the first carries log2(62) bits.
    const revealedBits = 160 - 26 * Math.log2(62) + (API_KEY_PREFIX_LENGTH - 5) * Math.log2(62);
    expect(160 - revealedBits).toBeGreaterThanOrEqual(128);
  });

  it('recognises anything that starts as a key (what a query string may not carry), well formed or not', () => {
    expect(looksLikeApiKey(generateApiKey())).toBe(true);
    expect(looksLikeApiKey('atr_mistyped')).toBe(true);
    for (const value of ['', 'ATR_x', 'abc_atr_', 'ada@example.com'])
      expect(looksLikeApiKey(value)).toBe(false);
  });
});
