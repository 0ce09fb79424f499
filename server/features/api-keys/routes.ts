import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/access';
import { resourceDocument } from '../../platform/http/jsonapi';
import {
  emptyResponse,
  jsonApiResponse,
  locationHeader,
  resourceDocumentSchema,
} from '../../platform/http/openapi';
import { requestContextOf } from '../../platform/http/request-context';
import { userIdParams } from '../../platform/http/schemas';
import { apiKeyPath, apiKeyResource, generatedApiKeyResource, presentApiKey } from './presenter';
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
        operationId: 'generateApiKey',
        summary: 'Generate (or replace) the API key for the current organization; the key is shown only here',
        description:
          'One key per user per organization: a new one replaces the old at once. My own (`me`) needs nothing more; another user’s needs `manage_api_keys`. The body may be omitted.',
        params: userIdParams,
        body: generateBody,
        response: {
          201: jsonApiResponse(
            'The new key, with `key` (shown only now)',
            resourceDocumentSchema(generatedApiKeyResource),
            {
              Location: locationHeader,
            },
          ),
        },
      },
    },
    async (request, reply) => {
      const { apiKey, key } = await generateUserApiKey(
        deps,
        actorOf(request),
        { userId: request.params.id },
        requestContextOf(request),
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
        operationId: 'getApiKey',
        summary: 'The API key’s metadata (never the key); `data: null` when the user has none',
        description: 'Its prefix, when it was created and last used, and from where.',
        params: userIdParams,
        response: {
          200: jsonApiResponse(
            'The key’s metadata, or `data: null`',
            resourceDocumentSchema(apiKeyResource, { nullable: true }),
          ),
        },
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
      schema: {
        tags,
        operationId: 'revokeApiKey',
        summary: 'Revoke the API key: it stops working at once',
        description: 'Ends the user’s key in the current organization.',
        params: userIdParams,
        response: { 204: emptyResponse('Revoked') },
      },
    },
    async (request, reply) => {
      await revokeUserApiKey(
        deps,
        actorOf(request),
        { userId: request.params.id },
        requestContextOf(request),
      );
      return reply.status(204).send();
    },
  );
}
