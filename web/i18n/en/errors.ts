/**
 * What the SPA says for an API error, by its stable `code` (server/platform/http/errors.ts and each
 * feature's codes). A code missing here is shown by the server's `detail`, which is English too;
 * add a code when its words should differ from the server's or be translated.
 * `{{…}}` placeholders are filled from the error's `meta` (e.g. `minLength`).
 */
export const errors = {
  network_error: 'The server could not be reached. Check your connection and try again.',
  internal_error: 'Something went wrong on our side. Try again in a moment.',
  forbidden: 'You do not have the permission to do this.',
  not_found: 'This record does not exist or was deleted.',
  rate_limited: 'Too many attempts. Wait a moment and try again.',
  /** A failure whose answer carried no JSON:API error (e.g. a proxy's page): `http_<status>`. */
  http_error: 'The request failed (HTTP {{status}}).',
} as const;
