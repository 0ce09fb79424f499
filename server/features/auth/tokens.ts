import { randomToken, sha256 } from '../../platform/secrets';

/** A new session secret (256 bits) for the cookie; only its SHA-256 is stored. */
export function newSessionToken(): string {
  return randomToken(32);
}

/**
 * The CSRF token of a session, derived from its secret: the browser reads it from the API (never
 * from the HttpOnly cookie) and sends it back in X-CSRF-Token; nothing extra is stored.
 */
export function csrfTokenFor(sessionToken: string): string {
  return sha256(`csrf:${sessionToken}`);
}
