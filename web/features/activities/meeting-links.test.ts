import { describe, expect, it } from 'vitest';
import { newRoomName } from '../../../common/meeting-links';
import { newMeetingUrl, parseMeetingLinks } from './meeting-links';

describe('meeting links', () => {
  it('names rooms with 128 random bits', () => {
    expect(newRoomName()).toMatch(/^atrium-[0-9a-f]{32}$/);
    expect(newRoomName()).not.toBe(newRoomName());
  });

  it('builds Jitsi and custom URLs, and none when off', () => {
    expect(newMeetingUrl({ enabled: true, provider: 'jitsi', baseUrl: 'https://meet.jit.si' }, 'r1')).toBe(
      'https://meet.jit.si/r1',
    );
    expect(
      newMeetingUrl(
        { enabled: true, provider: 'custom', urlTemplate: 'https://video.example/j/{room}?x=1' },
        'r 2',
      ),
    ).toBe('https://video.example/j/r%202?x=1');
    expect(newMeetingUrl({ enabled: false })).toBeUndefined();
  });

  it('reads the setting strictly: anything odd is off, a non-https base falls back to meet.jit.si', () => {
    expect(parseMeetingLinks(undefined)).toEqual({ enabled: false });
    expect(parseMeetingLinks({ enabled: 'yes' })).toEqual({ enabled: false });
    expect(parseMeetingLinks({ enabled: true, provider: 'jitsi', baseUrl: 'javascript:alert(1)' })).toEqual({
      enabled: true,
      provider: 'jitsi',
      baseUrl: 'https://meet.jit.si/',
    });
    expect(
      parseMeetingLinks({ enabled: true, provider: 'custom', urlTemplate: 'https://x.example/{room}' }),
    ).toEqual({ enabled: true, provider: 'custom', urlTemplate: 'https://x.example/{room}' });
  });
});
