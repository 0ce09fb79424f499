import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/access';
import { AppError } from '../../platform/http/errors';
import { collectionDocument, resourceDocument } from '../../platform/http/jsonapi';
import { resourceBody } from '../../platform/http/schemas';
import { presentSetting } from './presenter';
import { listSettings, updateSetting } from './service';

const scope = z.enum(['system', 'organization', 'user'], {
  error: 'The scope is system, organization or user.',
});

const listQuery = z.strictObject({ scope: scope.optional() });

const keyParams = z.strictObject({ key: z.string().min(1).max(100) });

const updateBody = resourceBody(
  'settings',
  z.strictObject({
    scope,
    // Checked against the key's definition in the registry (422 on /data/attributes/value).
    value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  }),
  { id: true },
);

/**
 * Scoped configuration (DESIGN.md §5): the values in force at a level, and setting or clearing
 * one. The level decides the permission: system → `system.settings`, organization →
 * `organization.settings`, user (oneself in the current organization) → `update_own_configuration`.
 */
export async function settingsRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['settings'];

  api.get(
    '/settings',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The settings in force at a level (default: mine), each with the level it comes from',
        querystring: listQuery,
      },
    },
    async (request) => {
      const views = await listSettings(deps, actorOf(request), request.query.scope ?? 'user');
      return collectionDocument(views.map(presentSetting));
    },
  );

  api.patch(
    '/settings/:key',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Set a value at a level, or `value: null` to use the level above again',
        params: keyParams,
        body: updateBody,
      },
    },
    async (request) => {
      const { data } = request.body;
      if (data.id !== undefined && data.id !== request.params.key) {
        throw new AppError('conflict', 'id_mismatch', 'The id in the body must be the key in the URL.', {
          source: { pointer: '/data/id' },
        });
      }
      const view = await updateSetting(
        deps,
        actorOf(request),
        { key: request.params.key, scope: data.attributes.scope, value: data.attributes.value },
        { ip: request.ip },
      );
      return resourceDocument(presentSetting(view));
    },
  );
}
