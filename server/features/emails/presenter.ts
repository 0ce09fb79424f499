import { z } from 'zod';
import { emailAbilities } from '../../../common/abilities';
import { ATTACHMENTS_MAX, EMAIL_BODY_MAX, RECIPIENTS_MAX, SUBJECT_MAX } from '../../../common/emails';
import type { Actor } from '../../platform/http/access';
import type { ResourceObject } from '../../platform/http/jsonapi';
import {
  abilitiesSchema,
  apiPath,
  resourceSchema,
  text,
  timestamp,
  toManyRelationship,
  toOneRelationship,
} from '../../platform/http/openapi';
import { formatMailbox, type MailboxAddress } from '../../platform/mail/mailbox';
import { emailAbilitiesOf } from './policy';
import { type EmailStatus, emailStatus } from './service';
import type { EmailRecord } from './store';

export function emailPath(id: string): string {
  return `/api/emails/${id}`;
}

const recipients = (json: string) => (JSON.parse(json) as MailboxAddress[]).map(formatMailbox);

/**
 * An `emails` resource. The body is the stored one (sanitized, signature included): HTML for an
 * HTML email, the text for a text email. Bcc recipients are shown to the author only; what the
 * actor may do to it is in `meta.abilities`.
 */
export function presentEmail(email: EmailRecord, actor: Actor, now: Date): ResourceObject {
  const status: EmailStatus = emailStatus(email, now);
  return {
    type: 'emails',
    id: email.id,
    attributes: {
      from: formatMailbox({ name: email.fromName, address: email.fromAddress }),
      toRecipients: recipients(email.toRecipients),
      ccRecipients: recipients(email.ccRecipients),
      bccRecipients: email.authorId === actor.userId ? recipients(email.bccRecipients) : [],
      subject: email.subject,
      body: { type: email.bodyType, content: email.bodyType === 'html' ? email.bodyHtml : email.bodyText },
      textBody: email.bodyText,
      status,
      failureReason: status === 'failed' ? email.lastError : null,
      messageId: email.messageId,
      sendAt: email.sendAt,
      sentAt: email.sentAt,
      createdAt: email.createdAt,
    },
    relationships: {
      author: { data: { type: 'users', id: email.authorId } },
      activityTargets: {
        data: (JSON.parse(email.activityTargetIds) as string[]).map((id) => ({ type: 'users', id })),
      },
      attachments: { data: email.attachmentIds.map((id) => ({ type: 'files', id })) },
      inReplyTo: { data: email.inReplyToId ? { type: 'emails', id: email.inReplyToId } : null },
    },
    links: { self: emailPath(email.id) },
    meta: { abilities: emailAbilitiesOf(actor, email, status) },
  };
}

const addressList = z.array(text(1000)).max(RECIPIENTS_MAX);

export const emailResource = resourceSchema('emails', {
  attributes: {
    from: text(1000),
    toRecipients: addressList,
    ccRecipients: addressList,
    bccRecipients: addressList.describe('Shown to the author only'),
    subject: text(SUBJECT_MAX + 4),
    body: z.strictObject({
      type: z.enum(['html', 'text']),
      content: text(EMAIL_BODY_MAX * 4).describe('As sent: sanitized HTML (or the text), with the signature'),
    }),
    textBody: text(EMAIL_BODY_MAX * 4).describe('The plain-text part as sent'),
    status: z.enum(['queued', 'scheduled', 'sent', 'failed', 'cancelled']),
    failureReason: text(10_000).nullable().describe('Why a failed email could not be delivered'),
    messageId: text(1000).describe('The Message-ID header, the same on every attempt'),
    sendAt: timestamp.nullable().describe('When a scheduled email goes out'),
    sentAt: timestamp.nullable(),
    createdAt: timestamp,
  },
  relationships: {
    author: toOneRelationship('users'),
    activityTargets: toManyRelationship('users', 100),
    attachments: toManyRelationship('files', ATTACHMENTS_MAX),
    inReplyTo: toOneRelationship('emails', { nullable: true }),
  },
  links: { self: apiPath },
  meta: z.strictObject({
    abilities: abilitiesSchema(emailAbilities)
      .describe('What I may do to this email (common/abilities.ts)')
      .meta({ id: 'EmailAbilities' }),
  }),
  // The Activity timeline honours `fields[emails]`.
  sparse: true,
}).meta({ id: 'Email' });
