import type { Kysely } from 'kysely';
import { auditActions } from '../../../common/audit-actions';
import type { AuditEvent, DB } from '../../platform/db/schema';
import {
  fetchListPage,
  type ListPage,
  type ListQuery,
  type ListSpec,
  listReadsOf,
} from '../../platform/http/jsonapi';
import { foldCase } from '../../platform/text/case-fold';
import { countAuditEvents } from './count-store';

/** `GET /api/audit-events` (and a user's own events): filters, sort, includes. */
export const auditEventListSpec: ListSpec = {
  type: 'auditevents',
  // `id` breaks ties of the same millisecond in the order of writing (ids are UUIDv7).
  sort: { occurredAt: 'auditEvents.occurredAt', id: 'auditEvents.id' },
  defaultSort: '-occurredAt,-id',
  sortValues: { occurredAt: 'timestamp' },
  filters: {
    action: { column: 'auditEvents.action', kind: 'string', ops: ['eq', 'neq', 'contains'] },
    actor: { column: 'auditEvents.actorUserId', kind: 'id' },
    subject: { column: 'auditEvents.subjectUserId', kind: 'id' },
    occurredAt: { column: 'auditEvents.occurredAt', kind: 'timestamp' },
  },
  includes: ['actor', 'subject'],
};

/** The same list for one user's page: the subject is fixed by the URL. */
export const userAuditEventListSpec: ListSpec = {
  ...auditEventListSpec,
  filters: Object.fromEntries(
    Object.entries(auditEventListSpec.filters).filter(([field]) => field !== 'subject'),
  ),
};

/** An audit event as the store reads it: its details parsed. */
export type AuditEventRecord = Omit<AuditEvent, 'details'> & { details: Record<string, unknown> };

/**
 * `filter[action]=a,b` means either action (action names never contain commas), and
 * `filter[action][contains]=pass` means the actions whose name contains it, case-insensitively:
 * every action written is one of `auditActions`, so a substring is the list of the actions it
 * matches, read and counted from the (organization, action) index instead of every event of the
 * organization (a count over 1,000,000 events took seconds).
 */
export function withActionLists(listQuery: ListQuery): ListQuery {
  return {
    ...listQuery,
    filters: listQuery.filters.map((filter) => {
      if (filter.field !== 'action' || typeof filter.value !== 'string') return filter;
      if (filter.op === 'contains') {
        const wanted = foldCase(filter.value);
        return {
          ...filter,
          op: 'eq',
          value: auditActions.filter((action) => foldCase(action).includes(wanted)),
        };
      }
      return { ...filter, value: filter.value.includes(',') ? filter.value.split(',') : filter.value };
    }),
  };
}

/**
 * One page of the organization's audit events, newest first: its own events, plus the
 * account-level ones (failed sign-ins, lockouts, which belong to no organization) of its members.
 * `subjectUserId` narrows to one user's events.
 */
export async function listAuditEvents(
  db: Kysely<DB>,
  organizationId: string,
  listQuery: ListQuery,
  options: { subjectUserId?: string } = {},
): Promise<ListPage<AuditEventRecord>> {
  const columns = [
    'auditEvents.id',
    'auditEvents.organizationId',
    'auditEvents.actorUserId',
    'auditEvents.subjectUserId',
    'auditEvents.action',
    'auditEvents.ip',
    'auditEvents.details',
    'auditEvents.occurredAt',
  ] as const;
  // A count or an OFFSET: on SQLite, read off the event loop.
  const reads = listReadsOf(db, listQuery);
  // Two disjoint queries rather than one OR, so each reads in order from its own index
  // (organization_id, occurred_at, id) and a page costs its rows, not a sort of the whole log.
  const own = reads
    .selectFrom('auditEvents')
    .select(columns)
    .where('auditEvents.organizationId', '=', organizationId);
  const accountLevel = reads
    .selectFrom('auditEvents')
    .select(columns)
    .where('auditEvents.organizationId', 'is', null)
    // EXISTS, not IN (subquery): IN builds the list of every member before the first row (70 ms
    // at 100,000 members); EXISTS probes the memberships index per event read, and a page reads
    // only the events it returns.
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('memberships')
          .select('memberships.id')
          .whereRef('memberships.userId', '=', 'auditEvents.subjectUserId')
          .where('memberships.organizationId', '=', organizationId),
      ),
    );
  const bySubject = [own, accountLevel].map((branch) =>
    options.subjectUserId ? branch.where('auditEvents.subjectUserId', '=', options.subjectUserId) : branch,
  );
  const { actions, rest } = splitActionList(withActionLists(listQuery));
  // Several actions: one branch per action, each read in order from the (…, action, occurred_at,
  // id) index and merged, since neither database reads `action IN (…)` in the order of the
  // remaining columns: SQLite gathered and sorted every event of those actions for each page
  // (370 ms for the six `password` actions of 1,000,000 events).
  const branches = actions
    ? bySubject.flatMap((branch) => actions.map((action) => branch.where('auditEvents.action', '=', action)))
    : bySubject;
  const page = await fetchListPage(branches, { ...rest, withTotal: false }, 'auditEvents.id');
  if (listQuery.withTotal) {
    page.total = await countAuditEvents(reads, organizationId, branches, {
      filters: rest.filters,
      ...(actions ? { actions } : {}),
      bySubject: options.subjectUserId !== undefined,
    });
  }
  return { ...page, rows: page.rows.map((row) => ({ ...row, details: parseDetails(row.details) })) };
}

/** The list of actions of an `eq` filter naming two or more (then taken out of the filters). */
function splitActionList(listQuery: ListQuery): { actions?: readonly string[]; rest: ListQuery } {
  const index = listQuery.filters.findIndex(
    (filter) => filter.field === 'action' && filter.op === 'eq' && Array.isArray(filter.value),
  );
  const value = listQuery.filters[index]?.value;
  if (!Array.isArray(value) || value.length < 2) return { rest: listQuery };
  return {
    actions: value.map(String),
    rest: { ...listQuery, filters: listQuery.filters.filter((_, position) => position !== index) },
  };
}

function parseDetails(json: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(json);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
