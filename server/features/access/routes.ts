import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roleListAbilities } from '../../../common/abilities';
import { rolePermissionsSchema } from '../../../common/identity';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/access';
import {
  applySparseFieldset,
  fieldsQuerySchema,
  listDocument,
  listQuerySchema,
  parseFieldsQuery,
  parseListQuery,
  resourceDocument,
} from '../../platform/http/jsonapi';
import {
  abilitiesSchema,
  collectionDocumentSchema,
  jsonApiResponse,
  listMetaWithAbilities,
  resourceDocumentSchema,
  totalCountHeader,
} from '../../platform/http/openapi';
import { requestContextOf } from '../../platform/http/request-context';
import { resourceBody } from '../../platform/http/schemas';
import { roleListAbilitiesOf } from './policy';
import { presentRole, roleFields, roleResource } from './presenter';
import { changeRolePermissions, getRole, listOrganizationRoles } from './service';
import { roleListSpec } from './store';

const roleBody = resourceBody('roles', z.strictObject({ permissions: rolePermissionsSchema }), { id: true });
const idParams = z.strictObject({ id: z.string().min(1).max(64) });
const roleDocument = resourceDocumentSchema(roleResource);

/** Roles of the current organization and their permissions. */
export async function accessRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['roles'];

  api.get(
    '/roles',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'listRoles',
        summary: 'The roles of my organization, with their permissions',
        description:
          'Sort: name (default), createdAt, updatedAt. `filter[name]` (or `[contains]`), `fields[roles]`, `page[number|size]`, `X-Include: totalCount`.',
        querystring: listQuerySchema(roleListSpec),
        response: {
          200: jsonApiResponse(
            'A page of roles',
            collectionDocumentSchema(roleResource, {
              meta: listMetaWithAbilities(
                abilitiesSchema(roleListAbilities)
                  .describe('What I may do from the roles page (common/abilities.ts)')
                  .meta({ id: 'RoleListAbilities' }),
              ),
            }),
            { 'X-Include-Total-Count': totalCountHeader },
          ),
        },
      },
    },
    async (request, reply) => {
      const query = queryOf(request);
      const listQuery = parseListQuery(query, roleListSpec, { headers: request.headers });
      const actor = actorOf(request);
      const page = await listOrganizationRoles(deps, actor, listQuery);
      return listDocument(reply, {
        data: page.rows.map(presentRole),
        fields: listQuery.fields,
        paging: { path: '/api/roles', query, page: listQuery.page, state: page },
        abilities: roleListAbilitiesOf(actor),
      });
    },
  );

  api.get(
    '/roles/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'getRole',
        summary: 'One role of my organization',
        description: 'A role of my organization with its permissions. `fields[roles]` picks members.',
        params: idParams,
        querystring: fieldsQuerySchema({ roles: roleFields }),
        response: { 200: jsonApiResponse('The role', roleDocument) },
      },
    },
    async (request) => {
      const fields = parseFieldsQuery(queryOf(request), { roles: roleFields });
      const role = await getRole(deps, actorOf(request), request.params.id);
      return resourceDocument(applySparseFieldset(presentRole(role), fields));
    },
  );

  api.patch(
    '/roles/:id',
    {
      config: { access: 'roles.manage' },
      schema: {
        tags,
        operationId: 'updateRole',
        summary: "Replace a role's permissions (effective on its members' next request)",
        description:
          'Nobody grants or takes away a permission they do not hold; the organization keeps an active member who can manage roles.',
        params: idParams,
        body: roleBody,
        response: { 200: jsonApiResponse('The changed role', roleDocument) },
      },
    },
    async (request) => {
      const role = await changeRolePermissions(
        deps,
        actorOf(request),
        request.params.id,
        request.body.data.attributes.permissions,
        requestContextOf(request),
      );
      return resourceDocument(presentRole(role));
    },
  );
}

function queryOf(request: FastifyRequest): Record<string, unknown> {
  return (request.query ?? {}) as Record<string, unknown>;
}
