import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { taskListAbilities } from '../../../common/abilities';
import { taskCreateSchema, taskUpdateSchema } from '../../../common/calendar';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/access';
import { listDocument, listQuerySchema, parseListQuery, resourceDocument } from '../../platform/http/jsonapi';
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
import { resourceBody, toOne } from '../../platform/http/schemas';
import { findIncludedUsers } from '../activities/included-users';
import { listedUserResource } from '../users/presenter';
import { taskListAbilitiesOf } from './policy';
import { presentTask, taskPath, taskResource } from './presenter';
import { createTask, getTask, listOrganizationTasks, removeTask, updateTaskAttributes } from './service';
import { type TaskRecord, taskListSpec } from './store';

const idParams = z.strictObject({ id: z.string().min(1).max(64) });
const createBody = z.strictObject({
  data: z.strictObject({
    type: z.literal('tasks', { error: 'The type must be "tasks".' }),
    attributes: taskCreateSchema,
    relationships: z.strictObject({ owner: toOne('users') }).optional(),
  }),
});
const updateBody = resourceBody('tasks', taskUpdateSchema, { id: true });
const taskDocument = resourceDocumentSchema(taskResource);

/** Tasks (OroCRM's `tasks`): Assign Task, the User Tasks grid, My Tasks. */
export async function taskRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  taskCollectionRoutes(app, deps);
  taskRecordRoutes(app, deps);
}

const tags = ['tasks'];

/** List tasks, and create one. */
function taskCollectionRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/tasks',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'listTasks',
        summary: 'Tasks of my organization (the User Tasks grid, My Tasks)',
        description:
          'Filters: `filter[owner]=<user id>|me`, `filter[status]=open|in_progress|closed[,…]`, `filter[priority]=low|normal|high[,…]`, `filter[dueDate][gte|lt…]`. Sort: dueDate (default; tasks without one last), subject, status, priority, createdAt. `include=createdBy,owner` adds those users. Without `users.view` only my own tasks. `X-Include: totalCount`.',
        querystring: listQuerySchema(taskListSpec),
        response: {
          200: jsonApiResponse(
            'A page of tasks',
            collectionDocumentSchema(taskResource, {
              included: listedUserResource,
              meta: listMetaWithAbilities(
                abilitiesSchema(taskListAbilities)
                  .describe('What I may do from a tasks list (common/abilities.ts)')
                  .meta({ id: 'TaskListAbilities' }),
              ),
            }),
            { 'X-Include-Total-Count': totalCountHeader },
          ),
        },
      },
    },
    async (request, reply) => {
      const query = (request.query ?? {}) as Record<string, unknown>;
      const listQuery = parseListQuery(query, taskListSpec, { headers: request.headers });
      const actor = actorOf(request);
      const page = await listOrganizationTasks(deps, actor, listQuery);
      const included = await includedUsers(deps, actor.organizationId, page.rows, listQuery.include);
      return listDocument(reply, {
        data: page.rows.map((task) => presentTask(task, actor)),
        included,
        paging: { path: '/api/tasks', query, page: listQuery.page, state: page },
        abilities: taskListAbilitiesOf(actor),
      });
    },
  );

  api.post(
    '/tasks',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'createTask',
        summary: 'Create a task ("Assign Task" when the owner is someone else)',
        description:
          'The `owner` relationship names the assignee (default: me; someone else needs `tasks.assign`). Priority defaults to normal; a task starts open. `dueDate` (ISO 8601 with offset) may not be in the past; reminders need it.',
        body: createBody,
        response: { 201: jsonApiResponse('The new task', taskDocument, { Location: locationHeader }) },
      },
    },
    async (request, reply) => {
      const { attributes, relationships } = request.body.data;
      const task = await createTask(deps, actorOf(request), {
        attributes,
        ownerId: relationships?.owner.data.id,
      });
      reply.status(201).header('location', taskPath(task.id));
      return resourceDocument(presentTask(task, actorOf(request)));
    },
  );
}

/** One task: read, change, delete. */
function taskRecordRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/tasks/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'getTask',
        summary: 'One task',
        description: 'A task of my organization that I may see.',
        params: idParams,
        response: { 200: jsonApiResponse('The task', taskDocument) },
      },
    },
    async (request: FastifyRequest<{ Params: { id: string } }>) =>
      resourceDocument(
        presentTask(await getTask(deps, actorOf(request), request.params.id), actorOf(request)),
      ),
  );

  api.patch(
    '/tasks/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'updateTask',
        summary: 'Change a task (its status along the workflow)',
        description:
          'By its creator, its owner, or with `tasks.manage`. Status: open → in_progress or closed; in_progress → open or closed; closed → open (reopen).',
        params: idParams,
        body: updateBody,
        response: { 200: jsonApiResponse('The changed task', taskDocument) },
      },
    },
    async (request) =>
      resourceDocument(
        presentTask(
          await updateTaskAttributes(deps, actorOf(request), request.params.id, request.body.data.attributes),
          actorOf(request),
        ),
      ),
  );

  api.delete(
    '/tasks/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'deleteTask',
        summary: 'Delete a task',
        description: 'By its creator, its owner, or with `tasks.manage`.',
        params: idParams,
        response: { 204: emptyResponse('Deleted') },
      },
    },
    async (request, reply) => {
      await removeTask(deps, actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}

/**
 * The users `include=createdBy,owner` names on a page of tasks: members of the organization only
 * (a former member's id stays a bare identifier); undefined when nothing was asked for.
 */
async function includedUsers(
  deps: Pick<Deps, 'db'>,
  organizationId: string,
  tasks: readonly TaskRecord[],
  include: readonly string[],
) {
  if (include.length === 0) return undefined;
  const ids = new Set<string>();
  for (const task of tasks) {
    if (include.includes('owner')) ids.add(task.ownerId);
    if (include.includes('createdBy') && task.createdById) ids.add(task.createdById);
  }
  return findIncludedUsers(deps.db, organizationId, ids);
}
