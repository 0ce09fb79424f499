import { describe, expect, it } from 'vitest';
import { callCreateSchema, formatDuration, parseDuration } from './calls';

describe('call durations', () => {
  it('reads seconds, JIRA style and column style (OroDurationType)', () => {
    expect(parseDuration('5405')).toBe(5405);
    expect(parseDuration('1h 30m 5s')).toBe(5405);
    expect(parseDuration('1h30m')).toBe(5400);
    expect(parseDuration(' 45s ')).toBe(45);
    expect(parseDuration('2m')).toBe(120);
    expect(parseDuration('01:30:05')).toBe(5405);
    expect(parseDuration('1:00')).toBe(60);
    expect(parseDuration('24:00:00')).toBe(86_400);
    expect(parseDuration('0')).toBe(0);
  });

  it('refuses other text and more than 24 hours', () => {
    for (const text of ['', ' ', 'abc', '1h 2h', '1:60', '-5', '1.5', '24:00:01', '86401', '25h', 'h m s']) {
      expect(parseDuration(text), text).toBeNull();
    }
  });

  it('shows hh:mm:ss', () => {
    expect(formatDuration(60)).toBe('00:01:00');
    expect(formatDuration(5405)).toBe('01:30:05');
    expect(formatDuration(86_400)).toBe('24:00:00');
  });
});

describe('callCreateSchema', () => {
  it('needs a subject and a phone number, and bounds the duration', () => {
    expect(callCreateSchema.safeParse({ subject: 'Hi', phoneNumber: '+1 650 253 0000' }).success).toBe(true);
    expect(callCreateSchema.safeParse({ subject: '', phoneNumber: '1' }).success).toBe(false);
    expect(callCreateSchema.safeParse({ subject: 'a\nb', phoneNumber: '1' }).success).toBe(false);
    expect(callCreateSchema.safeParse({ subject: 'a', phoneNumber: '1', duration: 86_401 }).success).toBe(
      false,
    );
    expect(callCreateSchema.safeParse({ subject: 'a', phoneNumber: '1', duration: 1.5 }).success).toBe(false);
    expect(
      callCreateSchema.safeParse({
        subject: 'a',
        phoneNumber: '1',
        callDateTime: '2026-11-30T10:00:00+01:00',
      }).success,
    ).toBe(true);
    expect(
      callCreateSchema.safeParse({ subject: 'a', phoneNumber: '1', callDateTime: 'yesterday' }).success,
    ).toBe(false);
  });
});
