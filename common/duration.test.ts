import { describe, expect, it } from 'vitest';
import { formatDuration, MAX_CALL_DURATION_SECONDS, parseDuration } from './duration';

describe('call durations', () => {
  it.each([
    ['', 0],
    ['0', 0],
    ['90', 90],
    [' 5405 ', 5405],
    ['1h 30m 5s', 5405],
    ['1h30m5s', 5405],
    ['5s 30m 1h', 5405],
    ['2m', 120],
    ['1.5h', 5400],
    ['1,5 hours', 5400],
    ['3 minutes 2 seconds', 182],
    ['01:30:05', 5405],
    ['1:30:05', 5405],
    ['30:05', 1805],
    ['00:00:00', 0],
    ['24:00:00', MAX_CALL_DURATION_SECONDS],
    ['24h', MAX_CALL_DURATION_SECONDS],
  ])('reads %j as %d seconds', (input, seconds) => {
    expect(parseDuration(input)).toEqual({ ok: true, seconds });
  });

  it.each([
    'abc',
    '1x',
    '-5',
    '1h abc',
    '10:60',
    '1:00:60',
    ':30',
    '1:2:3:4',
    '24:00:01',
    '86401',
    '25h',
    '1e3',
  ])('refuses %j with a message', (input) => {
    const result = parseDuration(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/duration|below 60/i);
  });

  it.each([
    [0, '00:00:00'],
    [60, '00:01:00'],
    [5405, '01:30:05'],
    [MAX_CALL_DURATION_SECONDS, '24:00:00'],
  ])('shows %d seconds as %s', (seconds, shown) => {
    expect(formatDuration(seconds)).toBe(shown);
  });

  it('round-trips what it shows', () => {
    for (const seconds of [0, 1, 59, 61, 3599, 3600, 86399, 86400]) {
      expect(parseDuration(formatDuration(seconds))).toEqual({ ok: true, seconds });
    }
  });
});
