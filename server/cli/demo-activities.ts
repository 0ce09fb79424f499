import type { Insertable, Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { ActivitiesTable, CallsTable, DB, EmailsTable, MailOutboxTable } from '../platform/db/schema';
import type { MailEnvelope } from '../platform/mail/envelope';
import { newMessageId } from '../platform/mail/outbox';
import { insertDemoActivities } from './demo-store';

/** What a generator says about one demo call (the rest is filled in by `seedActivities`). */
export type DemoCall = Pick<
  CallsTable,
  'subject' | 'phoneNumber' | 'notes' | 'callStatus' | 'direction' | 'duration'
>;

/**
 * What a generator says about one demo email: its subject, its body (sanitized HTML as the app
 * stores it, and the plain-text alternative) and its To recipient. From is the author's address.
 */
export type DemoEmail = {
  subject: string;
  html: string;
  text: string;
  to: { name: string | null; address: string };
  /** the worker gave up (the reason shown as Failed) instead of sending */
  failed?: string | undefined;
};

/** A user who writes demo activities: the author of calls, the sender of emails. */
export type DemoAuthor = { id: string; address: string; name: string | null };

export type SeedActivitiesOptions = {
  organizationId: string;
  /** who logs the calls and sends the emails (taken in turn) */
  authors: readonly DemoAuthor[];
  /** whose Activity shows them (taken in turn, one target per activity) */
  targetIds: readonly string[];
  count: number;
  /** the newest activity's time, ms since the epoch; the others spread over the year before */
  now: number;
  /** the host of the emails' Message-IDs (`PUBLIC_URL`) */
  publicUrl: string;
  /** the content of call number `index` (faker in the CLI, plain text in the bench) */
  makeCall(index: number): DemoCall;
  /** the content of email number `index`, about (and usually to) `targetUserId`; without it every activity is a call */
  makeEmail?(index: number, targetUserId: string): DemoEmail;
  progress?(done: number, total: number): void;
};

const BATCH = 1_000;
/** Several batches per transaction: on SQLite a commit costs more than a batch. */
const BATCHES_PER_TRANSACTION = 20;
const YEAR_MS = 365 * 86_400_000;

/** Which activities are emails: one in four (the rest are calls). */
export function isDemoEmail(index: number): boolean {
  return index % 4 === 3;
}

/**
 * Writes `count` demo activities as the app would — each call with its `activities` row; each
 * email (one in four, when `makeEmail` is given) with its `mail_outbox` row as the worker leaves
 * it once sent (or failed), its `emails` row and its `activities` row (status `queued`, as
 * `sendEmail` writes it: the live state is read from the outbox) — in multi-row INSERTs of at most
 * 1,000 rows, 20 batches per transaction (the widest row, the outbox's, binds 20 values: 20,000
 * per statement, under SQLite's 32,766 and PostgreSQL's 65,535). Times spread evenly over the
 * year before `now`, oldest first, so ids and times rise together.
 *
 * Throws when there are activities to write but no authors or targets.
 */
export async function seedActivities(db: Kysely<DB>, options: SeedActivitiesOptions): Promise<void> {
  const { organizationId, authors, targetIds, count, now } = options;
  if (count === 0) return;
  if (authors.length === 0 || targetIds.length === 0) throw new Error('seedActivities needs users.');
  const createdAt = new Date(now).toISOString();
  for (let done = 0; done < count; ) {
    await db.transaction().execute(async (trx) => {
      for (let batch = 0; batch < BATCHES_PER_TRANSACTION && done < count; batch++) {
        const size = Math.min(BATCH, count - done);
        const calls: Insertable<CallsTable>[] = [];
        const outbox: Insertable<MailOutboxTable>[] = [];
        const emails: Insertable<EmailsTable>[] = [];
        const activities: Insertable<ActivitiesTable>[] = [];
        for (let offset = 0; offset < size; offset++) {
          const index = done + offset;
          const id = uuidv7();
          const author = authors[index % authors.length] as DemoAuthor;
          const targetUserId = targetIds[(index * 7919) % targetIds.length] as string;
          const occurredAt = new Date(
            now - YEAR_MS + Math.floor(((index + 1) / count) * YEAR_MS),
          ).toISOString();
          let subject: string;
          let status: string;
          if (options.makeEmail && isDemoEmail(index)) {
            const email = options.makeEmail(index, targetUserId);
            const outboxId = uuidv7();
            const messageId = newMessageId(options.publicUrl);
            const envelope: MailEnvelope = { to: [email.to], cc: [], bcc: [], attachments: [] };
            outbox.push({
              id: outboxId,
              organizationId,
              messageId,
              template: 'person',
              toAddress: email.to.address,
              toName: email.to.name,
              fromAddress: author.name ? `"${author.name}" <${author.address}>` : author.address,
              replyTo: null,
              subject: email.subject,
              textBody: email.text,
              htmlBody: email.html,
              status: email.failed ? 'failed' : 'sent',
              attempts: 1,
              nextAttemptAt: occurredAt,
              claimedBy: null,
              claimedAt: null,
              lastError: email.failed ?? null,
              sentAt: email.failed ? null : occurredAt,
              createdAt: occurredAt,
              updatedAt: occurredAt,
              envelope: JSON.stringify(envelope),
            });
            emails.push({
              id,
              organizationId,
              authorId: author.id,
              fromAddress: author.address,
              fromName: author.name,
              toRecipients: JSON.stringify([email.to]),
              ccRecipients: '[]',
              bccRecipients: '[]',
              subject: email.subject,
              bodyType: 'html',
              bodyHtml: email.html,
              bodyText: email.text,
              activityTargetIds: JSON.stringify([targetUserId]),
              sendAt: null,
              messageId,
              inReplyToId: null,
              referencesHeader: null,
              outboxId,
              createdAt: occurredAt,
            });
            subject = email.subject;
            status = 'queued';
          } else {
            const call = options.makeCall(index);
            calls.push({
              id,
              organizationId,
              authorId: author.id,
              ...call,
              callDateTime: occurredAt,
              createdAt,
              updatedAt: createdAt,
            });
            subject = call.subject;
            status = call.callStatus;
          }
          activities.push({
            id: uuidv7(),
            organizationId,
            kind: emails.at(-1)?.id === id ? 'email' : 'call',
            recordId: id,
            targetUserId,
            authorId: author.id,
            occurredAt,
            subject,
            status,
            createdAt,
            updatedAt: createdAt,
          });
        }
        await insertDemoActivities(trx, { calls, outbox, emails, activities });
        done += size;
      }
    });
    options.progress?.(done, count);
  }
}
