import type { Kysely, Selectable } from 'kysely';
import type { PersonName } from '../../../common/person-name';
import type { DB, EmailsTable, FilesTable, MailStatus } from '../../platform/db/schema';

export type EmailRow = Selectable<EmailsTable>;

/** An email with its delivery state (from its outbox row) and its attachments' ids, in order. */
export type EmailRecord = EmailRow & {
  outboxStatus: MailStatus;
  outboxAttempts: number;
  outboxNextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
  attachmentIds: string[];
};

const emailColumns = [
  'emails.id',
  'emails.organizationId',
  'emails.authorId',
  'emails.fromAddress',
  'emails.fromName',
  'emails.toRecipients',
  'emails.ccRecipients',
  'emails.bccRecipients',
  'emails.subject',
  'emails.bodyType',
  'emails.bodyHtml',
  'emails.bodyText',
  'emails.activityTargetIds',
  'emails.sendAt',
  'emails.messageId',
  'emails.inReplyToId',
  'emails.referencesHeader',
  'emails.outboxId',
  'emails.createdAt',
] as const;

export async function insertEmail(
  db: Kysely<DB>,
  row: EmailRow,
  attachmentIds: readonly string[],
): Promise<void> {
  await db.insertInto('emails').values(row).execute();
  if (attachmentIds.length > 0) {
    await db
      .insertInto('emailAttachments')
      .values(attachmentIds.map((fileId, position) => ({ emailId: row.id, fileId, position })))
      .execute();
  }
}

/** One email of the organization with its delivery state; another organization's is not found. */
export async function findEmail(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
): Promise<EmailRecord | undefined> {
  return (await findEmailsByIds(db, organizationId, [id]))[0];
}

/**
 * The organization's emails among `ids` with their live delivery state (read from their outbox
 * rows, so `sent`/`failed` show as soon as the worker records them) and their attachments' ids.
 * Another organization's or a missing id is simply absent; the order is unspecified.
 */
export async function findEmailsByIds(
  db: Kysely<DB>,
  organizationId: string,
  ids: readonly string[],
): Promise<EmailRecord[]> {
  if (ids.length === 0) return [];
  const unique = [...new Set(ids)];
  const rows = await db
    .selectFrom('emails')
    .innerJoin('mailOutbox', 'mailOutbox.id', 'emails.outboxId')
    .select([
      ...emailColumns,
      'mailOutbox.status as outboxStatus',
      'mailOutbox.attempts as outboxAttempts',
      'mailOutbox.nextAttemptAt as outboxNextAttemptAt',
      'mailOutbox.lastError',
      'mailOutbox.sentAt',
    ])
    .where('emails.organizationId', '=', organizationId)
    .where('emails.id', 'in', unique)
    .execute();
  if (rows.length === 0) return [];
  const attachments = await db
    .selectFrom('emailAttachments')
    .select(['emailId', 'fileId'])
    .where(
      'emailId',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('emailId')
    .orderBy('position')
    .execute();
  const attachmentIds = new Map<string, string[]>();
  for (const { emailId, fileId } of attachments) {
    attachmentIds.set(emailId, [...(attachmentIds.get(emailId) ?? []), fileId]);
  }
  return rows.map((row) => ({
    ...row,
    outboxAttempts: Number(row.outboxAttempts),
    attachmentIds: attachmentIds.get(row.id) ?? [],
  }));
}

/**
 * The addresses the user may send from (the primary one and the verified additional ones) and
 * the name parts the From line shows, formatted for the readers (`personNameFor`).
 */
export async function findSenderAddresses(
  db: Kysely<DB>,
  userId: string,
): Promise<{ person: PersonName; addresses: string[] } | undefined> {
  const user = await db
    .selectFrom('users')
    .select(['namePrefix', 'firstName', 'middleName', 'lastName', 'nameSuffix', 'email'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) return undefined;
  const { email, ...person } = user;
  const additional = await db
    .selectFrom('userEmails')
    .select('email')
    .where('userId', '=', userId)
    .where('verifiedAt', 'is not', null)
    .orderBy('position')
    .execute();
  return {
    person,
    addresses: [email, ...additional.map((row) => row.email)],
  };
}

/**
 * The files of the organization with these ids, to attach to an email (any order; missing ones
 * are left out). Uploads live in the files feature, which depends on emails (a file is readable
 * through the emails that carry it), so the emails store reads them itself.
 */
export async function findAttachableFiles(
  db: Kysely<DB>,
  organizationId: string,
  ids: readonly string[],
): Promise<Selectable<FilesTable>[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('files')
    .select([
      'files.id',
      'files.organizationId',
      'files.uploaderId',
      'files.fileName',
      'files.contentType',
      'files.size',
      'files.storageKey',
      'files.createdAt',
    ])
    .where('files.organizationId', '=', organizationId)
    .where('files.id', 'in', ids)
    .execute();
  return rows.map((row) => ({ ...row, size: Number(row.size) }));
}
