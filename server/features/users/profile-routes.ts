import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userProfileUpdateSchema } from '../../../common/profile';
import type { Deps } from '../../platform/deps';
import { type Actor, actorOf } from '../../platform/http/access';
import {
  applySparseFieldset,
  fieldsQuerySchema,
  parseFieldsQuery,
  resourceDocument,
} from '../../platform/http/jsonapi';
import { etagHeader, jsonApiResponse, resourceDocumentSchema } from '../../platform/http/openapi';
import { requestContextOf } from '../../platform/http/request-context';
import { bodyId, toMany, userIdParams } from '../../platform/http/schemas';
import { abilitiesOf } from './abilities';
import { presentUser, userFields, userResource } from './presenter';
import { getUserProfile, type UserView, updateUserProfile } from './profile-service';

/** As `resourceBody('users', …)` would build it, spelled out so the relationship stays typed. */
const updateBody = z.strictObject({
  data: z.strictObject({
    type: z.literal('users', { error: 'The type must be "users".' }),
    id: bodyId.optional(),
    attributes: userProfileUpdateSchema.optional(),
    relationships: z.strictObject({ roles: toMany('roles').optional() }).optional(),
  }),
});

/**
 * RFC 9110 §13.1.1: `If-Match = "*" / #entity-tag`, `entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE`
 * (§8.8.3), `etagc = %x21 / %x23-7E / obs-text`; list members separated by commas and optional spaces.
 */
const ENTITY_TAG_LIST =
  /^(\*|(W\/)?"[\x21\x23-\x7e\x80-\xff]*"([ \t]*,[ \t]*(W\/)?"[\x21\x23-\x7e\x80-\xff]*")*)$/;

const ifMatchHeaders = z.object({
  'if-match': z
    .string()
    .max(1024)
    .superRefine((value, ctx) => {
      if (!ENTITY_TAG_LIST.test(value.trim()))
        ctx.addIssue({
          code: 'custom',
          message: 'If-Match takes * or the ETag read with the resource, in double quotes (like "v3").',
          params: { code: 'invalid_if_match' },
        });
    })
    .optional()
    .describe('The ETag read with the user: the change is refused (412) if the user changed since'),
});

const userDocument = resourceDocumentSchema(userResource);

/**
 * One user's profile: `GET /api/users/{id}` and `PATCH /api/users/{id}` (`me` allowed), with an
 * ETag from the user's version and `If-Match` for updates (412 when stale).
 */
export async function profileRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];

  api.get(
    '/users/:id',
    {
      // Own profile always; another member's needs users.view (checked by the service).
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'getUser',
        summary: 'A user of my organization (`me` for myself)',
        description:
          'My own profile always; another member’s needs `users.view`; another organization’s user is 404. `fields[users]` picks members. The ETag (also in `meta.etag`) goes back in If-Match; `meta.abilities` says what I may do to the user.',
        params: userIdParams,
        querystring: fieldsQuerySchema({ users: userFields }),
        response: { 200: jsonApiResponse('The user', userDocument, { ETag: etagHeader }) },
      },
    },
    async (request, reply) => {
      const fields = parseFieldsQuery((request.query ?? {}) as Record<string, unknown>, {
        users: userFields,
      });
      const actor = actorOf(request);
      const view = await getUserProfile(deps, actor, request.params.id);
      reply.header('etag', view.etag);
      return resourceDocument(applySparseFieldset(present(actor, view), fields));
    },
  );

  api.patch(
    '/users/:id',
    {
      // Own profile: update_own_profile; another user's: users.edit; enabled/roles: users.disable/users.edit.
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'updateUser',
        summary: 'Edit a profile (`me` for myself); send If-Match with the ETag you read',
        description:
          'Changes the attributes sent (every invalid one reported at once, 422). My own needs `update_own_profile`, another user’s `users.edit`; `enabled` needs `users.disable`, `roles` `users.edit`. Changing my own primary email needs `currentPassword`.',
        params: userIdParams,
        headers: ifMatchHeaders,
        body: updateBody,
        response: { 200: jsonApiResponse('The changed user', userDocument, { ETag: etagHeader }) },
      },
    },
    async (request, reply) => {
      const { data } = request.body;
      const actor = actorOf(request);
      const view = await updateUserProfile(
        deps,
        actor,
        request.params.id,
        {
          attributes: data.attributes ?? {},
          roleIds: data.relationships?.roles?.data.map((role) => role.id),
          ifMatch: request.headers['if-match'],
        },
        requestContextOf(request),
      );
      reply.header('etag', view.etag);
      return resourceDocument(present(actor, view));
    },
  );
}

/**
 * The user resource, with its ETag also in `meta.etag` for clients that cannot read response
 * headers, and what the actor may do to the user in `meta.abilities`.
 */
function present(actor: Actor, view: UserView) {
  const abilities = abilitiesOf(actor, {
    id: view.user.id,
    isInstanceAdministrator: view.isInstanceAdministrator,
  });
  return { ...presentUser(view.user, view.extras), meta: { etag: view.etag, abilities } };
}
