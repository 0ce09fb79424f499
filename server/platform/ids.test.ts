import { describe, expect, it } from 'vitest';
import { isId, newId } from './ids';

describe('newId', () => {
  it('makes UUIDv7 ids, unique and increasing, also many within one millisecond', () => {
    const ids = Array.from({ length: 5_000 }, () => newId());
    for (const id of ids) {
      expect(isId(id)).toBe(true);
      expect(id[14]).toBe('7'); // version 7
      expect('89ab').toContain(id[19]); // RFC 9562 variant
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('carries the time of its making in its first 48 bits', () => {
    const before = Date.now();
    const id = newId();
    const after = Date.now();
    const msecs = Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16);
    expect(msecs).toBeGreaterThanOrEqual(before);
    expect(msecs).toBeLessThanOrEqual(after);
  });

  it('draws fresh random bits for every id (no two share their random tail)', () => {
    const tails = Array.from({ length: 2_000 }, () => newId().slice(-12));
    expect(new Set(tails).size).toBe(tails.length);
  });
});
