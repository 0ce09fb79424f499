import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { customFieldDefinitionSchema, customFieldDefinitionUpdateSchema } from '../../../common/profile';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/access';
import { collectionDocument, resourceDocument } from '../../platform/http/jsonapi';
import { resourceBody } from '../../platform/http/schemas';
import { presentCustomField } from './presenter';
import {
  createCustomField,
  deleteCustomField,
  getCustomField,
  listCustomFields,
  updateCustomField,
} from './service';

const idParams = z.strictObject({ id: z.string().min(1).max(64) });
const createBody = resourceBody('custom-fields', customFieldDefinitionSchema);
const updateBody = resourceBody('custom-fields', customFieldDefinitionUpdateSchema, { id: true });

/** The organization's custom user fields: /api/custom-fields (definitions; values live on users). */
export async function customFieldRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['custom-fields'];

  api.get(
    '/custom-fields',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: "The organization's custom user fields" },
    },
    async (request) => {
      const definitions = await listCustomFields(deps, actorOf(request));
      return collectionDocument(definitions.map(presentCustomField));
    },
  );

  api.get(
    '/custom-fields/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'One custom user field', params: idParams },
    },
    async (request) =>
      resourceDocument(presentCustomField(await getCustomField(deps, actorOf(request), request.params.id))),
  );

  api.post(
    '/custom-fields',
    {
      config: { access: 'custom_fields.manage' },
      schema: { tags, summary: 'Define a custom user field', body: createBody },
    },
    async (request, reply) => {
      const definition = await createCustomField(deps, actorOf(request), request.body.data.attributes, {
        ip: request.ip,
      });
      reply.status(201).header('location', `/api/custom-fields/${definition.id}`);
      return resourceDocument(presentCustomField(definition));
    },
  );

  api.patch(
    '/custom-fields/:id',
    {
      config: { access: 'custom_fields.manage' },
      schema: { tags, summary: 'Change a custom user field', params: idParams, body: updateBody },
    },
    async (request) => {
      const definition = await updateCustomField(
        deps,
        actorOf(request),
        request.params.id,
        request.body.data.attributes,
        {
          ip: request.ip,
        },
      );
      return resourceDocument(presentCustomField(definition));
    },
  );

  api.delete(
    '/custom-fields/:id',
    {
      config: { access: 'custom_fields.manage' },
      schema: { tags, summary: 'Delete a custom user field and its values', params: idParams },
    },
    async (request, reply) => {
      await deleteCustomField(deps, actorOf(request), request.params.id, { ip: request.ip });
      return reply.status(204).send();
    },
  );
}
