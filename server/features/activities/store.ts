import { type Kysely, type Selectable, sql } from 'kysely';
import { executeFewShapes } from '../../platform/db/prepared';
import type { ActivitiesTable, ActivityKind, DB } from '../../platform/db/schema';
import { newId } from '../../platform/ids';

/**
 * The Activity index (DESIGN.md §5): one `activities` row per record × target user. The feature
 * that owns a record (emails, calls, calendar events, tasks) calls these functions with its own
 * transaction, next to the record's write, so the index never disagrees with the records. A
 * record's target users are exactly its rows: `findActivityTargets` reads them back.
 *
 * Every function takes the organization: a record of another organization is never touched.
 */

/** Which record an index row stands for. */
export type ActivityRecordRef = {
  organizationId: string;
  kind: ActivityKind;
  /** the email's, call's, event's or task's id */
  recordId: string;
};

/** What a timeline item shows without a join: the same on every target's row. */
export type ActivitySummary = {
  /** who wrote, logged or assigned it (null: unknown or deleted) */
  authorId: string | null;
  /** ISO-8601 UTC, fixed width (`2026-11-28T09:15:00.000Z`): what the timeline sorts by */
  occurredAt: string;
  subject: string;
  /**
   * a short kind-specific state, e.g. `completed` for a call or `queued` for an email, as of the
   * last write by its feature. Not authoritative for emails: the outbox worker does not rewrite it
   * on sent/failed; the timeline presents each item's live state through its kind's presenter.
   */
  status: string | null;
};

export const activityColumns = [
  'activities.id',
  'activities.organizationId',
  'activities.kind',
  'activities.recordId',
  'activities.targetUserId',
  'activities.authorId',
  'activities.occurredAt',
  'activities.subject',
  'activities.status',
  'activities.createdAt',
  'activities.updatedAt',
] as const;

export type ActivityRow = Selectable<ActivitiesTable>;

/**
 * Indexes a new record: one row per target user (duplicates ignored; none for an empty list).
 * `now` is the ISO-8601 UTC write time (the clock's, so tests can set it).
 */
export async function insertActivities(
  db: Kysely<DB>,
  ref: ActivityRecordRef,
  summary: ActivitySummary,
  targetUserIds: readonly string[],
  now: string,
): Promise<void> {
  const targets = [...new Set(targetUserIds)];
  if (targets.length === 0) return;
  await db
    .insertInto('activities')
    .values(
      targets.map((targetUserId) => ({
        id: newId(),
        organizationId: ref.organizationId,
        kind: ref.kind,
        recordId: ref.recordId,
        targetUserId,
        authorId: summary.authorId,
        occurredAt: summary.occurredAt,
        subject: summary.subject,
        status: summary.status,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .execute();
}

/** Rewrites the summary (subject, time, status, author) on every row of an indexed record. */
export async function updateActivities(
  db: Kysely<DB>,
  ref: ActivityRecordRef,
  summary: Partial<ActivitySummary>,
  now: string,
): Promise<void> {
  await db
    .updateTable('activities')
    .set({ ...summary, updatedAt: now })
    .where('organizationId', '=', ref.organizationId)
    .where('kind', '=', ref.kind)
    .where('recordId', '=', ref.recordId)
    .execute();
}

/**
 * Makes the record's target users exactly `targetUserIds`: removes the rows of users no longer
 * targeted, adds rows (with `summary`) for new ones, keeps the others (and their row ids, which
 * timeline cursors may hold). Call `updateActivities` too when the summary changed.
 */
export async function replaceActivityTargets(
  db: Kysely<DB>,
  ref: ActivityRecordRef,
  summary: ActivitySummary,
  targetUserIds: readonly string[],
  now: string,
): Promise<void> {
  const wanted = new Set(targetUserIds);
  const current = await findActivityTargets(db, ref);
  const removed = current.filter((id) => !wanted.has(id));
  if (removed.length > 0) {
    await db
      .deleteFrom('activities')
      .where('organizationId', '=', ref.organizationId)
      .where('kind', '=', ref.kind)
      .where('recordId', '=', ref.recordId)
      .where('targetUserId', 'in', removed)
      .execute();
  }
  const kept = new Set(current);
  await insertActivities(
    db,
    ref,
    summary,
    [...wanted].filter((id) => !kept.has(id)),
    now,
  );
}

/** Removes every row of the record (it was deleted or cancelled out of the timeline). */
export async function deleteActivities(db: Kysely<DB>, ref: ActivityRecordRef): Promise<void> {
  await db
    .deleteFrom('activities')
    .where('organizationId', '=', ref.organizationId)
    .where('kind', '=', ref.kind)
    .where('recordId', '=', ref.recordId)
    .execute();
}

/** The target user ids of one record, in a stable order (user id). */
export async function findActivityTargets(db: Kysely<DB>, ref: ActivityRecordRef): Promise<string[]> {
  const rows = await db
    .selectFrom('activities')
    .select('targetUserId')
    .where('organizationId', '=', ref.organizationId)
    .where('kind', '=', ref.kind)
    .where('recordId', '=', ref.recordId)
    .orderBy('targetUserId')
    .execute();
  return rows.map((row) => row.targetUserId);
}

/**
 * The target user ids of many records of one kind (a list page's relationships), as a map from
 * record id to ids in user-id order; records without targets map to nothing.
 */
export async function findActivityTargetsOf(
  db: Kysely<DB>,
  organizationId: string,
  kind: ActivityKind,
  recordIds: readonly string[],
): Promise<Map<string, string[]>> {
  const targets = new Map<string, string[]>();
  if (recordIds.length === 0) return targets;
  const rows = await db
    .selectFrom('activities')
    .select(['recordId', 'targetUserId'])
    .where('organizationId', '=', organizationId)
    .where('kind', '=', kind)
    .where('recordId', 'in', [...new Set(recordIds)])
    .orderBy('recordId')
    .orderBy('targetUserId')
    .execute();
  for (const row of rows) {
    const list = targets.get(row.recordId) ?? [];
    list.push(row.targetUserId);
    targets.set(row.recordId, list);
  }
  return targets;
}

/**
 * Of `userIds`, those who are members of the organization: activity targets must be (a feature
 * answers 404 or 422 for the others, so another organization's users stay unknown).
 */
export async function findMemberIds(
  db: Kysely<DB>,
  organizationId: string,
  userIds: readonly string[],
): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('memberships')
    .select('userId')
    .where('organizationId', '=', organizationId)
    .where('userId', 'in', [...new Set(userIds)])
    .execute();
  return new Set(rows.map((row) => row.userId));
}

/** A timeline position: the last item's (occurredAt, id) seen. */
export type TimelineCursor = { occurredAt: string; id: string };

export type TimelineQuery = {
  organizationId: string;
  targetUserId: string;
  /** only these kinds; an empty list finds nothing */
  kinds: readonly ActivityKind[];
  /** occurredAt ≥ this (ISO-8601 UTC) */
  occurredFrom?: string | undefined;
  /** occurredAt < this (ISO-8601 UTC) */
  occurredBefore?: string | undefined;
  /** the items after this one, newest first */
  after?: TimelineCursor | undefined;
  /** how many rows at most */
  limit: number;
};

/**
 * One page of a user's timeline, newest first: keyset on (occurred_at, id) descending, never
 * OFFSET, so a page deep in history costs what the first one does. Each kind is read on its own
 * from `activities_timeline_kind` (organization, target, kind, occurred_at desc, id desc) — an
 * index range in order that stops after `limit` rows — and the kinds' pages are merged: a plan
 * that does not depend on the databases' statistics. (`kind IN (…)` with ORDER BY let a planner
 * without statistics read every row of the user and sort them: 2 s at 1,000,000 on PostgreSQL.)
 */
export async function listTimeline(db: Kysely<DB>, query: TimelineQuery): Promise<ActivityRow[]> {
  const page = timelinePage(db, query);
  return page ? page.execute() : [];
}

/**
 * `listTimeline`, and whether the timeline's user is a member of the organization, in one
 * statement (one round trip on PostgreSQL): the membership row, left-joined with the page. No
 * row: not a member; one row without an activity: a member with an empty page.
 */
export async function readTimelinePage(
  db: Kysely<DB>,
  query: TimelineQuery,
): Promise<{ isMember: boolean; rows: ActivityRow[] }> {
  const membership = db
    .selectFrom('memberships')
    .where('memberships.organizationId', '=', query.organizationId)
    .where('memberships.userId', '=', query.targetUserId);
  const page = timelinePage(db, query);
  if (!page) {
    const member = await membership.select('memberships.userId').executeTakeFirst();
    return { isMember: member !== undefined, rows: [] };
  }
  // A few shapes (kinds, date filters, cursor): a prepared statement on PostgreSQL.
  const rows = await executeFewShapes(
    db,
    membership
      .leftJoin(page.as('page'), (join) => join.onTrue())
      .selectAll('page')
      .orderBy('page.occurredAt', 'desc')
      .orderBy('page.id', 'desc'),
  );
  return {
    isMember: rows.length > 0,
    rows: rows.filter((row): row is ActivityRow => row.id !== null),
  };
}

/** The SELECT of one page (see listTimeline); undefined when no kind is asked for. */
function timelinePage(db: Kysely<DB>, query: TimelineQuery) {
  const kinds = [...new Set(query.kinds)];
  const pageOf = (kind: ActivityKind) => {
    let select = timelineQuery(db, { ...query, kinds: [kind] }).select(activityColumns);
    const after = query.after;
    if (after) {
      // A row-value comparison: both databases read it as one range on the index.
      select = select.where(
        sql<boolean>`(${sql.ref('activities.occurredAt')}, ${sql.ref('activities.id')}) < (${after.occurredAt}, ${after.id})`,
      );
    }
    return select
      .orderBy('activities.occurredAt', 'desc')
      .orderBy('activities.id', 'desc')
      .limit(query.limit);
  };
  const [first, ...others] = kinds;
  if (first === undefined) return undefined;
  // SELECT * FROM (page of kind 1) UNION ALL SELECT * FROM (page of kind 2) …: each part keeps its
  // own ORDER BY and LIMIT (SQLite allows them only in a subquery of a compound select).
  const part = (kind: ActivityKind, index: number) => db.selectFrom(pageOf(kind).as(`k${index}`)).selectAll();
  let merged = part(first, 0);
  for (const [index, kind] of others.entries()) merged = merged.unionAll(part(kind, index + 1));
  return db
    .selectFrom(merged.as('page'))
    .selectAll()
    .orderBy('page.occurredAt', 'desc')
    .orderBy('page.id', 'desc')
    .limit(query.limit);
}

/** How many items the timeline has with these kinds and dates (the cursor and limit ignored). */
export async function countTimeline(
  db: Kysely<DB>,
  query: Omit<TimelineQuery, 'after' | 'limit'>,
): Promise<number> {
  if (query.kinds.length === 0) return 0;
  const row = await timelineQuery(db, query)
    .select(sql<unknown>`count(*)`.as('total'))
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

function timelineQuery(db: Kysely<DB>, query: Omit<TimelineQuery, 'after' | 'limit'>) {
  let select = db
    .selectFrom('activities')
    .where('activities.organizationId', '=', query.organizationId)
    .where('activities.targetUserId', '=', query.targetUserId);
  select =
    query.kinds.length === 1
      ? select.where('activities.kind', '=', query.kinds[0] as ActivityKind)
      : select.where('activities.kind', 'in', [...query.kinds]);
  if (query.occurredFrom !== undefined)
    select = select.where('activities.occurredAt', '>=', query.occurredFrom);
  if (query.occurredBefore !== undefined) {
    select = select.where('activities.occurredAt', '<', query.occurredBefore);
  }
  return select;
}
