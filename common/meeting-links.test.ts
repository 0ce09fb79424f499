import { describe, expect, it } from 'vitest';
import { meetingBaseUrlProblem, meetingTemplateProblem, meetingUrl, newRoomName } from './meeting-links';

describe('meeting links', () => {
  it('makes unguessable room names', () => {
    const names = new Set(Array.from({ length: 100 }, newRoomName));
    expect(names.size).toBe(100);
    for (const name of names) expect(name).toMatch(/^atrium-[0-9a-f]{32}$/);
  });

  it('builds Jitsi and custom URLs', () => {
    const settings = { provider: 'jitsi' as const, jitsiBaseUrl: 'https://meet.jit.si/', urlTemplate: '' };
    expect(meetingUrl(settings, 'atrium-ab')).toBe('https://meet.jit.si/atrium-ab');
    expect(meetingUrl({ ...settings, jitsiBaseUrl: 'https://jitsi.example.com/rooms' }, 'r')).toBe(
      'https://jitsi.example.com/rooms/r',
    );
    expect(
      meetingUrl(
        { ...settings, provider: 'custom', urlTemplate: 'https://meet.example.com/j/{room}?x=1' },
        'r 1',
      ),
    ).toBe('https://meet.example.com/j/r%201?x=1');
    expect(() => meetingUrl({ ...settings, provider: 'custom' }, 'r')).toThrow();
  });

  it('refuses addresses that are not https or lack {room}', () => {
    expect(meetingBaseUrlProblem('https://meet.jit.si/')).toBeNull();
    expect(meetingBaseUrlProblem('http://meet.jit.si/')).not.toBeNull();
    expect(meetingBaseUrlProblem('javascript:alert(1)')).not.toBeNull();
    expect(meetingBaseUrlProblem('https://meet.jit.si/?a=b')).not.toBeNull();
    expect(meetingTemplateProblem('https://meet.example.com/{room}')).toBeNull();
    expect(meetingTemplateProblem('https://meet.example.com/')).not.toBeNull();
    expect(meetingTemplateProblem('ftp://x/{room}')).not.toBeNull();
  });
});
