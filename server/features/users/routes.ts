import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userListAbilities } from '../../../common/abilities';
import { newUserAttributesSchema } from '../../../common/identity';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/access';
import { listDocument, listQuerySchema, parseListQuery, resourceDocument } from '../../platform/http/jsonapi';
import {
  abilitiesSchema,
  collectionDocumentSchema,
  jsonApiResponse,
  listMetaWithAbilities,
  locationHeader,
  resourceDocumentSchema,
  totalCountHeader,
} from '../../platform/http/openapi';
import { requestContextOf } from '../../platform/http/request-context';
import { toMany } from '../../platform/http/schemas';
import { presentRole, roleResource } from '../access/presenter';
import { userListAbilitiesOf } from './abilities';
import { createUser } from './admin-service';
import { getOrganizationUser, listUsers } from './list-service';
import { userListSpec } from './list-store';
import { listedUserResource, presentListedUser, userPath } from './presenter';

const createUserBody = z.strictObject({
  data: z.strictObject({
    type: z.literal('users', { error: 'The type must be "users".' }),
    attributes: newUserAttributesSchema,
    relationships: z.strictObject({ roles: toMany('roles') }).optional(),
  }),
});

const listDescription = [
  'The members of my organization (people pickers use it too).',
  'Filters: `filter[name]` (first/last name or username contains), `filter[email]` (or `[contains]`),',
  '`filter[role]=<role id or name>[,…]`, `filter[status]=active|reset|disabled[,…]`,',
  '`filter[createdAt|lastSignInAt][gte|lt…]`. Sort: username, firstName, lastName, email, createdAt,',
  'lastSignInAt (`-` for descending). `include=roles`; `X-Include: totalCount`.',
].join(' ');

/** Users administration: the organization's users list and "Create User". */
export async function userAdminRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];

  api.get(
    '/users',
    {
      config: { access: 'users.view' },
      schema: {
        tags,
        operationId: 'listUsers',
        summary: 'Users of my organization',
        description: listDescription,
        querystring: listQuerySchema(userListSpec),
        response: {
          200: jsonApiResponse(
            'A page of users',
            collectionDocumentSchema(listedUserResource, {
              included: roleResource,
              meta: listMetaWithAbilities(
                abilitiesSchema(userListAbilities)
                  .describe('What I may do from the users grid (common/abilities.ts)')
                  .meta({ id: 'UserListAbilities' }),
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
      const listQuery = parseListQuery(query, userListSpec, { headers: request.headers });
      const page = await listUsers(deps, actor, listQuery);
      return listDocument(reply, {
        data: page.rows.map((row) => presentListedUser(row)),
        included: page.roles?.map(presentRole),
        fields: listQuery.fields,
        paging: { path: '/api/users', query, page: listQuery.page, state: page },
        abilities: userListAbilitiesOf(actor),
      });
    },
  );

  api.post(
    '/users',
    {
      config: { access: 'users.create' },
      schema: {
        tags,
        operationId: 'createUser',
        summary:
          'Create a user in my organization (they must change the password at first sign-in by default)',
        description:
          'Creates the user with the given roles of my organization (default: User). The password must meet the policy; `mustChangePassword` defaults to true.',
        body: createUserBody,
        response: {
          201: jsonApiResponse('The new user', resourceDocumentSchema(listedUserResource), {
            Location: locationHeader,
          }),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { attributes, relationships } = request.body.data;
      const created = await createUser(
        deps,
        actor,
        { ...attributes, roleIds: relationships?.roles.data.map((role) => role.id) },
        requestContextOf(request),
      );
      const user = await getOrganizationUser(deps, actor, created.id);
      reply.status(201).header('location', userPath(created.id));
      return resourceDocument(presentListedUser(user, { organizationIds: [actor.organizationId] }));
    },
  );
}

function queryOf(request: FastifyRequest): Record<string, unknown> {
  return (request.query ?? {}) as Record<string, unknown>;
}
