import { AppError } from '../../http/errors';
import { hasControlCharacters, headerText } from '../headers';
import type { CompiledWords, Messages } from './messages/index';

/** An absolute URL of the app: `publicUrl` + a path that must stay on that origin. */
export function appUrl(publicUrl: string, path: string): string {
  if (!path.startsWith('/') || path.startsWith('//') || /[\\\s]/.test(path) || hasControlCharacters(path)) {
    throw new AppError(
      'validation',
      'invalid_link_path',
      'A link in an email must be a path of Atrium, like /users/me.',
    );
  }
  return `${publicUrl.replace(/\/+$/, '')}${path}`;
}

/** A link carrying a token: the token goes in the fragment, which browsers never send to a server or in a Referer. */
export function tokenUrl(publicUrl: string, path: string, token: string): string {
  return `${appUrl(publicUrl, path)}#token=${encodeURIComponent(token)}`;
}

/** A person's name or address inside a sentence: on one line, whatever was typed. */
export function oneLine(value: string): string {
  return headerText(value, 500);
}

/** "Subject | Atrium" unless the subject names the product already. */
export function withProductName(subject: string, t: Pick<CompiledWords<Messages>, 'productName'>): string {
  const productName = t.productName();
  return subject.includes(productName) ? subject : `${subject} | ${productName}`;
}

/** A moment as the recipient reads it: their locale's words and order, their zone's time and its name. */
export function formatDateTime(
  iso: string,
  locale: string,
  timeZone: string,
  style: 'long' | 'full' = 'long',
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    ...(style === 'full' ? { weekday: 'long' } : {}),
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(date);
}
