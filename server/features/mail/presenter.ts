import { z } from 'zod';
import type { ResourceObject } from '../../platform/http/jsonapi';
import { apiPath, integer, resourceSchema, text, timestamp } from '../../platform/http/openapi';
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

const mailMessageAttributes = {
  status: z.enum(['queued', 'sending', 'sent', 'failed', 'cancelled']),
  attempts: integer(0, 1000),
  lastError: text(10_000).nullable(),
  toAddress: text(1000),
  toName: text(1000).nullable(),
  subject: text(1000),
  template: text(100),
  messageId: text(1000),
  createdAt: timestamp,
  sentAt: timestamp.nullable(),
  nextAttemptAt: timestamp.nullable().describe('When a queued message is tried next'),
};

/** The `mail-messages` resource of the outbox list (no bodies). */
export const mailMessageSummaryResource = resourceSchema('mail-messages', {
  attributes: mailMessageAttributes,
  links: { self: apiPath },
}).meta({ id: 'MailMessageSummary' });

/** One `mail-messages` resource with its bodies (tokens and passwords hidden). */
export const mailMessageResource = resourceSchema('mail-messages', {
  attributes: {
    ...mailMessageAttributes,
    textBody: text(1_000_000),
    htmlBody: text(2_000_000).nullable(),
  },
  links: { self: apiPath },
}).meta({ id: 'MailMessage' });
