import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/access';
import { resourceDocument } from '../../platform/http/jsonapi';
import { userIdParams } from '../../platform/http/schemas';
import { apiKeyPath, presentApiKey } from './presenter';
import { generateUserApiKey, getUserApiKey, revokeUserApiKey } from './service';

/** The body of a generation has nothing to say: it may be omitted (Fastify passes `null`) or be `{"data":{"type":"apikeys"}}`. */
const generateBody = z
  .strictObject({
    data: z.strictObject({
      type: z.literal('apikeys', { error: 'The type must be "apikeys".' }),
      attributes: z.strictObject({}).optional(),
    }),
  })
  .nullish();

/**
 * A user's API key in the current organization: `/api/users/{id}/api-key` (`{id}` may be `me`).
 * Another user's key needs `manage_api_keys`; the service checks it, since `me` needs nothing.
 */
export async function apiKeyRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['api keys'];

  api.post(
    '/users/:id/api-key',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Generate (or replace) the API key for the current organization; the key is shown only here',
        params: userIdParams,
        body: generateBody,
      },
    },
    async (request, reply) => {
      const { apiKey, key } = await generateUserApiKey(
        deps,
        actorOf(request),
        { userId: request.params.id },
        { ip: request.ip },
      );
      reply.status(201).header('location', apiKeyPath(apiKey.userId));
      return resourceDocument(presentApiKey(apiKey, { key }));
    },
  );

  api.get(
    '/users/:id/api-key',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The API key’s metadata (never the key); `data: null` when the user has none',
        params: userIdParams,
      },
    },
    async (request) => {
      const apiKey = await getUserApiKey(deps, actorOf(request), { userId: request.params.id });
      return resourceDocument(apiKey ? presentApiKey(apiKey) : null);
    },
  );

  api.delete(
    '/users/:id/api-key',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Revoke the API key: it stops working at once', params: userIdParams },
    },
    async (request, reply) => {
      await revokeUserApiKey(deps, actorOf(request), { userId: request.params.id }, { ip: request.ip });
      return reply.status(204).send();
    },
  );
}
