import type { EmailTemplateInput, EmailTemplateUpdate } from '../../../common/emails';
import { errorMeta } from '../../../common/error-particulars';
import type { PersonName } from '../../../common/person-name';
import { isUniqueViolation } from '../../platform/db/unique-violation';
import type { Deps } from '../../platform/deps';
import type { Actor } from '../../platform/http/access';
import { AppError, conflictField, notFound } from '../../platform/http/errors';
import { newId } from '../../platform/ids';
import { type MailboxAddress, parseMailbox } from '../../platform/mail/mailbox';
import type { MailLocalization } from '../../platform/mail/outbox';
import { personNameFor, recipientLocalization } from '../../platform/mail/recipient';
import { findOrganizationName } from '../organizations/store';
import { findMemberUser } from '../users/profile-store';
import type { UserRecord } from '../users/store';
import { authorizeEmailTemplateManagement, authorizeEmailTemplateUse } from './policy';
import {
  countEmailTemplates,
  deleteEmailTemplate as deleteTemplateRow,
  EMAIL_TEMPLATES_MAX,
  type EmailTemplateRecord,
  findEmailTemplate,
  insertEmailTemplate,
  listEmailTemplates,
  updateEmailTemplate as updateTemplateRow,
} from './store';
import { checkTemplateText, renderTemplateText, type TemplateValues } from './variables';

const templateNotFound = () => notFound('email template');

const nameTaken = () =>
  conflictField(
    'name',
    'email_template_name_taken',
    'Another email template of this organization has this name.',
  );

/** Checks the subject and body against the known variables (422 with a pointer when not). */
function checkTemplate(input: { subject: string; bodyType: string; content: string }): void {
  checkTemplateText(input.subject, { html: false, field: 'subject' });
  checkTemplateText(input.content, { html: input.bodyType === 'html', field: 'body/content' });
}

/** The organization's templates, by name (`emails.send` or `email_templates.manage`). */
export async function listOrganizationEmailTemplates(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
): Promise<EmailTemplateRecord[]> {
  authorizeEmailTemplateUse(actor);
  return listEmailTemplates(deps.db, actor.organizationId);
}

/** One template of the actor's organization; another organization's answers 404. */
export async function getEmailTemplate(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  id: string,
): Promise<EmailTemplateRecord> {
  authorizeEmailTemplateUse(actor);
  const template = await findEmailTemplate(deps.db, actor.organizationId, id);
  if (!template) throw templateNotFound();
  return template;
}

/**
 * Creates a template (`email_templates.manage`). Its variables are checked now: an unknown one
 * (`{{ recipient.fristName }}`) or a syntax error is a 422 pointing at the subject or the body.
 * Names are unique per organization (409).
 */
export async function createEmailTemplate(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: EmailTemplateInput,
): Promise<EmailTemplateRecord> {
  authorizeEmailTemplateManagement(actor);
  const record: EmailTemplateRecord = {
    id: newId(),
    organizationId: actor.organizationId,
    name: input.name,
    subject: input.subject,
    bodyType: input.body.type,
    content: input.body.content,
    createdAt: deps.clock.now().toISOString(),
    updatedAt: deps.clock.now().toISOString(),
  };
  checkTemplate(record);
  if ((await countEmailTemplates(deps.db, actor.organizationId)) >= EMAIL_TEMPLATES_MAX) {
    throw new AppError(
      'conflict',
      'email_templates_limit',
      `An organization has at most ${EMAIL_TEMPLATES_MAX} email templates. Delete one first.`,
      { meta: errorMeta('email_templates_limit', { limit: EMAIL_TEMPLATES_MAX }) },
    );
  }
  try {
    await insertEmailTemplate(deps.db, record);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
  return record;
}

/** Changes a template's name, subject or body (`email_templates.manage`), checked as on creation. */
export async function updateEmailTemplate(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  input: EmailTemplateUpdate,
): Promise<EmailTemplateRecord> {
  authorizeEmailTemplateManagement(actor);
  const current = await findEmailTemplate(deps.db, actor.organizationId, id);
  if (!current) throw templateNotFound();
  const next: EmailTemplateRecord = {
    ...current,
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.subject !== undefined ? { subject: input.subject } : {}),
    ...(input.body !== undefined ? { bodyType: input.body.type, content: input.body.content } : {}),
    updatedAt: deps.clock.now().toISOString(),
  };
  checkTemplate(next);
  try {
    await updateTemplateRow(deps.db, next);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
  return next;
}

/** Deletes a template (`email_templates.manage`); emails sent from it keep their text. */
export async function deleteEmailTemplate(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<void> {
  authorizeEmailTemplateManagement(actor);
  if (!(await deleteTemplateRow(deps.db, actor.organizationId, id))) throw templateNotFound();
}

export type RenderedEmailTemplate = {
  subject: string;
  body: { type: 'html' | 'text'; content: string };
  /** The variables left written as `{{ … }}` because the recipient has no value for them. */
  unfilled: string[];
};

/**
 * A template filled for one recipient — a user of the organization (by id) or a typed address
 * (`Name <a@b>`) — and the actor as sender: what the Send Email dialog inserts. Values the
 * recipient does not have stay as `{{ recipient.firstName }}` and are listed in `unfilled`;
 * `POST /api/emails` refuses to send while one remains. Without a recipient every recipient
 * variable stays unfilled. Throws 404 for another organization's template or user, 422
 * (`parameter: recipient`) for an address that is not one.
 */
export async function renderEmailTemplate(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  id: string,
  input: { recipient?: string | undefined },
): Promise<RenderedEmailTemplate> {
  const template = await getEmailTemplate(deps, actor, id);
  const sender = (await findMemberUser(deps.db, actor.organizationId, actor.userId))?.user;
  const organization = await findOrganizationName(deps.db, actor.organizationId);
  const recipient = input.recipient ? await findRecipient(deps, actor, input.recipient) : undefined;
  // Names as the recipient writes them: a member's Name format, else the organization's.
  const reader = await recipientLocalization(deps.db, {
    organizationId: actor.organizationId,
    userId: recipient && 'id' in recipient ? recipient.id : undefined,
  });
  const values: TemplateValues = {
    recipient: recipient ? recipientValues(reader, recipient) : {},
    sender: sender ? personValues(reader, sender) : {},
    organization: organization !== undefined ? { name: organization } : {},
  };
  const subject = renderTemplateText(template.subject, values, { html: false, field: 'subject' });
  const content = renderTemplateText(template.content, values, {
    html: template.bodyType === 'html',
    field: 'body/content',
  });
  const unfilled = [...`${subject}\n${content}`.matchAll(/\{\{ ([a-z]+\.[a-zA-Z]+) \}\}/g)].map(
    (match) => match[1] as string,
  );
  return { subject, body: { type: template.bodyType, content }, unfilled: [...new Set(unfilled)] };
}

function personValues(reader: MailLocalization, user: PersonName & { email: string }) {
  return {
    firstName: user.firstName,
    lastName: user.lastName,
    fullName: personNameFor(reader, user),
    email: user.email,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The recipient a template is filled for: a member user (by id) or a typed address. */
async function findRecipient(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  recipient: string,
): Promise<UserRecord | MailboxAddress> {
  if (UUID.test(recipient)) {
    const member = await findMemberUser(deps.db, actor.organizationId, recipient.toLowerCase());
    if (!member)
      throw new AppError('not_found', 'user_not_found', 'The user was not found.', {
        source: { parameter: 'recipient' },
      });
    return member.user;
  }
  const mailbox: MailboxAddress | string = parseMailbox(recipient);
  if (typeof mailbox === 'string') {
    throw new AppError(
      'bad_request',
      'invalid_email_address',
      'The recipient is neither a user nor an email address.',
      {
        source: { parameter: 'recipient' },
        meta: errorMeta('invalid_email_address', { reason: 'recipient' }),
      },
    );
  }
  return mailbox;
}

function recipientValues(
  reader: MailLocalization,
  recipient: UserRecord | MailboxAddress,
): TemplateValues['recipient'] {
  if ('id' in recipient) return personValues(reader, recipient);
  const [firstName, ...rest] = (recipient.name ?? '').split(/\s+/).filter(Boolean);
  return {
    email: recipient.address,
    ...(recipient.name ? { fullName: recipient.name } : {}),
    ...(firstName ? { firstName } : {}),
    ...(rest.length > 0 ? { lastName: rest.join(' ') } : {}),
  };
}
