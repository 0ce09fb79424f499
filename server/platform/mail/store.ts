import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Dialect } from '../db/kysely';
import type { DB } from '../db/schema';

/**
 * The worker's side of `mail_outbox`. Statuses: `queued` (waiting for `next_attempt_at`),
 * `sending` (claimed by a worker since `claimed_at`), `sent`, `failed`. A `sending` row whose
 * claim is older than the lease belongs to a worker that died (or hung) and is claimable again.
 */

/** What a worker needs to send one message: exactly what was rendered at queue time. */
export type ClaimedMessage = {
  id: string;
  organizationId: string | null;
  messageId: string;
  template: string;
  toAddress: string;
  toName: string | null;
  fromAddress: string;
  replyTo: string | null;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  attempts: number;
  createdAt: string;
  /** JSON `MailEnvelope` of a person's email; null for system mail. */
  envelope: string | null;
  /** iCalendar text of an invitation or cancellation (its `text/calendar` part); null otherwise. */
  calendar: string | null;
  contentLanguage: string | null;
};

const claimedColumns = [
  'id',
  'organizationId',
  'messageId',
  'template',
  'toAddress',
  'toName',
  'fromAddress',
  'replyTo',
  'subject',
  'textBody',
  'htmlBody',
  'attempts',
  'createdAt',
  'envelope',
  'calendar',
  'contentLanguage',
] as const;

export type ClaimOptions = {
  workerId: string;
  /** ISO now */
  now: string;
  /** ISO: claims made before this have expired */
  leaseCutoff: string;
  limit: number;
};

function isDue({ now, leaseCutoff }: Pick<ClaimOptions, 'now' | 'leaseCutoff'>) {
  return (eb: ExpressionBuilder<DB, 'mailOutbox'>) =>
    eb.or([
      eb.and([eb('status', '=', 'queued'), eb('nextAttemptAt', '<=', now)]),
      eb.and([eb('status', '=', 'sending'), eb('claimedAt', '<=', leaseCutoff)]),
    ]);
}

/**
 * Claims up to `limit` due messages for `workerId`, atomically: no two workers (in this process
 * or another one on the same database) ever hold the same row at the same time. Each claim
 * counts as an attempt. The one place that knows the dialects differ (DESIGN.md §6).
 */
export async function claimDueMessages(
  db: Kysely<DB>,
  dialect: Dialect,
  options: ClaimOptions,
): Promise<ClaimedMessage[]> {
  const due = isDue(options);
  const claimed = (eb: ExpressionBuilder<DB, 'mailOutbox'>) => ({
    status: 'sending' as const,
    claimedBy: options.workerId,
    claimedAt: options.now,
    attempts: eb('attempts', '+', 1),
    updatedAt: options.now,
  });
  const claim = (trx: Kysely<DB>, ids: string[]) =>
    trx
      .updateTable('mailOutbox')
      .set(claimed)
      .where('id', 'in', ids)
      // Checked again in the UPDATE itself: a row claimed since we looked is left alone.
      .where(due)
      .returning(claimedColumns)
      .execute();

  if (dialect === 'postgres') {
    return db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('mailOutbox')
        .select('id')
        .where(due)
        .orderBy('nextAttemptAt')
        .orderBy('id')
        .limit(options.limit)
        .forUpdate()
        .skipLocked()
        .execute();
      if (rows.length === 0) return [];
      return claim(
        trx,
        rows.map((row) => row.id),
      );
    });
  }
  // SQLite: one UPDATE statement runs under the database's write lock, so the conditional
  // update is atomic across connections and processes.
  return db
    .updateTable('mailOutbox')
    .set(claimed)
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('mailOutbox')
        .select('id')
        .where(due)
        .orderBy('nextAttemptAt')
        .orderBy('id')
        .limit(options.limit),
    )
    .where(due)
    .returning(claimedColumns)
    .execute();
}

/** Marks a message this worker sent. False when the claim was no longer ours (lease expired). */
export async function markMessageSent(
  db: Kysely<DB>,
  id: string,
  workerId: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('mailOutbox')
    .set({ status: 'sent', sentAt: now, claimedBy: null, claimedAt: null, lastError: null, updatedAt: now })
    .where('id', '=', id)
    .where('claimedBy', '=', workerId)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records a failed attempt: back to `queued` for `nextAttemptAt`, or `failed` for good. */
export async function markMessageAttemptFailed(
  db: Kysely<DB>,
  id: string,
  workerId: string,
  outcome: { now: string; error: string; nextAttemptAt: string | null },
): Promise<void> {
  await db
    .updateTable('mailOutbox')
    .set({
      status: outcome.nextAttemptAt === null ? 'failed' : 'queued',
      nextAttemptAt: outcome.nextAttemptAt ?? outcome.now,
      lastError: outcome.error,
      claimedBy: null,
      claimedAt: null,
      updatedAt: outcome.now,
    })
    .where('id', '=', id)
    .where('claimedBy', '=', workerId)
    .where('status', '=', 'sending')
    .execute();
}

/** Gives back claims this worker will not get to (shutdown), without counting them as attempts. */
export async function releaseClaims(
  db: Kysely<DB>,
  ids: string[],
  workerId: string,
  now: string,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('mailOutbox')
    .set((eb) => ({
      status: 'queued',
      claimedBy: null,
      claimedAt: null,
      attempts: eb('attempts', '-', 1),
      updatedAt: now,
    }))
    .where('id', 'in', ids)
    .where('claimedBy', '=', workerId)
    .where('status', '=', 'sending')
    .execute();
}

/** When the next message becomes due (queued or with an expiring claim); undefined if none. */
export async function findNextDueTime(db: Kysely<DB>, leaseMs: number): Promise<string | undefined> {
  const [queued, claimed] = await Promise.all([
    db
      .selectFrom('mailOutbox')
      .select('nextAttemptAt')
      .where('status', '=', 'queued')
      .orderBy('nextAttemptAt')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('mailOutbox')
      .select('claimedAt')
      .where('status', '=', 'sending')
      .where('claimedAt', 'is not', null)
      .orderBy('claimedAt')
      .limit(1)
      .executeTakeFirst(),
  ]);
  const times: number[] = [];
  if (queued) times.push(Date.parse(queued.nextAttemptAt));
  if (claimed?.claimedAt) times.push(Date.parse(claimed.claimedAt) + leaseMs);
  return times.length === 0 ? undefined : new Date(Math.min(...times)).toISOString();
}
