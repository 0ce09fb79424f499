import type { Insertable, Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { ActivitiesTable, CallsTable, DB } from '../platform/db/schema';

/** What a generator says about one demo call (the rest is filled in by `seedActivities`). */
export type DemoCall = Pick<
  CallsTable,
  'subject' | 'phoneNumber' | 'notes' | 'callStatus' | 'direction' | 'duration'
>;

export type SeedActivitiesOptions = {
  organizationId: string;
  /** who logs the calls (taken in turn) */
  authorIds: readonly string[];
  /** whose Activity shows them (taken in turn, one target per call) */
  targetIds: readonly string[];
  count: number;
  /** the newest activity's time, ms since the epoch; the others spread over the year before */
  now: number;
  /** the content of call number `index` (faker in the CLI, plain text in the bench) */
  makeCall(index: number): DemoCall;
  progress?(done: number, total: number): void;
};

const BATCH = 1_000;
/** Several batches per transaction: on SQLite a commit costs more than a batch. */
const BATCHES_PER_TRANSACTION = 20;
const YEAR_MS = 365 * 86_400_000;

/**
 * Writes `count` demo activities as the app would — each call with its `activities` row — in
 * multi-row INSERTs of 1,000, 20 per transaction (about 24,000 bound values per statement, under
 * SQLite's 32,766 and PostgreSQL's 65,535). Calls only for now; emails join as a second kind
 * (a share of `index` given to an email generator and its rows) once the emails feature lands.
 * Times spread evenly over the year before `now`, oldest first, so ids and times rise together.
 */
export async function seedActivities(db: Kysely<DB>, options: SeedActivitiesOptions): Promise<void> {
  const { organizationId, authorIds, targetIds, count, now } = options;
  if (count === 0) return;
  if (authorIds.length === 0 || targetIds.length === 0) throw new Error('seedActivities needs users.');
  const createdAt = new Date(now).toISOString();
  for (let done = 0; done < count; ) {
    await db.transaction().execute(async (trx) => {
      for (let batch = 0; batch < BATCHES_PER_TRANSACTION && done < count; batch++) {
        const size = Math.min(BATCH, count - done);
        const calls: Insertable<CallsTable>[] = [];
        const activities: Insertable<ActivitiesTable>[] = [];
        for (let offset = 0; offset < size; offset++) {
          const index = done + offset;
          const call = options.makeCall(index);
          const id = uuidv7();
          const authorId = authorIds[index % authorIds.length] as string;
          const targetUserId = targetIds[(index * 7919) % targetIds.length] as string;
          const occurredAt = new Date(
            now - YEAR_MS + Math.floor(((index + 1) / count) * YEAR_MS),
          ).toISOString();
          calls.push({
            id,
            organizationId,
            authorId,
            ...call,
            callDateTime: occurredAt,
            createdAt,
            updatedAt: createdAt,
          });
          activities.push({
            id: uuidv7(),
            organizationId,
            kind: 'call',
            recordId: id,
            targetUserId,
            authorId,
            occurredAt,
            subject: call.subject,
            status: call.callStatus,
            createdAt,
            updatedAt: createdAt,
          });
        }
        await trx.insertInto('calls').values(calls).execute();
        await trx.insertInto('activities').values(activities).execute();
        done += size;
      }
    });
    options.progress?.(done, count);
  }
}
