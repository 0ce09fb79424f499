import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { customFieldListAbilities } from '../../../common/abilities';
import { customFieldDefinitionSchema, customFieldDefinitionUpdateSchema } from '../../../common/profile';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/access';
import { listDocument, resourceDocument } from '../../platform/http/jsonapi';
import {
  abilitiesSchema,
  collectionDocumentSchema,
  emptyResponse,
  jsonApiResponse,
  locationHeader,
  resourceDocumentSchema,
  unpagedListMetaWithAbilities,
} from '../../platform/http/openapi';
import { requestContextOf } from '../../platform/http/request-context';
import { resourceBody } from '../../platform/http/schemas';
import { customFieldListAbilitiesOf } from './policy';
import { customFieldResource, presentCustomField } from './presenter';
import {
  CUSTOM_FIELDS_MAX,
  createCustomField,
  deleteCustomField,
  getCustomField,
  listCustomFields,
  updateCustomField,
} from './service';

const idParams = z.strictObject({ id: z.string().min(1).max(64) });
const createBody = resourceBody('custom-fields', customFieldDefinitionSchema);
const updateBody = resourceBody('custom-fields', customFieldDefinitionUpdateSchema, { id: true });
const fieldDocument = resourceDocumentSchema(customFieldResource);

/** The organization's custom user fields: /api/custom-fields (definitions; values live on users). */
export async function customFieldRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  customFieldReadRoutes(app, deps);
  customFieldWriteRoutes(app, deps);
}

const tags = ['custom-fields'];

/** List custom fields and read one. */
function customFieldReadRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/custom-fields',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'listCustomFields',
        summary: "The organization's custom user fields",
        description:
          'Every custom user field of my organization, by position. Their values live on each user (`customFields`).',
        response: {
          200: jsonApiResponse(
            'The fields, in order',
            collectionDocumentSchema(customFieldResource, {
              paged: false,
              max: CUSTOM_FIELDS_MAX,
              meta: unpagedListMetaWithAbilities(
                abilitiesSchema(customFieldListAbilities)
                  .describe('What I may do from Custom User Fields (common/abilities.ts)')
                  .meta({ id: 'CustomFieldListAbilities' }),
              ),
            }),
          ),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const definitions = await listCustomFields(deps, actor);
      return listDocument(reply, {
        data: definitions.map(presentCustomField),
        abilities: customFieldListAbilitiesOf(actor),
      });
    },
  );

  api.get(
    '/custom-fields/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'getCustomField',
        summary: 'One custom user field',
        description: 'One custom user field of my organization.',
        params: idParams,
        response: { 200: jsonApiResponse('The field', fieldDocument) },
      },
    },
    async (request) =>
      resourceDocument(presentCustomField(await getCustomField(deps, actorOf(request), request.params.id))),
  );
}

/** Create, change and delete a custom field. */
function customFieldWriteRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/custom-fields',
    {
      config: { access: 'custom_fields.manage' },
      schema: {
        tags,
        operationId: 'createCustomField',
        summary: 'Define a custom user field',
        description:
          'Adds a field to the Additional section of every profile in my organization. `name` is unique in the organization and cannot change; `choices` only for `fieldType: choice`.',
        body: createBody,
        response: {
          201: jsonApiResponse('The new field', fieldDocument, { Location: locationHeader }),
        },
      },
    },
    async (request, reply) => {
      const definition = await createCustomField(
        deps,
        actorOf(request),
        request.body.data.attributes,
        requestContextOf(request),
      );
      reply.status(201).header('location', `/api/custom-fields/${definition.id}`);
      return resourceDocument(presentCustomField(definition));
    },
  );

  api.patch(
    '/custom-fields/:id',
    {
      config: { access: 'custom_fields.manage' },
      schema: {
        tags,
        operationId: 'updateCustomField',
        summary: 'Change a custom user field',
        description: 'Changes the label, `required`, `choices` or `position`; never `name` or `fieldType`.',
        params: idParams,
        body: updateBody,
        response: { 200: jsonApiResponse('The changed field', fieldDocument) },
      },
    },
    async (request) => {
      const definition = await updateCustomField(
        deps,
        actorOf(request),
        request.params.id,
        request.body.data.attributes,
        requestContextOf(request),
      );
      return resourceDocument(presentCustomField(definition));
    },
  );

  api.delete(
    '/custom-fields/:id',
    {
      config: { access: 'custom_fields.manage' },
      schema: {
        tags,
        operationId: 'deleteCustomField',
        summary: 'Delete a custom user field and its values',
        description: 'Removes the field and every user’s value of it.',
        params: idParams,
        response: { 204: emptyResponse('Deleted') },
      },
    },
    async (request, reply) => {
      await deleteCustomField(deps, actorOf(request), request.params.id, requestContextOf(request));
      return reply.status(204).send();
    },
  );
}
