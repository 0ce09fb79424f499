import type { ActivityKind } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import type { Actor } from '../../platform/http/access';
import { notFound } from '../../platform/http/errors';
import type { ResourceObject } from '../../platform/http/jsonapi';
import { resolveSettings } from '../../platform/settings';
import { type ActivityKindDefinition, type ActivityViewer, activityKindOf, activityKinds } from './kinds';
import { authorizeActivitiesView } from './policy';
import { countTimeline, readTimelinePage, type TimelineCursor } from './store';

export type TimelineRequest = {
  /** the user whose timeline it is (`me` for the actor) */
  userId: string;
  /** JSON:API types to show (`filter[type]`); undefined: every kind */
  types?: readonly string[] | undefined;
  /** ISO-8601 UTC bounds (`filter[occurredAt][gte]`, `[lt]`) */
  occurredFrom?: string | undefined;
  occurredBefore?: string | undefined;
  after?: TimelineCursor | undefined;
  /** `page[size]`; undefined: the viewer's `activities.page_size` setting */
  size?: number | undefined;
  withTotal?: boolean | undefined;
};

export type TimelinePage = {
  /** the items, newest first, each as its kind's presenter shows it */
  items: ResourceObject[];
  size: number;
  next?: TimelineCursor;
  total?: number;
};

/**
 * One page of a user's Activity: the emails, calls, events and tasks that target them, newest
 * first, by keyset on (occurredAt, id) — never OFFSET, so page 1,000 costs what page 1 does.
 * Kinds the actor may not see (ActivityKindDefinition.isVisibleTo) are left out in SQL, so
 * neither the items nor the count reveal them.
 * @throws AppError 403 for another user's timeline without `activities.view`; 404 when the user
 *   is not a member of the actor's organization.
 */
export async function readTimeline(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  request: TimelineRequest,
): Promise<TimelinePage> {
  const { db } = deps;
  const userId = request.userId === 'me' ? actor.userId : request.userId;
  authorizeActivitiesView(actor, userId);
  const organizationId = actor.organizationId;
  const wanted = activityKinds.filter(
    (definition) =>
      (request.types === undefined || request.types.includes(definition.type)) &&
      (definition.isVisibleTo?.(actor, userId) ?? true),
  );
  const kinds = wanted.map((definition) => definition.kind);
  const size =
    request.size ??
    (await resolveSettings(db, { organizationId, userId: actor.userId }))['activities.page_size'];
  const query = {
    organizationId,
    targetUserId: userId,
    kinds,
    occurredFrom: request.occurredFrom,
    occurredBefore: request.occurredBefore,
  };
  // The membership check and the page in one statement: one round trip.
  const { isMember, rows } = await readTimelinePage(db, { ...query, after: request.after, limit: size + 1 });
  if (!isMember) throw notFound('user');
  const pageRows = rows.slice(0, size);
  const items = await presentRows(db, organizationId, pageRows, { actor, now: deps.clock.now() });
  const last = pageRows.at(-1);
  const page: TimelinePage = { items, size };
  if (rows.length > size && last) page.next = { occurredAt: last.occurredAt, id: last.id };
  if (request.withTotal) page.total = await countTimeline(db, query);
  return page;
}

/**
 * Each row's record through its kind's presenter, in the rows' order: the kinds' reads run at the
 * same time (on PostgreSQL each on a connection of the pool), so the page waits for the slowest
 * kind, not for their sum.
 */
async function presentRows(
  db: Deps['db'],
  organizationId: string,
  rows: readonly { kind: ActivityKind; recordId: string }[],
  viewer: ActivityViewer,
): Promise<ResourceObject[]> {
  const byKind = new Map<ActivityKindDefinition, string[]>();
  for (const row of rows) {
    const definition = activityKindOf(row.kind);
    if (!definition) continue;
    byKind.set(definition, [...(byKind.get(definition) ?? []), row.recordId]);
  }
  const presented = new Map<string, ResourceObject>();
  const kinds = [...byKind];
  const results = await Promise.all(
    kinds.map(([definition, ids]) => definition.present(db, organizationId, ids, viewer)),
  );
  for (const [index, [definition]] of kinds.entries()) {
    for (const [id, resource] of results[index] ?? []) presented.set(`${definition.kind} ${id}`, resource);
  }
  return rows.flatMap((row) => presented.get(`${row.kind} ${row.recordId}`) ?? []);
}
