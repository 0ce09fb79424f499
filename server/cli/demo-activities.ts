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
  const { authors, targetIds, count } = options;
  if (count === 0) return;
  if (authors.length === 0 || targetIds.length === 0) throw new Error('seedActivities needs users.');
  for (let done = 0; done < count; ) {
    await db.transaction().execute(async (trx) => {
      for (let batch = 0; batch < BATCHES_PER_TRANSACTION && done < count; batch++) {
        const size = Math.min(BATCH, count - done);
        const rows: DemoRows = { calls: [], outbox: [], emails: [], activities: [] };
        for (let offset = 0; offset < size; offset++) addDemoActivity(rows, options, done + offset);
        await insertDemoActivities(trx, rows);
        done += size;
      }
    });
    options.progress?.(done, count);
  }
}

/** The rows of one batch, one array per table. */
type DemoRows = {
  calls: Insertable<CallsTable>[];
  outbox: Insertable<MailOutboxTable>[];
  emails: Insertable<EmailsTable>[];
  activities: Insertable<ActivitiesTable>[];
};

/** What one demo activity records, as its `activities` row shows it. */
type RecordedActivity = { kind: 'call' | 'email'; subject: string; status: string };

/** Activity number `index`: its call, or its email with its outbox row, then its `activities` row. */
function addDemoActivity(rows: DemoRows, options: SeedActivitiesOptions, index: number): void {
  const { organizationId, authors, targetIds, count, now } = options;
  const createdAt = new Date(now).toISOString();
  const id = uuidv7();
  const author = authors[index % authors.length] as DemoAuthor;
  const targetUserId = targetIds[(index * 7919) % targetIds.length] as string;
  const occurredAt = new Date(now - YEAR_MS + Math.floor(((index + 1) / count) * YEAR_MS)).toISOString();
  const about = { id, organizationId, author, targetUserId, occurredAt, createdAt };
  const recorded =
    options.makeEmail && isDemoEmail(index)
      ? addDemoEmail(rows, about, options.makeEmail(index, targetUserId), options.publicUrl)
      : addDemoCall(rows, about, options.makeCall(index));
  rows.activities.push({
    id: uuidv7(),
    organizationId,
    kind: recorded.kind,
    recordId: id,
    targetUserId,
    authorId: author.id,
    occurredAt,
    subject: recorded.subject,
    status: recorded.status,
    createdAt,
    updatedAt: createdAt,
  });
}

/** What a demo call or email shares with its activity. */
type DemoRecord = {
  id: string;
  organizationId: string;
  author: DemoAuthor;
  targetUserId: string;
  occurredAt: string;
  createdAt: string;
};

function addDemoCall(rows: DemoRows, record: DemoRecord, call: DemoCall): RecordedActivity {
  const { id, organizationId, author, occurredAt, createdAt } = record;
  rows.calls.push({
    id,
    organizationId,
    authorId: author.id,
    ...call,
    callDateTime: occurredAt,
    createdAt,
    updatedAt: createdAt,
  });
  return { kind: 'call', subject: call.subject, status: call.callStatus };
}

/**
 * A sent (or failed) email: its outbox row as the worker leaves it, and its `emails` row. Its
 * activity says `queued`, as `sendEmail` writes it (the live state is read from the outbox).
 */
function addDemoEmail(
  rows: DemoRows,
  record: DemoRecord,
  email: DemoEmail,
  publicUrl: string,
): RecordedActivity {
  const { id, organizationId, author, targetUserId, occurredAt } = record;
  const outboxId = uuidv7();
  const messageId = newMessageId(publicUrl);
  const envelope: MailEnvelope = { to: [email.to], cc: [], bcc: [], attachments: [] };
  rows.outbox.push({
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
  rows.emails.push({
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
  return { kind: 'email', subject: email.subject, status: 'queued' };
}
