import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorMeta } from '../../../common/error-particulars';
import { parseInstant } from '../../../common/instant';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/access';
import {
  type ListSpec,
  listDocument,
  listQuerySchema,
  parseListQuery,
  type ResourceObject,
} from '../../platform/http/jsonapi';
import { encodeCursor } from '../../platform/http/jsonapi/cursor';
import { badParameter } from '../../platform/http/jsonapi/query-error';
import { collectionDocumentSchema, jsonApiResponse, totalCountHeader } from '../../platform/http/openapi';
import { userIdParams } from '../../platform/http/schemas';
import { isId } from '../../platform/ids';
import { listedUserResource, userFields } from '../users/presenter';
import { findIncludedUsers } from './included-users';
import { type ActivityKindDefinition, activityKinds } from './kinds';
import { readTimeline } from './service';

/** The JSON:API types of the Activity's kinds (DESIGN.md §3). */
const ACTIVITY_TYPES = ['emails', 'calls', 'calendarevents', 'tasks'];

/** The one order of the timeline: newest first (what cursors are made for). */
const TIMELINE_SORT = '-occurredAt';

/**
 * `GET /api/users/{id}/activities`: what it accepts (parsed strictly by `parseListQuery`), from
 * the kinds registered when the routes are (see `registerActivityKind`).
 */
function timelineSpecOf(kinds: readonly ActivityKindDefinition[]): ListSpec {
  return {
    type: 'activities',
    sort: { occurredAt: 'activities.occurredAt' },
    defaultSort: TIMELINE_SORT,
    sortValues: { occurredAt: 'timestamp' },
    filters: {
      type: {
        column: 'activities.kind',
        kind: 'enum',
        // The kinds of the design, shown or not yet: a client may name them all from the start.
        values: [...new Set([...kinds.map((definition) => definition.type), ...ACTIVITY_TYPES])],
        ops: ['eq'],
      },
      occurredAt: { column: 'activities.occurredAt', kind: 'timestamp', ops: ['gte', 'lt'] },
    },
    includes: ['author', 'activityTargets'],
    forwardOnly: true,
    defaultPageSize: 'the viewer’s `activities.page_size` setting',
    fieldsets: {
      ...Object.fromEntries(kinds.map((definition) => [definition.type, definition.fields])),
      users: userFields,
    },
  };
}

/** A timeline item: one of the registered kinds' resources. */
function itemSchemaOf(kinds: readonly ActivityKindDefinition[]): z.ZodType {
  const [firstResource, ...otherResources] = kinds.map((definition) => definition.resource);
  return otherResources.length === 0 ? (firstResource as z.ZodType) : z.union(kinds.map((d) => d.resource));
}

const description = [
  'The Activity section of a user’s page: the emails, calls (and later calendar events and tasks)',
  'whose target is this user, newest first. My own (`me`); another user’s needs `activities.view`.',
  '`filter[type]=emails,calls`, `filter[occurredAt][gte|lt]`, `page[size]` (default: my',
  '`activities.page_size` setting), cursor paging with `page[after]` from `links.next` (never by page',
  'number), `include=author,activityTargets`, `fields[<type>]`, `X-Include: totalCount`.',
].join(' ');

/** The Activity timeline of a user. */
export async function activityRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const timelineSpec = timelineSpecOf(activityKinds);
  const itemSchema = itemSchemaOf(activityKinds);

  api.get(
    '/users/:id/activities',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['activities'],
        operationId: 'listUserActivities',
        summary: 'A user’s Activity: emails, calls, events and tasks, newest first',
        description,
        params: userIdParams,
        querystring: listQuerySchema(timelineSpec),
        response: {
          200: jsonApiResponse(
            'A page of activities',
            collectionDocumentSchema(itemSchema, { included: listedUserResource }),
            { 'X-Include-Total-Count': totalCountHeader },
          ),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const query = queryOf(request);
      if (query.sort !== undefined && query.sort !== TIMELINE_SORT) {
        throw badParameter(
          'sort',
          'invalid_sort',
          `The Activity is sorted newest first only (${TIMELINE_SORT}).`,
          errorMeta('invalid_sort', { reason: 'fixed', allowed: [TIMELINE_SORT] }),
        );
      }
      const listQuery = parseListQuery(query, timelineSpec, { headers: request.headers });
      const typeFilter = listQuery.filters.find((filter) => filter.field === 'type');
      const filterValue = (op: string) =>
        listQuery.filters.find((filter) => filter.field === 'occurredAt' && filter.op === op)?.value as
          | string
          | undefined;
      const after = listQuery.page.after;
      const [occurredAt, id] = after?.values ?? [];
      if (
        after &&
        !(
          typeof occurredAt === 'string' &&
          parseInstant(occurredAt) === occurredAt &&
          typeof id === 'string' &&
          isId(id)
        )
      ) {
        throw badParameter('page[after]', 'invalid_cursor', 'The cursor does not belong to this list.');
      }
      const page = await readTimeline(deps, actor, {
        userId: request.params.id,
        types: typeFilter ? [typeFilter.value].flat().map(String) : undefined,
        occurredFrom: filterValue('gte'),
        occurredBefore: filterValue('lt'),
        after: after ? { occurredAt: occurredAt as string, id: id as string } : undefined,
        size: query['page[size]'] === undefined ? undefined : listQuery.page.size,
        withTotal: listQuery.withTotal,
      });
      const nextCursor = page.next
        ? encodeCursor({ sort: TIMELINE_SORT, values: [page.next.occurredAt, page.next.id] })
        : undefined;
      return listDocument(reply, {
        data: page.items,
        included: await includedUsers(deps, actor.organizationId, page.items, listQuery.include),
        fields: listQuery.fields,
        paging: {
          path: `/api/users/${encodeURIComponent(request.params.id)}/activities`,
          query,
          page: { number: 1, size: page.size },
          state: { total: page.total, hasNextPage: nextCursor !== undefined, nextCursor },
        },
      });
    },
  );
}

/** The users an `include` names through the items' `author` and `activityTargets`. */
async function includedUsers(
  deps: Pick<Deps, 'db'>,
  organizationId: string,
  items: readonly ResourceObject[],
  include: readonly string[],
): Promise<ResourceObject[] | undefined> {
  if (include.length === 0) return undefined;
  const ids = new Set<string>();
  for (const item of items) {
    for (const name of include) {
      const data = item.relationships?.[name]?.data;
      for (const identifier of [data ?? []].flat()) {
        if (identifier && typeof identifier === 'object' && 'id' in identifier)
          ids.add(String(identifier.id));
      }
    }
  }
  return findIncludedUsers(deps.db, organizationId, ids);
}

function queryOf(request: FastifyRequest): Record<string, unknown> {
  return (request.query ?? {}) as Record<string, unknown>;
}
