import emailAddresses from 'email-addresses';
import { hasControlCharacters, isDeliverableAddress } from './headers';

export type MailboxAddress = { name: string | null; address: string };

export type AddressProblem = 'control_characters' | 'format';

/**
 * One recipient as a person types it: `ada@example.org` or `Ada Lovelace <ada@example.org>`
 * (RFC 5322 §3.4 mailbox, RFC 6532 for non-ASCII), parsed with `email-addresses`. A group, a
 * list, or an address the outbox could not put in a header is a problem, and so is any control
 * character anywhere — a CR/LF in a display name is a header-injection attempt, refused, never
 * cleaned up.
 */
export function parseMailbox(input: string): MailboxAddress | AddressProblem {
  if (hasControlCharacters(input)) return 'control_characters';
  const parsed = emailAddresses.parseOneAddress({ input: input.trim(), rfc6532: true });
  if (parsed?.type !== 'mailbox') return 'format';
  const address = parsed.address;
  if (!isDeliverableAddress(address)) return 'format';
  const name = parsed.name?.trim() || null;
  return { name, address };
}

/** `Name <address>` or the bare address, as shown back. */
export function formatMailbox(mailbox: MailboxAddress): string {
  if (!mailbox.name) return mailbox.address;
  const quoted = /[(),.:;<>@[\]\\"]/.test(mailbox.name)
    ? `"${mailbox.name.replace(/(["\\])/g, '\\$1')}"`
    : mailbox.name;
  return `${quoted} <${mailbox.address}>`;
}
