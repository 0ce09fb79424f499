import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isoNow } from '../clock';
import type { DB } from '../db/schema';
import type { Deps } from '../deps';
import { newId } from '../ids';
import { assertDeliverableAddress, headerText } from './headers';
import { renderTemplate, type TemplateData, type TemplateName } from './templates/index';

export type { TemplateData, TemplateName } from './templates/index';

export type MailAddress = { address: string; name?: string | null };

export type QueueMailInput<T extends TemplateName> = {
  template: T;
  to: MailAddress;
  data: TemplateData[T];
  /** The recipient's language; English when absent. */
  locale?: string | null;
  /** The organization the message belongs to; null for a system message. */
  organizationId: string | null;
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
    locale: input.locale,
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
