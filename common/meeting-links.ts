/**
 * Meeting links instead of Hangouts (issue 13 item 4; Google retired Hangouts, see research §b):
 * an organization turns them on (`meeting_links.enabled`) and picks a provider — `jitsi` with a
 * base URL (`https://meet.jit.si/` by default: a Jitsi room exists as soon as someone opens its
 * URL, no API needed) or `custom`, a URL template containing `{room}`. A new meeting is a new
 * room with an unguessable name: 128 random bits.
 *
 * The client rule (no server round trip; the room exists once opened): read the values in force
 * for me (`GET /api/settings`: `meeting_links.enabled`, `.provider`, `.jitsi_base_url`,
 * `.url_template`, set by the organization) and open `meetingUrl(settings, newRoomName())`.
 */

export const meetingLinkProviders = ['jitsi', 'custom'] as const;
export type MeetingLinkProvider = (typeof meetingLinkProviders)[number];
export const MEETING_URL_MAX = 2_000;

export type MeetingLinkSettings = {
  provider: MeetingLinkProvider;
  jitsiBaseUrl: string;
  urlTemplate: string;
};

/** Why a base URL is refused (not an https URL without query or fragment), or null. */
export function meetingBaseUrlProblem(value: string): string | null {
  const url = parseUrl(value);
  if (url?.protocol !== 'https:') return 'The address must start with https://.';
  if (url.search || url.hash || url.username || url.password) {
    return 'The address cannot have a query, a fragment or credentials.';
  }
  return null;
}

/** Why a URL template is refused (no `{room}`, or not an https URL once filled), or null. */
export function meetingTemplateProblem(value: string): string | null {
  if (!value.includes('{room}')) return 'The template must contain {room}.';
  const url = parseUrl(value.replaceAll('{room}', 'room'));
  if (url?.protocol !== 'https:' || url.username || url.password) {
    return 'The template must be an https:// address.';
  }
  return null;
}

/**
 * A new room name: `atrium-` and 32 hex digits (128 bits from the platform's CSPRNG,
 * `crypto.getRandomValues`, in browsers and Node alike) — letters and digits only, so every
 * provider accepts it in a path.
 */
export function newRoomName(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return `atrium-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The URL of `room` with these settings: the template with `{room}` replaced (URL-encoded) for
 * `custom`, else the Jitsi base URL with the room as its last path segment.
 * @throws Error when the settings hold no usable address for the provider (e.g. `custom` without
 *   a template).
 */
export function meetingUrl(settings: MeetingLinkSettings, room: string): string {
  const encoded = encodeURIComponent(room);
  if (settings.provider === 'custom') {
    if (meetingTemplateProblem(settings.urlTemplate) !== null) {
      throw new Error('The custom meeting URL template is not set.');
    }
    return settings.urlTemplate.replaceAll('{room}', encoded);
  }
  if (meetingBaseUrlProblem(settings.jitsiBaseUrl) !== null)
    throw new Error('The Jitsi base URL is not usable.');
  const base = settings.jitsiBaseUrl.endsWith('/') ? settings.jitsiBaseUrl : `${settings.jitsiBaseUrl}/`;
  return `${base}${encoded}`;
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
