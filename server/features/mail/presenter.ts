import type { ResourceObject } from '../../platform/http/jsonapi';
import { redactSecrets } from '../../platform/mail/templates/index';
import type { MailMessageRecord, MailMessageSummary } from './store';

export function mailMessagePath(id: string): string {
  return `/api/mail-messages/${id}`;
}

/**
 * The `mail-messages` resource. The bodies (only on a single message) have link tokens and
 * passwords replaced by "[hidden]": the outbox page is for delivery, not for reading secrets.
 */
export function presentMailMessage(message: MailMessageSummary | MailMessageRecord): ResourceObject {
  const attributes: Record<string, unknown> = {
    status: message.status,
    attempts: message.attempts,
    lastError: message.lastError,
    toAddress: message.toAddress,
    toName: message.toName,
    subject: message.subject,
    template: message.template,
    messageId: message.messageId,
    createdAt: message.createdAt,
    sentAt: message.sentAt,
    // Meaningful only while the message waits for its next attempt.
    nextAttemptAt: message.status === 'queued' ? message.nextAttemptAt : null,
  };
  if ('textBody' in message) {
    attributes.textBody = redactSecrets(message.textBody, 'text');
    attributes.htmlBody = message.htmlBody === null ? null : redactSecrets(message.htmlBody, 'html');
  }
  return { type: 'mail-messages', id: message.id, attributes, links: { self: mailMessagePath(message.id) } };
}
