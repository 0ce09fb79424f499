import { describe, expect, it } from 'vitest';
import { hasInstantForm, parseInstant } from './instant';

describe('parseInstant (RFC 3339 date-time, truncated to the millisecond)', () => {
  it.each([
    ['2026-12-01T10:00:00Z', '2026-12-01T10:00:00.000Z'],
    ['2026-12-01T10:00:00.1Z', '2026-12-01T10:00:00.100Z'],
    ['2026-12-01T10:00:00.123456Z', '2026-12-01T10:00:00.123Z'],
    ['2026-12-01T10:00:00.999999999Z', '2026-12-01T10:00:00.999Z'],
    ['2026-12-31T23:59:59.9999+00:00', '2026-12-31T23:59:59.999Z'],
    ['2026-12-01T10:00:00.123456789012+01:00', '2026-12-01T09:00:00.123Z'],
    ['2026-12-01t10:00z', '2026-12-01T10:00:00.000Z'],
    ['2028-02-29T00:00:00-05:30', '2028-02-29T05:30:00.000Z'],
  ])('reads %s as %s', (text, instant) => {
    expect(parseInstant(text)).toBe(instant);
  });

  it.each([
    '2026-02-30T10:00:00Z',
    '2026-12-01T24:00:00Z',
    '2026-12-01T10:00:00',
    '2026-12-01T10:00:00.Z',
    '2026-12-01 10:00:00Z',
    '2026-12-01',
    `2026-12-01T10:00:00.${'1'.repeat(40)}Z`,
  ])('refuses %s', (text) => {
    expect(parseInstant(text)).toBeUndefined();
  });

  it('tells a wrong form from a day that does not exist (hasInstantForm)', () => {
    expect(hasInstantForm('2026-02-30T10:00:00Z')).toBe(true);
    expect(parseInstant('2026-02-30T10:00:00Z')).toBeUndefined();
    expect(hasInstantForm('2026-12-01T24:00:00Z')).toBe(false);
    expect(hasInstantForm('2026-12-01T10:00:00')).toBe(false);
    expect(hasInstantForm(`2026-12-01T10:00:00.${'1'.repeat(40)}Z`)).toBe(false);
  });
});
