import { errorMeta } from '../../../common/error-particulars';
import { AppError } from '../http/errors';

/**
 * Header safety (SECURITY.md: "CR/LF never reaches a mail header"). Addresses with control
 * characters are refused outright; free text that ends up in a header (display names, subjects)
 * has every control or line-separator character replaced by a space, so whatever nodemailer does
 * later, no line break can reach the header section.
 */

/** C0 and C1 controls, DEL, and the Unicode line and paragraph separators. */
function isControl(code: number): boolean {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

export function hasControlCharacters(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (isControl(value.charCodeAt(i))) return true;
  return false;
}

/** Text for a header: controls become spaces, runs of spaces collapse, at most `max` characters. */
export function headerText(value: string, max = 200): string {
  let flat = '';
  for (const ch of value) flat += isControl(ch.charCodeAt(0)) ? ' ' : ch;
  return Array.from(flat.replace(/\s+/g, ' ').trim()).slice(0, max).join('');
}

// One @, no whitespace/controls/angle brackets/quotes/commas/semicolons/backslashes in either part,
// a dotted domain of letters, digits and hyphens (or an internationalized name).
const LOCAL_PART = /^[^\s@<>()[\]\\,;:"]+$/u;
const DOMAIN =
  /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)*[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

/** True when `address` is one mailbox that is safe to put in a header as is. */
export function isDeliverableAddress(address: string): boolean {
  if (hasControlCharacters(address)) return false;
  if (address.length > 254) return false;
  const at = address.indexOf('@');
  if (at <= 0 || at !== address.lastIndexOf('@')) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > 64 || !LOCAL_PART.test(local)) return false;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  return DOMAIN.test(domain);
}

/** Throws a 422 `invalid_email_address` unless the address is safe to send to. */
export function assertDeliverableAddress(address: string): void {
  if (!isDeliverableAddress(address)) {
    throw new AppError(
      'validation',
      'invalid_email_address',
      'This is not an email address mail can be sent to.',
      {
        meta: errorMeta('invalid_email_address', {
          reason: hasControlCharacters(address) ? 'control_characters' : 'format',
        }),
      },
    );
  }
}
