import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { rememberUserDocument } from '../../platform/db/prepared';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/access';
import {
  applySparseFieldset,
  fieldsQuerySchema,
  JSONAPI_MEDIA_TYPE,
  parseFieldsQuery,
  resourceDocument,
} from '../../platform/http/jsonapi';
import { jsonApiResponse, resourceDocumentSchema } from '../../platform/http/openapi';
import { presentUser, userFields, userProfileResource } from '../users/presenter';
import { ownAbilities } from './policy';
import { getUserProfile } from './service';

const profileFieldsets = { users: [...userFields, 'organization'] };

/**
 * The permissions as a short part of a cache key: each distinct set gets a number, once per set
 * object (an API key's requests share one, see authenticate).
 */
const permissionSetNumbers = new Map<string, number>();
const permissionKeys = new WeakMap<ReadonlySet<string>, string>();
function permissionKey(permissions: ReadonlySet<string>): string {
  let key = permissionKeys.get(permissions);
  if (key === undefined) {
    const names = [...permissions].sort().join(',');
    let number = permissionSetNumbers.get(names);
    if (number === undefined) {
      number = permissionSetNumbers.size;
      permissionSetNumbers.set(names, number);
    }
    key = String(number);
    permissionKeys.set(permissions, key);
  }
  return key;
}

/**
 * `GET /api/userprofile`: the signed-in user (a `users` resource) with `meta.permissions` (in the
 * current organization), `meta.organization` and `meta.organizations` (to switch to). The SPA uses
 * it for the user menu, the organization switcher and to hide what the user cannot do.
 *
 * Every page load and many integrations read it, so the rendered document is kept until what it
 * shows changes, in any process (rememberUserDocument); it depends on nothing but the user's row,
 * memberships, roles, organizations and avatar and the key's parts: the user, the organization,
 * the permissions there and the sparse fieldset.
 */
export async function userProfileRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/userprofile',
    {
      config: { access: 'authenticated', allowDuringPasswordChange: true },
      schema: {
        tags: ['users'],
        operationId: 'getUserProfile',
        summary: 'The signed-in user, with my permissions and organizations in meta',
        description:
          'Me, with `meta.permissions` (in the current organization), `meta.organization`, `meta.organizations` (to switch to) and `meta.abilities` (what I may do to myself). Works while a password change is due.',
        querystring: fieldsQuerySchema(profileFieldsets),
        response: {
          200: jsonApiResponse('The signed-in user', resourceDocumentSchema(userProfileResource)),
        },
      },
    },
    async (request, reply) => {
      const fields = parseFieldsQuery((request.query ?? {}) as Record<string, unknown>, profileFieldsets);
      const actor = actorOf(request);
      const key = `userprofile ${actor.userId} ${actor.organizationId} ${permissionKey(actor.permissions)} ${JSON.stringify(fields)}`;
      const document = { key, userId: actor.userId };
      const body = await rememberUserDocument(deps.db, document, async () => {
        const profile = await getUserProfile(deps, actor);
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
          abilities: ownAbilities(actor),
        };
        return JSON.stringify(resourceDocument(applySparseFieldset(resource, fields)));
      });
      return reply.type(JSONAPI_MEDIA_TYPE).send(body);
    },
  );
}
