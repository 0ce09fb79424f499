import { domainToAscii } from './unicode-text';

/**
 * The comparison keys of logins, one rule wherever a username or an email is looked up or kept
 * unique (`users.username_normalized`, `users.email_normalized`, `user_emails.email_normalized`,
 * `identities`, sign-in, recovery, invitations). Pure: no database, no feature.
 */

/** Case-insensitive identity of usernames (Unicode-aware, unlike SQLite's NOCASE). */
export function normalizeUsername(username: string): string {
  return username.normalize('NFC').toLowerCase();
}

/**
 * The comparison key of an email address: the part before the "@" in NFC and lower case (as
 * before), and the domain in its ASCII form after IDNA mapping (UTS #46), so
 * `Lena@Bücher.example` and `lena@xn--bcher-kva.example` are one address. What the person typed
 * is kept separately, for display and for sending. A domain IDNA refuses (only in rows older than
 * this rule) is kept in lower case.
 */
export function normalizeEmail(email: string): string {
  const value = email.normalize('NFC').trim();
  const at = value.lastIndexOf('@');
  if (at < 0) return value.toLowerCase();
  const domain = value.slice(at + 1);
  return `${value.slice(0, at).toLowerCase()}@${domainToAscii(domain) ?? domain.toLowerCase()}`;
}
