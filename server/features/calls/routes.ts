import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callListAbilities } from '../../../common/abilities';
import { callCreateSchema, callUpdateSchema } from '../../../common/calls';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/access';
import {
  applySparseFieldset,
  listDocument,
  listQuerySchema,
  parseListQuery,
  type ResourceObject,
  resourceDocument,
} from '../../platform/http/jsonapi';
import {
  abilitiesSchema,
  collectionDocumentSchema,
  emptyResponse,
  jsonApiResponse,
  listMetaWithAbilities,
  locationHeader,
  resourceDocumentSchema,
  totalCountHeader,
} from '../../platform/http/openapi';
import { bodyId, toMany } from '../../platform/http/schemas';
import { findIncludedUsers } from '../activities/included-users';
import { listedUserResource } from '../users/presenter';
import { callListAbilitiesOf } from './policy';
import { callPath, callResource, presentCall } from './presenter';
import { type CallView, changeCall, getCall, listCalls, logCall, removeCall } from './service';
import { callListSpec } from './store';

const relationships = z.strictObject({ activityTargets: toMany('users') }).optional();
const createBody = z.strictObject({
  data: z.strictObject({
    type: z.literal('calls', { error: 'The type must be "calls".' }),
    attributes: callCreateSchema,
    relationships,
  }),
});
const updateBody = z.strictObject({
  data: z.strictObject({
    type: z.literal('calls', { error: 'The type must be "calls".' }),
    id: bodyId.optional(),
    attributes: callUpdateSchema.optional(),
    relationships,
  }),
});
const idParams = z.strictObject({ id: z.string().min(1).max(64) });
const singleQuery = z.looseObject({
  include: z.string().max(1024).optional(),
  'fields[calls]': z.string().max(1024).optional(),
  'fields[users]': z.string().max(1024).optional(),
});
const callDocument = resourceDocumentSchema(callResource, { included: listedUserResource });

const listDescription = [
  'The calls I may see: those I logged or that target me; all of my organization’s with',
  '`activities.view` or `calls.manage`. Sort: callDateTime (default `-callDateTime`), createdAt,',
  'updatedAt, subject, duration. Filters: `filter[subject]` (or `[contains]`), `filter[phoneNumber]`,',
  '`filter[callDateTime][gte|lt…]`, `filter[callStatus]`, `filter[direction]`, `filter[duration][…]`,',
  '`filter[author]`. `include=author,activityTargets`; `fields[calls]`, `fields[users]`; cursor paging',
  '(`page[after]`); `X-Include: totalCount`.',
].join(' ');

/** The users an `include` asks for, for these calls. */
async function includedFor(
  deps: Deps,
  views: CallView[],
  include: readonly string[],
  organizationId: string,
) {
  if (include.length === 0) return undefined;
  const ids = new Set<string>();
  for (const { call, targetUserIds } of views) {
    if (include.includes('author') && call.authorId) ids.add(call.authorId);
    if (include.includes('activityTargets')) for (const id of targetUserIds) ids.add(id);
  }
  return findIncludedUsers(deps.db, organizationId, ids);
}

/** Log Call: `POST/GET/PATCH/DELETE /api/calls[/{id}]` (OroCRM's `calls`). */
export async function callRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  callCollectionRoutes(app, deps);
  callRecordRoutes(app, deps);
}

const tags = ['calls'];

/** List calls, and log one. */
function callCollectionRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/calls',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'listCalls',
        summary: 'Calls logged in my organization that I may see',
        description: listDescription,
        querystring: listQuerySchema(callListSpec),
        response: {
          200: jsonApiResponse(
            'A page of calls',
            collectionDocumentSchema(callResource, {
              included: listedUserResource,
              meta: listMetaWithAbilities(
                abilitiesSchema(callListAbilities)
                  .describe('What I may do from a calls list (common/abilities.ts)')
                  .meta({ id: 'CallListAbilities' }),
              ),
            }),
            { 'X-Include-Total-Count': totalCountHeader },
          ),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const query = queryOf(request);
      const listQuery = parseListQuery(query, callListSpec, { headers: request.headers });
      const page = await listCalls(deps, actor, listQuery);
      return listDocument(reply, {
        data: page.rows.map((view) => presentCall(view.call, view.targetUserIds, actor)),
        included: await includedFor(deps, page.rows, listQuery.include, actor.organizationId),
        fields: listQuery.fields,
        paging: { path: '/api/calls', query, page: listQuery.page, state: page },
        abilities: callListAbilitiesOf(actor),
      });
    },
  );

  api.post(
    '/calls',
    {
      config: { access: 'calls.log' },
      schema: {
        tags,
        operationId: 'createCall',
        summary: 'Log a call',
        description:
          'Subject and phone number are required; callDateTime defaults to now, callStatus to `completed`, direction to `outgoing`, duration (seconds, 0–86400) to 0. The phone number is stored in E.164 when it parses. `activityTargets`: users of my organization whose Activity shows the call.',
        body: createBody,
        response: {
          201: jsonApiResponse('The logged call', resourceDocumentSchema(callResource), {
            Location: locationHeader,
          }),
        },
      },
    },
    async (request, reply) => {
      const { data } = request.body;
      const actor = actorOf(request);
      const view = await logCall(deps, actor, {
        attributes: data.attributes,
        activityTargets: data.relationships?.activityTargets.data.map((target) => target.id),
      });
      reply.status(201).header('location', callPath(view.call.id));
      return resourceDocument(presentCall(view.call, view.targetUserIds, actor));
    },
  );
}

/** One call: read, change, delete. */
function callRecordRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/calls/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'getCall',
        summary: 'One call',
        description:
          'A call I may see (see the list); any other answers 404. `include=author,activityTargets`; `fields[calls]`, `fields[users]`.',
        params: idParams,
        querystring: singleQuery,
        response: { 200: jsonApiResponse('The call', callDocument) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const listQuery = parseListQuery(queryOf(request), singleSpec);
      const view = await getCall(deps, actor, request.params.id);
      const sparse = (resource: ResourceObject) => applySparseFieldset(resource, listQuery.fields);
      const included = await includedFor(deps, [view], listQuery.include, actor.organizationId);
      return resourceDocument(sparse(presentCall(view.call, view.targetUserIds, actor)), {
        ...(included ? { included: included.map(sparse) } : {}),
      });
    },
  );

  api.patch(
    '/calls/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'updateCall',
        summary: 'Change a call',
        description:
          'Its author (with `calls.log`) or someone with `calls.manage`. Any attributes; `activityTargets` replaces the targets.',
        params: idParams,
        body: updateBody,
        response: { 200: jsonApiResponse('The changed call', resourceDocumentSchema(callResource)) },
      },
    },
    async (request) => {
      const { data } = request.body;
      const actor = actorOf(request);
      const view = await changeCall(deps, actor, request.params.id, {
        attributes: data.attributes ?? {},
        activityTargets: data.relationships?.activityTargets.data.map((target) => target.id),
      });
      return resourceDocument(presentCall(view.call, view.targetUserIds, actor));
    },
  );

  api.delete(
    '/calls/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'deleteCall',
        summary: 'Delete a call',
        description:
          'Its author (with `calls.log`) or someone with `calls.manage`. It leaves every Activity.',
        params: idParams,
        response: { 204: emptyResponse('Deleted') },
      },
    },
    async (request, reply) => {
      await removeCall(deps, actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}

/** A single call takes the list's `include` and `fields`, nothing else. */
const singleSpec = {
  ...callListSpec,
  filters: {},
  sort: { id: 'calls.id' },
  defaultSort: 'id',
};

function queryOf(request: FastifyRequest): Record<string, unknown> {
  return (request.query ?? {}) as Record<string, unknown>;
}
