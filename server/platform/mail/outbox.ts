import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { NameFormat } from '../../../common/person-name';
import { isoNow } from '../clock';
import type { DB } from '../db/schema';
import type { Deps } from '../deps';
import { newId } from '../ids';
import type { MailEnvelope } from './envelope';
import { assertDeliverableAddress, headerText } from './headers';
import { renderTemplate, type TemplateData, type TemplateName } from './templates/index';

export type { TemplateData, TemplateName } from './templates/index';

export type MailAddress = { address: string; name?: string | null };

/**
 * How a recipient reads: the text's language, the locale of dates and numbers, the time zone, and
 * the order of person names (`formatPersonName`; `personNameFor` in ./recipient.ts).
 */
export type MailLocalization = { language: string; locale: string; timeZone: string; nameFormat: NameFormat };

export type QueueMailInput<T extends TemplateName> = {
  template: T;
  to: MailAddress;
  data: TemplateData[T];
  /**
   * The recipient's language, locale and time zone (`recipientLocalization`: their settings in
   * the organization the message is about); English, en, UTC when absent.
   */
  localization?: MailLocalization;
  /** The organization the message belongs to; null for a system message. */
  organizationId: string | null;
  /**
   * An iCalendar object (RFC 5545 text with its METHOD, e.g. an invitation's REQUEST) sent as the
   * message's `text/calendar; method=…` alternative part, beside the text and HTML ones.
   */
  calendar?: string | null;
};

/**
 * Queues one email in the transactional outbox. Pass the business transaction as `db`, so the
 * row commits or rolls back with the change that caused it; call `deps.mail.wake()` after the
 * commit. The message is rendered now (subject, text, HTML, Message-ID are stored), so every
 * retry sends exactly the same message.
 *
 * Throws AppError 'validation' (`invalid_email_address`) for an address that is malformed or
 * carries control characters; control characters in the display name are replaced.
 */
export async function queueMail<T extends TemplateName>(
  db: Kysely<DB>,
  deps: Pick<Deps, 'clock' | 'config'>,
  input: QueueMailInput<T>,
): Promise<{ id: string; messageId: string }> {
  const address = input.to.address.trim();
  assertDeliverableAddress(address);
  const name = input.to.name ? headerText(input.to.name) : '';
  const rendered = renderTemplate(input.template, input.data, {
    ...input.localization,
    publicUrl: deps.config.publicUrl,
  });
  const id = newId();
  const messageId = newMessageId(deps.config.publicUrl);
  const now = isoNow(deps.clock);
  await db
    .insertInto('mailOutbox')
    .values({
      id,
      organizationId: input.organizationId,
      messageId,
      template: input.template,
      toAddress: address,
      toName: name || null,
      fromAddress: deps.config.mailFrom,
      replyTo: null,
      subject: rendered.subject,
      textBody: rendered.text,
      htmlBody: rendered.html,
      status: 'queued',
      attempts: 0,
      nextAttemptAt: now,
      claimedBy: null,
      claimedAt: null,
      lastError: null,
      sentAt: null,
      createdAt: now,
      updatedAt: now,
      calendar: input.calendar ?? null,
      contentLanguage: rendered.language,
    })
    .execute();
  return { id, messageId };
}

/** `<uuid@host-of-PUBLIC_URL>`: unique, and says which installation sent it. */
export function newMessageId(publicUrl: string): string {
  let host = 'localhost';
  try {
    host = new URL(publicUrl).hostname || host;
  } catch {
    // config.publicUrl is validated at start; keep a usable id anyway.
  }
  return `<${randomUUID()}@${host}>`;
}

export type QueuePersonalMailInput = {
  organizationId: string;
  /** `Name <address>` of the sender, checked by the caller (one of their verified addresses). */
  from: string;
  subject: string;
  text: string;
  html: string;
  envelope: MailEnvelope;
  messageId: string;
  /** ISO: not sent before this (scheduled sending); now when absent. */
  notBefore?: string | undefined;
};

/**
 * Queues a person's email (Send Email) in the outbox, in the caller's transaction: every
 * recipient, header and attachment in `envelope`, a Message-ID fixed now and kept across retries,
 * and `next_attempt_at` = `notBefore`, so a scheduled email waits in the queue until then and
 * can be cancelled (`cancelQueuedMessage`) until a worker claims it. The caller has checked the
 * addresses; the first To (or Cc, or Bcc) address is the row's `to_address` for the outbox list.
 */
export async function queuePersonalMail(
  db: Kysely<DB>,
  deps: Pick<Deps, 'clock'>,
  input: QueuePersonalMailInput,
): Promise<{ id: string }> {
  const first = input.envelope.to[0] ?? input.envelope.cc[0] ?? input.envelope.bcc[0];
  if (!first) throw new Error('a personal email needs a recipient');
  const id = newId();
  const now = isoNow(deps.clock);
  await db
    .insertInto('mailOutbox')
    .values({
      id,
      organizationId: input.organizationId,
      messageId: input.messageId,
      template: 'person',
      toAddress: first.address,
      toName: first.name ? headerText(first.name) : null,
      fromAddress: input.from,
      replyTo: null,
      subject: headerText(input.subject, 998),
      textBody: input.text,
      htmlBody: input.html,
      status: 'queued',
      attempts: 0,
      nextAttemptAt: input.notBefore ?? now,
      claimedBy: null,
      claimedAt: null,
      lastError: null,
      sentAt: null,
      createdAt: now,
      updatedAt: now,
      envelope: JSON.stringify(input.envelope),
    })
    .execute();
  return { id };
}

/**
 * Withdraws a message still waiting in the queue (status `queued`: not yet claimed by a worker).
 * False when it is being sent, sent, failed or already cancelled.
 */
export async function cancelQueuedMessage(db: Kysely<DB>, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('mailOutbox')
    .set({ status: 'cancelled', updatedAt: now })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
