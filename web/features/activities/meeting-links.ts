import {
  meetingBaseUrlProblem,
  meetingTemplateProblem,
  meetingUrl,
  newRoomName,
} from '../../../common/meeting-links';
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

/**
 * The URL of a new room (common/meeting-links.ts: 128 random bits, the provider's address rule);
 * undefined when meeting links are off.
 */
export function newMeetingUrl(links: MeetingLinks, room: string = newRoomName()): string | undefined {
  if (!links.enabled) return undefined;
  return links.provider === 'jitsi'
    ? meetingUrl({ provider: 'jitsi', jitsiBaseUrl: links.baseUrl, urlTemplate: '' }, room)
    : meetingUrl({ provider: 'custom', jitsiBaseUrl: '', urlTemplate: links.urlTemplate }, room);
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
    meetingTemplateProblem(v.urlTemplate) === null
  ) {
    return { enabled: true, provider: 'custom', urlTemplate: v.urlTemplate };
  }
  const baseUrl =
    typeof v.baseUrl === 'string' && meetingBaseUrlProblem(v.baseUrl) === null
      ? v.baseUrl
      : 'https://meet.jit.si/';
  return { enabled: true, provider: 'jitsi', baseUrl };
}
