import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rolePermissionsSchema } from '../../../common/identity';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/access';
import { collectionDocument, resourceDocument } from '../../platform/http/jsonapi';
import { resourceBody } from '../../platform/http/schemas';
import { ensureSameId } from './policy';
import { presentRole } from './presenter';
import { changeRolePermissions, getRole, listOrganizationRoles } from './service';

const roleBody = resourceBody('roles', z.strictObject({ permissions: rolePermissionsSchema }), { id: true });
const idParams = z.strictObject({ id: z.string().min(1).max(64) });

/** Roles of the current organization and their permissions. */
export async function accessRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['roles'];

  api.get(
    '/roles',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'The roles of my organization, with their permissions' },
    },
    async (request) => {
      const roles = await listOrganizationRoles(deps, actorOf(request));
      return collectionDocument(roles.map(presentRole));
    },
  );

  api.get(
    '/roles/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'One role of my organization', params: idParams },
    },
    async (request) =>
      resourceDocument(presentRole(await getRole(deps, actorOf(request), request.params.id))),
  );

  api.patch(
    '/roles/:id',
    {
      config: { access: 'roles.manage' },
      schema: {
        tags,
        summary: "Replace a role's permissions (effective on its members' next request)",
        params: idParams,
        body: roleBody,
      },
    },
    async (request) => {
      ensureSameId(request.body.data.id, request.params.id);
      const role = await changeRolePermissions(
        deps,
        actorOf(request),
        request.params.id,
        request.body.data.attributes.permissions,
        { ip: request.ip },
      );
      return resourceDocument(presentRole(role));
    },
  );
}
