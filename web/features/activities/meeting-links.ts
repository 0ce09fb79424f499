import { useSettings } from '../settings/api';

/**
 * Meeting links instead of Hangouts (issue 13 item 4): when the organization turns them on,
 * **Start meeting** opens a new room with an unguessable name. Jitsi rooms need no API: a URL
 * under the base (`https://meet.jit.si/<room>`) is the room; a custom template puts the room
 * where `{room}` stands.
 */
export type MeetingLinks =
  | { enabled: false }
  | { enabled: true; provider: 'jitsi'; baseUrl: string }
  | { enabled: true; provider: 'custom'; urlTemplate: string };

/** The organization's settings (common/settings.ts) that say whether and how. */
export const MEETING_LINKS_SETTINGS = {
  enabled: 'meeting_links.enabled',
  provider: 'meeting_links.provider',
  jitsiBaseUrl: 'meeting_links.jitsi_base_url',
  urlTemplate: 'meeting_links.url_template',
} as const;

/** A room name of 128 random bits (26 base-32 characters), prefixed so people know where it came from. */
export function newRoomName(
  random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  const bytes = random(new Uint8Array(16));
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let bits = 0;
  let value = 0;
  let name = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      name += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) name += alphabet[(value << (5 - bits)) & 31];
  return `atrium-${name}`;
}

/** The URL of a new room under the organization's setting; undefined when meeting links are off. */
export function newMeetingUrl(links: MeetingLinks, room: string = newRoomName()): string | undefined {
  if (!links.enabled) return undefined;
  if (links.provider === 'jitsi') return `${links.baseUrl.replace(/\/*$/, '/')}${encodeURIComponent(room)}`;
  return links.urlTemplate.replaceAll('{room}', encodeURIComponent(room));
}

/** Reads the setting as it is in force for the viewer; off until it is known or when unreadable. */
export function useMeetingLinks(): MeetingLinks {
  const { data } = useSettings('user');
  const value = (key: string) => data?.find((setting) => setting.key === key)?.value;
  return parseMeetingLinks({
    enabled: value(MEETING_LINKS_SETTINGS.enabled),
    provider: value(MEETING_LINKS_SETTINGS.provider),
    baseUrl: value(MEETING_LINKS_SETTINGS.jitsiBaseUrl),
    urlTemplate: value(MEETING_LINKS_SETTINGS.urlTemplate),
  });
}

/** The settings' values, checked: anything unexpected reads as off. */
export function parseMeetingLinks(value: unknown): MeetingLinks {
  if (!value || typeof value !== 'object') return { enabled: false };
  const v = value as Record<string, unknown>;
  if (v.enabled !== true) return { enabled: false };
  if (
    v.provider === 'custom' &&
    typeof v.urlTemplate === 'string' &&
    /^https:\/\/.*\{room\}/.test(v.urlTemplate)
  ) {
    return { enabled: true, provider: 'custom', urlTemplate: v.urlTemplate };
  }
  const baseUrl =
    typeof v.baseUrl === 'string' && /^https:\/\//.test(v.baseUrl) ? v.baseUrl : 'https://meet.jit.si/';
  return { enabled: true, provider: 'jitsi', baseUrl };
}
