import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/access';
import { applySparseFieldset, parseFieldsQuery, resourceDocument } from '../../platform/http/jsonapi';
import { presentUser, userFields } from '../users/presenter';

const profileFieldsets = { users: [...userFields, 'organization'] };

import { getUserProfile } from './service';

/**
 * `GET /api/userprofile`: the signed-in user (a `users` resource) with `meta.permissions` (in the
 * current organization), `meta.organization` and `meta.organizations` (to switch to). The SPA uses
 * it for the user menu, the organization switcher and to hide what the user cannot do.
 */
export async function userProfileRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/userprofile',
    {
      config: { access: 'authenticated', allowDuringPasswordChange: true },
      schema: {
        tags: ['users'],
        summary: 'The signed-in user, with my permissions and organizations in meta',
      },
    },
    async (request) => {
      const fields = parseFieldsQuery((request.query ?? {}) as Record<string, unknown>, profileFieldsets);
      const profile = await getUserProfile(deps, actorOf(request));
      const resource = presentUser(profile.user, {
        roleIds: profile.roleIds,
        organizationIds: profile.organizations.map((organization) => organization.id),
        avatar: profile.avatar,
      });
      resource.relationships = {
        ...resource.relationships,
        organization: { data: { type: 'organizations', id: profile.organization.id } },
      };
      resource.meta = {
        permissions: profile.permissions,
        organization: profile.organization,
        organizations: profile.organizations,
      };
      return resourceDocument(applySparseFieldset(resource, fields));
    },
  );
}
