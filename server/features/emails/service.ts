import { ATTACHMENTS_MAX, type SendEmailInput } from '../../../common/emails';
import { errorMeta } from '../../../common/error-particulars';
import { checkedInstant } from '../../../common/instant';
import type { Deps } from '../../platform/deps';
import type { Actor } from '../../platform/http/access';
import {
  AppError,
  attributePointer,
  forbidden,
  notFound,
  relatedNotFound,
  relationshipPointer,
} from '../../platform/http/errors';
import { newId } from '../../platform/ids';
import type { MailEnvelope } from '../../platform/mail/envelope';
import { type AddressProblem, type MailboxAddress, parseMailbox } from '../../platform/mail/mailbox';
import { cancelQueuedMessage, newMessageId, queuePersonalMail } from '../../platform/mail/outbox';
import { personNameFor, recipientLocalization } from '../../platform/mail/recipient';
import { resolveSettings } from '../../platform/settings';
import { findMemberIds, insertActivities, updateActivities } from '../activities/store';
import { hasTemplateMarkup } from '../email-templates/variables';
import { composeEmailBody } from './body';
import { authorizeEmailSending, canCancelEmail, canViewEmail } from './policy';
import { type EmailRecord, findAttachableFiles, findEmail, findSenderAddresses, insertEmail } from './store';

export type SendEmailRelationships = {
  activityTargets?: string[] | undefined;
  attachments?: string[] | undefined;
  inReplyTo?: string | undefined;
};

export type EmailStatus = 'queued' | 'scheduled' | 'sent' | 'failed' | 'cancelled';

const MB = 1024 * 1024;
/** How far ahead an email may be scheduled. */
const MAX_SCHEDULE_MS = 366 * 24 * 3600_000;
/** References keeps the thread's last ids within one header line's reach (RFC 5322 §3.6.4). */
const MAX_REFERENCES = 20;

const emailNotFound = () => notFound('email');

function addressError(field: string, problem: AddressProblem): AppError {
  return new AppError(
    'validation',
    problem === 'control_characters' ? 'header_injection' : 'invalid_email_address',
    problem === 'control_characters'
      ? 'An address must not contain line breaks or other control characters.'
      : 'This is not an email address (write a@example.org or Name <a@example.org>).',
    {
      source: attributePointer(field),
      ...(problem === 'control_characters'
        ? {}
        : { meta: errorMeta('invalid_email_address', { reason: 'format' }) }),
    },
  );
}

function parseRecipients(field: string, values: readonly string[] | undefined): MailboxAddress[] {
  return (values ?? []).map((value, index) => {
    const parsed = parseMailbox(value);
    if (typeof parsed === 'string') throw addressError(`${field}/${index}`, parsed);
    return parsed;
  });
}

/** What an email's status reads, from its outbox row (DELETE-able while `scheduled`). */
export function emailStatus(email: EmailRecord, now: Date): EmailStatus {
  switch (email.outboxStatus) {
    case 'sent':
      return 'sent';
    case 'failed':
      return 'failed';
    case 'cancelled':
      return 'cancelled';
    case 'queued':
      return email.sendAt !== null &&
        email.outboxAttempts === 0 &&
        Date.parse(email.outboxNextAttemptAt) > now.getTime()
        ? 'scheduled'
        : 'queued';
    default:
      return 'queued';
  }
}

/**
 * Sends an email as the actor (`emails.send`; OroCRM's Send Email). Checked before anything is
 * written, each with a 4xx and a pointer: From is one of the actor's own addresses (primary or
 * verified additional); every recipient parses (`Name <a@b>` allowed; CR/LF is a header
 * injection, refused) and there is at least one in To, Cc or Bcc; no `{{ … }}` or `{% … %}` of a
 * template is left in the subject or body; `sendAt` lies in the future (within a year); activity
 * targets are members of the organization; attachments are the actor's uploads in this
 * organization, together within `email.attachments_total_max_mb`; `inReplyTo` is an email the
 * actor may see (a reply: `Re: ` prefixed, In-Reply-To and References set).
 *
 * Then, in one transaction: the outbox message (waiting until `sendAt` when given), the email
 * row, its attachments and one activity row per target. The HTML is sanitized and the signature
 * (user setting `email.signature`) appended before storing; the Message-ID is fixed now.
 */
export async function sendEmail(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'mail'>,
  actor: Actor,
  input: SendEmailInput,
  relationships: SendEmailRelationships,
): Promise<EmailRecord> {
  authorizeEmailSending(actor);
  const { db, clock } = deps;
  const now = clock.now();

  const { sender, ownAddress } = await checkSender(db, actor, input.from);
  const { to, cc, bcc } = checkRecipientsAndText(input);
  const sendAt = checkSendAt(input.sendAt, now);
  const targetIds = await checkActivityTargets(db, actor, relationships.activityTargets ?? []);
  const settings = await resolveSettings(db, { organizationId: actor.organizationId, userId: actor.userId });
  const { attachmentIds, byId } = await checkAttachments(
    db,
    actor,
    relationships.attachments ?? [],
    settings['email.attachments_total_max_mb'],
  );
  const { subject, inReplyTo, references } = await replyOf(db, actor, relationships.inReplyTo, input.subject);

  const body = composeEmailBody(input.body, settings['email.signature']);
  const messageId = newMessageId(deps.config.publicUrl);
  // Several readers, members or not: the From name follows the organization's Name format.
  const readers = await recipientLocalization(db, {
    organizationId: actor.organizationId,
    userId: undefined,
  });
  const fromName = personNameFor(readers, sender.person) || null;
  const envelope: MailEnvelope = {
    to,
    cc,
    bcc,
    ...(inReplyTo ? { inReplyTo: inReplyTo.messageId } : {}),
    ...(references ? { references } : {}),
    attachments: attachmentIds.map((id) => {
      const file = byId.get(id) as NonNullable<ReturnType<typeof byId.get>>;
      return { storageKey: file.storageKey, fileName: file.fileName, contentType: file.contentType };
    }),
  };
  const id = newId();
  const createdAt = now.toISOString();

  await db.transaction().execute(async (trx) => {
    const outbox = await queuePersonalMail(trx, deps, {
      organizationId: actor.organizationId,
      from: formatFrom({ name: fromName, address: ownAddress }),
      subject,
      text: body.text,
      html: body.html,
      envelope,
      messageId,
      notBefore: sendAt ?? undefined,
    });
    await insertEmail(
      trx,
      {
        id,
        organizationId: actor.organizationId,
        authorId: actor.userId,
        fromAddress: ownAddress,
        fromName,
        toRecipients: JSON.stringify(to),
        ccRecipients: JSON.stringify(cc),
        bccRecipients: JSON.stringify(bcc),
        subject,
        bodyType: input.body.type,
        bodyHtml: body.html,
        bodyText: body.text,
        activityTargetIds: JSON.stringify(targetIds),
        sendAt,
        messageId,
        inReplyToId: inReplyTo?.id ?? null,
        referencesHeader: references,
        outboxId: outbox.id,
        createdAt,
      },
      attachmentIds,
    );
    await insertActivities(
      trx,
      { organizationId: actor.organizationId, kind: 'email', recordId: id },
      {
        authorId: actor.userId,
        occurredAt: sendAt ?? createdAt,
        subject,
        status: sendAt ? 'scheduled' : 'queued',
      },
      targetIds,
      createdAt,
    );
  });
  deps.mail.wake();
  return (await findEmail(db, actor.organizationId, id)) as EmailRecord;
}

/** The sender's own address the From names (their primary or a verified additional one), and who they are. */
async function checkSender(db: Deps['db'], actor: Actor, fromInput: string) {
  const from = parseMailbox(fromInput);
  if (typeof from === 'string') throw addressError('from', from);
  const sender = await findSenderAddresses(db, actor.userId);
  const ownAddress = sender?.addresses.find(
    (address) => address.toLowerCase() === from.address.toLowerCase(),
  );
  if (!sender || !ownAddress) {
    throw new AppError(
      'validation',
      'email_from_not_allowed',
      'Send from your primary email address or one of your verified additional addresses.',
      { source: attributePointer('from') },
    );
  }

  return { sender, ownAddress };
}

/** The recipients, parsed (at least one), and a subject and body with no template markup left. */
function checkRecipientsAndText(input: SendEmailInput) {
  const to = parseRecipients('toRecipients', input.toRecipients);
  const cc = parseRecipients('ccRecipients', input.ccRecipients);
  const bcc = parseRecipients('bccRecipients', input.bccRecipients);
  if (to.length + cc.length + bcc.length === 0) {
    throw new AppError(
      'validation',
      'email_recipients_required',
      'Add at least one recipient in To, Cc or Bcc.',
      {
        source: attributePointer('toRecipients'),
      },
    );
  }

  for (const [field, text] of [
    ['subject', input.subject],
    ['body/content', input.body.content],
  ] as const) {
    if (hasTemplateMarkup(text)) {
      throw new AppError(
        'validation',
        'template_variable_unfilled',
        'A template variable ({{ … }}) is still in the text: replace it before sending.',
        { source: attributePointer(field) },
      );
    }
  }

  return { to, cc, bcc };
}

/** When a scheduled email leaves (in the future, within a year), or null for now. */
function checkSendAt(sendAtInput: string | undefined, now: Date): string | null {
  let sendAt: string | null = null;
  if (sendAtInput !== undefined) {
    const at = Date.parse(checkedInstant(sendAtInput));
    if (!(at > now.getTime())) {
      throw new AppError('validation', 'send_at_past', 'Choose a time in the future to send later.', {
        source: attributePointer('sendAt'),
      });
    }
    if (at - now.getTime() > MAX_SCHEDULE_MS) {
      throw new AppError('validation', 'send_at_too_far', 'An email can be scheduled at most a year ahead.', {
        source: attributePointer('sendAt'),
      });
    }
    sendAt = new Date(at).toISOString();
  }

  return sendAt;
}

/** The activity targets, each a member of the organization; their distinct ids. */
async function checkActivityTargets(
  db: Deps['db'],
  actor: Actor,
  activityTargets: string[],
): Promise<string[]> {
  const targetIds = [...new Set(activityTargets)];
  const members = await findMemberIds(db, actor.organizationId, targetIds);
  for (const [index, id] of activityTargets.entries()) {
    if (!members.has(id)) {
      throw relatedNotFound(
        'user_not_found',
        'This user is not in your organization.',
        'activityTargets',
        index,
      );
    }
  }

  return targetIds;
}

/** The attachments: the actor's own uploads in this organization, each once, together within the limit. */
async function checkAttachments(db: Deps['db'], actor: Actor, attachmentIds: string[], totalMaxMb: number) {
  if (new Set(attachmentIds).size !== attachmentIds.length || attachmentIds.length > ATTACHMENTS_MAX) {
    throw new AppError(
      'validation',
      'attachments_invalid',
      `Attach each file once, at most ${ATTACHMENTS_MAX}.`,
      {
        source: relationshipPointer('attachments', 'whole'),
        meta: errorMeta('attachments_invalid', { maximum: ATTACHMENTS_MAX }),
      },
    );
  }
  const files = await findAttachableFiles(db, actor.organizationId, attachmentIds);
  const byId = new Map(files.map((file) => [file.id, file]));
  for (const [index, id] of attachmentIds.entries()) {
    const file = byId.get(id);
    if (!file || file.uploaderId !== actor.userId) {
      throw relatedNotFound(
        'file_not_found',
        'Attach files you uploaded (POST /api/files).',
        'attachments',
        index,
      );
    }
  }
  const totalLimit = totalMaxMb * MB;
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > totalLimit) {
    throw new AppError(
      'validation',
      'attachments_too_large',
      `The attachments are ${Math.ceil(total / MB)} MB together; this organization allows ${totalMaxMb} MB per email.`,
      {
        source: relationshipPointer('attachments', 'whole'),
        meta: errorMeta('attachments_too_large', { maxBytes: totalLimit, maxMegabytes: totalMaxMb }),
      },
    );
  }

  return { attachmentIds, byId };
}

/** A reply's subject (`Re: `), the email replied to (one the actor may see) and the References header. */
async function replyOf(db: Deps['db'], actor: Actor, inReplyToId: string | undefined, subjectInput: string) {
  let subject = subjectInput;
  let inReplyTo: EmailRecord | undefined;
  if (inReplyToId !== undefined) {
    inReplyTo = await findEmail(db, actor.organizationId, inReplyToId);
    if (
      !inReplyTo ||
      !canViewEmail(actor, { ...inReplyTo, activityTargetIds: JSON.parse(inReplyTo.activityTargetIds) })
    ) {
      throw new AppError('not_found', 'email_not_found', 'The email replied to was not found.', {
        source: relationshipPointer('inReplyTo'),
      });
    }
    if (!/^re:/i.test(subject.trim())) subject = `Re: ${subject}`;
  }
  const references = inReplyTo
    ? [...(inReplyTo.referencesHeader ?? '').split(/\s+/).filter(Boolean), inReplyTo.messageId]
        .slice(-MAX_REFERENCES)
        .join(' ')
    : null;

  return { subject, inReplyTo, references };
}

function formatFrom(mailbox: MailboxAddress): string {
  if (!mailbox.name) return mailbox.address;
  return `"${mailbox.name.replace(/(["\\])/g, '\\$1')}" <${mailbox.address}>`;
}

/** An email the actor may see (author, activity target, or `activities.view`); else 404. */
export async function getEmail(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<EmailRecord> {
  const email = await findEmail(deps.db, actor.organizationId, id);
  if (
    !email ||
    !canViewEmail(actor, { authorId: email.authorId, activityTargetIds: JSON.parse(email.activityTargetIds) })
  ) {
    throw emailNotFound();
  }
  return email;
}

/**
 * Cancels a scheduled email (its author only): the outbox message is withdrawn before a worker
 * claims it. 409 `email_not_cancellable` once it is being sent, sent, failed, already cancelled,
 * or when it was never scheduled (sent at once).
 */
export async function cancelEmail(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, id: string): Promise<void> {
  const email = await getEmail(deps, actor, id);
  if (!canCancelEmail(actor, email)) throw forbidden('Only the author can cancel a scheduled email.');
  const now = deps.clock.now();
  const status = emailStatus(email, now);
  const cancelled =
    status === 'scheduled' &&
    (await deps.db.transaction().execute(async (trx) => {
      if (!(await cancelQueuedMessage(trx, email.outboxId, now.toISOString()))) return false;
      await updateActivities(
        trx,
        { organizationId: actor.organizationId, kind: 'email', recordId: email.id },
        { status: 'cancelled' },
        now.toISOString(),
      );
      return true;
    }));
  if (!cancelled) {
    throw new AppError(
      'conflict',
      'email_not_cancellable',
      status === 'scheduled'
        ? 'The email is already being sent.'
        : `Only a scheduled email can be cancelled; this one is ${status}.`,
      { meta: errorMeta('email_not_cancellable', { status }) },
    );
  }
}
