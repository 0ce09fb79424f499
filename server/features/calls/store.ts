import { type Kysely, type Selectable, sql } from 'kysely';
import { callDirections, callStatuses } from '../../../common/calls';
import type { CallsTable, DB } from '../../platform/db/schema';
import {
  fetchListPage,
  type ListPage,
  type ListQuery,
  type ListSpec,
  listReadsOf,
} from '../../platform/http/jsonapi';
import { userFields } from '../users/presenter';

export type CallRecord = Selectable<CallsTable>;

export const callColumns = [
  'calls.id',
  'calls.organizationId',
  'calls.authorId',
  'calls.subject',
  'calls.phoneNumber',
  'calls.notes',
  'calls.callDateTime',
  'calls.callStatus',
  'calls.direction',
  'calls.duration',
  'calls.createdAt',
  'calls.updatedAt',
] as const;

/** The fields of a `calls` resource, for `fields[calls]`. */
export const callFields = [
  'subject',
  'phoneNumber',
  'notes',
  'callDateTime',
  'callStatus',
  'direction',
  'duration',
  'createdAt',
  'updatedAt',
  'author',
  'activityTargets',
] as const;

/** `GET /api/calls`: newest call first by default. */
export const callListSpec: ListSpec = {
  type: 'calls',
  sort: {
    callDateTime: 'calls.callDateTime',
    createdAt: 'calls.createdAt',
    updatedAt: 'calls.updatedAt',
    subject: 'calls.subject',
    duration: 'calls.duration',
  },
  defaultSort: '-callDateTime',
  sortValues: {
    callDateTime: 'timestamp',
    createdAt: 'timestamp',
    updatedAt: 'timestamp',
    duration: 'integer',
  },
  filters: {
    subject: { column: 'calls.subject', kind: 'string', ops: ['eq', 'contains'] },
    phoneNumber: { column: 'calls.phoneNumber', kind: 'string', ops: ['eq'] },
    callDateTime: { column: 'calls.callDateTime', kind: 'timestamp' },
    callStatus: { column: 'calls.callStatus', kind: 'enum', values: callStatuses },
    direction: { column: 'calls.direction', kind: 'enum', values: callDirections },
    duration: { column: 'calls.duration', kind: 'number' },
    author: { column: 'calls.authorId', kind: 'id' },
  },
  includes: ['author', 'activityTargets'],
  fieldsets: { calls: callFields, users: userFields },
};

/**
 * Who sees which calls: everyone with `canSeeAll` sees all of the organization's; anyone else the
 * calls they logged and those that have them among their activity targets.
 */
export type CallVisibility = { organizationId: string; userId: string; canSeeAll: boolean };

function visibleCalls(db: Kysely<DB>, visibility: CallVisibility) {
  let query = db
    .selectFrom('calls')
    .select(callColumns)
    .where('calls.organizationId', '=', visibility.organizationId);
  if (!visibility.canSeeAll) {
    query = query.where((eb) =>
      eb.or([
        eb('calls.authorId', '=', visibility.userId),
        eb.exists(
          eb
            .selectFrom('activities')
            .select(sql`1`.as('one'))
            .where('activities.organizationId', '=', visibility.organizationId)
            .where('activities.kind', '=', 'call')
            .whereRef('activities.recordId', '=', 'calls.id')
            .where('activities.targetUserId', '=', visibility.userId),
        ),
      ]),
    );
  }
  return query;
}

/** One page of the calls the viewer may see. */
export async function listCallsPage(
  db: Kysely<DB>,
  visibility: CallVisibility,
  listQuery: ListQuery,
): Promise<ListPage<CallRecord>> {
  return fetchListPage(visibleCalls(listReadsOf(db, listQuery), visibility), listQuery, 'calls.id');
}

/** A call the viewer may see, or undefined (another organization's is as good as missing). */
export async function findVisibleCall(
  db: Kysely<DB>,
  visibility: CallVisibility,
  id: string,
): Promise<CallRecord | undefined> {
  return visibleCalls(db, visibility).where('calls.id', '=', id).executeTakeFirst();
}

/** Calls of the organization by id (the timeline has already decided who sees them). */
export async function findCallsByIds(
  db: Kysely<DB>,
  organizationId: string,
  ids: readonly string[],
): Promise<CallRecord[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('calls')
    .select(callColumns)
    .where('calls.organizationId', '=', organizationId)
    .where('calls.id', 'in', [...new Set(ids)])
    .execute();
}

export async function insertCall(db: Kysely<DB>, call: CallRecord): Promise<void> {
  await db.insertInto('calls').values(call).execute();
}

export async function updateCall(
  db: Kysely<DB>,
  ref: { organizationId: string; id: string },
  changes: Partial<Omit<CallRecord, 'id' | 'organizationId' | 'authorId' | 'createdAt'>>,
): Promise<void> {
  await db
    .updateTable('calls')
    .set(changes)
    .where('organizationId', '=', ref.organizationId)
    .where('id', '=', ref.id)
    .execute();
}

export async function deleteCall(
  db: Kysely<DB>,
  ref: { organizationId: string; id: string },
): Promise<boolean> {
  const deleted = await db
    .deleteFrom('calls')
    .where('organizationId', '=', ref.organizationId)
    .where('id', '=', ref.id)
    .returning('id')
    .executeTakeFirst();
  return deleted !== undefined;
}
