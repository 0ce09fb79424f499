import { describe, expect, it } from 'vitest';
import { fromZonedWallTime, toZonedWallTime } from './zoned-time';

describe('wall times in a time zone', () => {
  it.each([
    ['2026-11-30T09:15', 'UTC', '2026-11-30T09:15:00.000Z'],
    ['2026-11-30T09:15', 'Europe/Berlin', '2026-11-30T08:15:00.000Z'],
    ['2026-07-01T09:15', 'Europe/Berlin', '2026-07-01T07:15:00.000Z'],
    ['2026-07-01T09:15', 'America/New_York', '2026-07-01T13:15:00.000Z'],
    ['2026-01-01T00:30', 'Asia/Kolkata', '2025-12-31T19:00:00.000Z'],
  ])('reads %s in %s as %s, and back', (wall, zone, iso) => {
    expect(fromZonedWallTime(wall, zone)).toBe(iso);
    expect(toZonedWallTime(iso, zone)).toBe(wall);
  });

  it('takes the first of a repeated hour and moves a skipped one forward', () => {
    // Berlin: clocks go back at 03:00 on 2026-10-25 (02:30 happens twice) and forward on 2026-03-29.
    expect(fromZonedWallTime('2026-10-25T02:30', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
    expect(fromZonedWallTime('2026-03-29T02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
  });

  it.each(['', 'yesterday', '2026-11-30', '2026-11-30 09:15'])('refuses %j', (text) => {
    expect(fromZonedWallTime(text, 'UTC')).toBeUndefined();
  });
});
