import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { settingDefinitions } from '../../../common/settings';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/access';
import { listDocument, resourceDocument } from '../../platform/http/jsonapi';
import {
  collectionDocumentSchema,
  jsonApiResponse,
  resourceDocumentSchema,
} from '../../platform/http/openapi';
import { requestContextOf } from '../../platform/http/request-context';
import { resourceBody } from '../../platform/http/schemas';
import { presentSetting, settingResource } from './presenter';
import { listSettings, updateSetting } from './service';

const scope = z.enum(['system', 'organization', 'user'], {
  error: 'The scope is system, organization or user.',
});

const listQuery = z.strictObject({ scope: scope.optional() });

const keyParams = z.strictObject({ key: z.string().min(1).max(100) });

/** Larger than any string or list a request body of at most 256 KB can carry. */
const VALUE_BOUND = 256 * 1024;

const updateBody = resourceBody(
  'settings',
  z.strictObject({
    scope,
    // Checked against the key's definition in the registry (422 `setting_invalid` on
    // /data/attributes/value, with the rule's own bounds); here only the JSON types, with bounds
    // no body within the body limit (256 KB) reaches, so a too long value is the setting's fault.
    value: z.union([
      z.string().max(VALUE_BOUND),
      z.number(),
      z.boolean(),
      z.array(z.string().max(VALUE_BOUND)).max(VALUE_BOUND),
      z.null(),
    ]),
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
        operationId: 'listSettings',
        summary: 'The settings in force at a level (default: mine), each with the level it comes from',
        description:
          '`scope=system|organization|user` (default user: me in the current organization). Each value says where it comes from and whether it may be set at that level.',
        querystring: listQuery,
        response: {
          200: jsonApiResponse(
            'Every setting at that level',
            collectionDocumentSchema(settingResource, {
              paged: false,
              max: Object.keys(settingDefinitions).length,
            }),
          ),
        },
      },
    },
    async (request, reply) => {
      const views = await listSettings(deps, actorOf(request), request.query.scope ?? 'user');
      return listDocument(reply, { data: views.map(presentSetting) });
    },
  );

  api.patch(
    '/settings/:key',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'updateSetting',
        summary: 'Set a value at a level, or `value: null` to use the level above again',
        description:
          'system needs `system.settings`, organization `organization.settings`, user (myself) `update_own_configuration`. The value is checked against the key’s definition (422 on /data/attributes/value).',
        params: keyParams,
        body: updateBody,
        response: {
          200: jsonApiResponse('The setting at that level', resourceDocumentSchema(settingResource)),
        },
      },
    },
    async (request) => {
      const { data } = request.body;
      const view = await updateSetting(
        deps,
        actorOf(request),
        { key: request.params.key, scope: data.attributes.scope, value: data.attributes.value },
        requestContextOf(request),
      );
      return resourceDocument(presentSetting(view));
    },
  );
}
