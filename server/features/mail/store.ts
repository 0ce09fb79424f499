import type { Kysely } from 'kysely';
import type { DB, MailOutboxRow, MailStatus } from '../../platform/db/schema';
import {
  fetchListPage,
  type ListPage,
  type ListQuery,
  type ListSpec,
  listReadsOf,
} from '../../platform/http/jsonapi';

export const mailStatuses: readonly MailStatus[] = ['queued', 'sending', 'sent', 'failed', 'cancelled'];

/**
 * Whose messages a query sees. The API always passes the actor's organization: an administrator
 * sees the mail of their organization and nothing else, not even system mail (organization_id
 * null: sign-in and recovery mail of people who may belong to other organizations). `everything`
 * is for the operator's shell (`npx atrium mail:list`), never for an HTTP request.
 */
export type MailScope = { organizationId: string } | 'everything';

/** `GET /api/mail-messages`: sorting, filters. */
export const mailMessageListSpec: ListSpec = {
  type: 'mail-messages',
  sort: {
    createdAt: 'mailOutbox.createdAt',
    sentAt: 'mailOutbox.sentAt',
    nextAttemptAt: 'mailOutbox.nextAttemptAt',
    status: 'mailOutbox.status',
    attempts: 'mailOutbox.attempts',
    toAddress: 'mailOutbox.toAddress',
    subject: 'mailOutbox.subject',
    id: 'mailOutbox.id',
  },
  defaultSort: '-createdAt,-id',
  // Not sent yet: NULL, the largest value (first when sorted newest first).
  nullableSorts: ['sentAt'],
  sortValues: {
    createdAt: 'timestamp',
    sentAt: 'timestamp',
    nextAttemptAt: 'timestamp',
    attempts: 'integer',
  },
  filters: {
    status: { column: 'mailOutbox.status', kind: 'enum', values: mailStatuses },
    toAddress: { column: 'mailOutbox.toAddress', kind: 'string', ops: ['eq', 'neq', 'contains'] },
    template: { column: 'mailOutbox.template', kind: 'string', ops: ['eq', 'neq'] },
    createdAt: { column: 'mailOutbox.createdAt', kind: 'timestamp' },
  },
};

export type MailMessageSummary = Pick<
  MailOutboxRow,
  | 'id'
  | 'organizationId'
  | 'messageId'
  | 'template'
  | 'toAddress'
  | 'toName'
  | 'subject'
  | 'status'
  | 'attempts'
  | 'lastError'
  | 'nextAttemptAt'
  | 'sentAt'
  | 'createdAt'
>;

export type MailMessageRecord = MailMessageSummary & Pick<MailOutboxRow, 'textBody' | 'htmlBody'>;

const summaryColumns = [
  'mailOutbox.id',
  'mailOutbox.organizationId',
  'mailOutbox.messageId',
  'mailOutbox.template',
  'mailOutbox.toAddress',
  'mailOutbox.toName',
  'mailOutbox.subject',
  'mailOutbox.status',
  'mailOutbox.attempts',
  'mailOutbox.lastError',
  'mailOutbox.nextAttemptAt',
  'mailOutbox.sentAt',
  'mailOutbox.createdAt',
] as const;

function scoped(db: Kysely<DB>, scope: MailScope) {
  const query = db.selectFrom('mailOutbox');
  return scope === 'everything' ? query : query.where('mailOutbox.organizationId', '=', scope.organizationId);
}

export function listMailMessages(
  db: Kysely<DB>,
  scope: MailScope,
  listQuery: ListQuery,
): Promise<ListPage<MailMessageSummary>> {
  return fetchListPage(
    scoped(listReadsOf(db, listQuery), scope).select(summaryColumns),
    listQuery,
    'mailOutbox.id',
  );
}

export async function findMailMessage(
  db: Kysely<DB>,
  scope: MailScope,
  id: string,
): Promise<MailMessageRecord | undefined> {
  return scoped(db, scope)
    .select([...summaryColumns, 'mailOutbox.textBody', 'mailOutbox.htmlBody'])
    .where('mailOutbox.id', '=', id)
    .executeTakeFirst();
}

/**
 * A failed message back in the queue, due now, with its attempts counted from zero (the last
 * error stays until the next attempt replaces or clears it). False unless it was `failed`.
 */
export async function requeueFailedMessage(
  db: Kysely<DB>,
  scope: MailScope,
  id: string,
  now: string,
): Promise<boolean> {
  let query = db
    .updateTable('mailOutbox')
    .set({
      status: 'queued',
      attempts: 0,
      nextAttemptAt: now,
      claimedBy: null,
      claimedAt: null,
      updatedAt: now,
    })
    .where('id', '=', id)
    .where('status', '=', 'failed');
  if (scope !== 'everything') query = query.where('organizationId', '=', scope.organizationId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
