import { describe, expect, it } from 'vitest';
import { parsePostgresTimestamp } from './postgres-timestamps';

describe('parsePostgresTimestamp (PostgreSQL ISO output, read exactly)', () => {
  it.each([
    ['2026-12-02 15:39:38.826+00', '2026-12-02T15:39:38.826Z'],
    ['2026-12-02 15:39:38+00', '2026-12-02T15:39:38.000Z'],
    ['2026-12-02 15:39:38.5+00', '2026-12-02T15:39:38.500Z'],
    // Microseconds are truncated, never rounded into the next second.
    ['2026-12-31 23:59:59.999999+00', '2026-12-31T23:59:59.999Z'],
    // Years below 100 stay themselves (new Date read 0050 as 1950).
    ['0050-03-01 10:00:00.123+00', '0050-03-01T10:00:00.123Z'],
    ['0001-01-01 00:00:00+00', '0001-01-01T00:00:00.000Z'],
    ['0150-07-04 08:00:00+00', '0150-07-04T08:00:00.000Z'],
    // 1 BC is the astronomical year 0 (ISO 8601).
    ['0001-12-31 00:00:00+00 BC', '0000-12-31T00:00:00.000Z'],
    ['0044-03-15 12:00:00+00 BC', '-000043-03-15T12:00:00.000Z'],
    ['12026-01-01 00:00:00+00', '+012026-01-01T00:00:00.000Z'],
    // Offsets of hours, minutes and seconds (a session zone other than UTC).
    ['2026-03-01 15:30:00.123+05:30', '2026-03-01T10:00:00.123Z'],
    ['2026-03-01 06:30:00-03:30', '2026-03-01T10:00:00.000Z'],
    ['1890-06-15 12:19:32.007+00:19:32', '1890-06-15T12:00:00.007Z'],
    ['1890-06-15 11:40:28-00:19:32', '1890-06-15T12:00:00.000Z'],
    // A timestamp without zone is read as UTC.
    ['2026-12-02 15:39:38.826', '2026-12-02T15:39:38.826Z'],
  ])('reads %s as %s', (text, instant) => {
    expect(parsePostgresTimestamp(text)).toBe(instant);
  });

  it('reads a UTC session’s text of any instant from 0100 to 9999, with any fraction digits, exactly', () => {
    const first = Date.parse('0100-01-01T00:00:00Z');
    const last = Date.parse('9999-12-31T23:59:59.999Z');
    for (let i = 0; i < 2_000; i++) {
      const instant = new Date(first + Math.floor(Math.random() * (last - first))).toISOString();
      const microseconds = `${instant.slice(20, 23)}${String(i % 1000).padStart(3, '0')}`;
      // PostgreSQL drops a fraction's trailing zeros, and the fraction when it is zero.
      const fraction = microseconds.slice(0, 1 + (i % 6)).replace(/0+$/, '');
      const text = `${instant.slice(0, 10)} ${instant.slice(11, 19)}${fraction ? `.${fraction}` : ''}+00`;
      const expected = `${instant.slice(0, 20)}${fraction.padEnd(3, '0').slice(0, 3)}Z`;
      expect(parsePostgresTimestamp(text), text).toBe(expected);
    }
  });

  it.each([
    'infinity',
    '-infinity',
    '2026-12-02T15:39:38Z', // not PostgreSQL's output
    '12/02/2026 15:39:38.826 UTC', // DateStyle SQL
    'Wed Dec 02 15:39:38.826 2026 UTC', // DateStyle Postgres
    '2026-12-02 15:39:38.1234567+00',
    '294276-12-31 23:59:59+00', // beyond what a JavaScript Date holds
  ])('refuses %s with an error naming it', (text) => {
    expect(() => parsePostgresTimestamp(text)).toThrow(text);
  });
});
