import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { organizationListAbilities } from '../../../common/abilities';
import { organizationNameSchema } from '../../../common/identity';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/access';
import {
  applySparseFieldset,
  fieldsQuerySchema,
  listDocument,
  listQuerySchema,
  parseFieldsQuery,
  parseListQuery,
  resourceDocument,
} from '../../platform/http/jsonapi';
import {
  abilitiesSchema,
  collectionDocumentSchema,
  jsonApiResponse,
  listMetaWithAbilities,
  locationHeader,
  resourceDocumentSchema,
  totalCountHeader,
} from '../../platform/http/openapi';
import { requestContextOf } from '../../platform/http/request-context';
import { resourceBody } from '../../platform/http/schemas';
import { organizationListAbilitiesOf } from './policy';
import { organizationFields, organizationPath, organizationResource, presentOrganization } from './presenter';
import { createOrganization, getMyOrganization, listMyOrganizations, renameMyOrganization } from './service';
import { organizationListSpec } from './store';

const organizationBody = resourceBody('organizations', z.strictObject({ name: organizationNameSchema }));
const renameBody = resourceBody('organizations', z.strictObject({ name: organizationNameSchema }), {
  id: true,
});
const idParams = z.strictObject({ id: z.string().min(1).max(64) });
const organizationDocument = resourceDocumentSchema(organizationResource);

/** Organizations: mine, one of mine, create (the creator becomes its Administrator), rename. */
export async function organizationRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  organizationReadRoutes(app, deps);
  organizationWriteRoutes(app, deps);
}

const tags = ['organizations'];

/** List organizations and read one. */
function organizationReadRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/organizations',
    {
      config: { access: 'authenticated', allowDuringPasswordChange: true },
      schema: {
        tags,
        operationId: 'listOrganizations',
        summary: 'The organizations I am a member of (meta.current marks the current one)',
        description:
          'Sort: name (default), createdAt. `filter[name]` (or `[contains]`), `fields[organizations]`, `page[number|size]`, `X-Include: totalCount`.',
        querystring: listQuerySchema(organizationListSpec),
        response: {
          200: jsonApiResponse(
            'A page of my organizations',
            collectionDocumentSchema(organizationResource, {
              meta: listMetaWithAbilities(
                abilitiesSchema(organizationListAbilities)
                  .describe('What I may do from the Organizations page (common/abilities.ts)')
                  .meta({ id: 'OrganizationListAbilities' }),
              ),
            }),
            { 'X-Include-Total-Count': totalCountHeader },
          ),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const query = queryOf(request);
      const listQuery = parseListQuery(query, organizationListSpec, { headers: request.headers });
      const page = await listMyOrganizations(deps, actor, listQuery);
      return listDocument(reply, {
        data: page.rows.map((o) => presentOrganization(o, { currentOrganizationId: actor.organizationId })),
        fields: listQuery.fields,
        paging: { path: '/api/organizations', query, page: listQuery.page, state: page },
        abilities: organizationListAbilitiesOf(actor),
      });
    },
  );

  api.get(
    '/organizations/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'getOrganization',
        summary: 'One of my organizations',
        description:
          'An organization I am a member of (others are 404). `fields[organizations]` picks members.',
        params: idParams,
        querystring: fieldsQuerySchema({ organizations: organizationFields }),
        response: { 200: jsonApiResponse('The organization', organizationDocument) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const fields = parseFieldsQuery(queryOf(request), { organizations: organizationFields });
      const organization = await getMyOrganization(deps, actor, request.params.id);
      return resourceDocument(
        applySparseFieldset(
          presentOrganization(organization, { currentOrganizationId: actor.organizationId }),
          fields,
        ),
      );
    },
  );
}

/** Create and change an organization. */
function organizationWriteRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/organizations',
    {
      config: { access: 'organizations.manage' },
      schema: {
        tags,
        summary:
          'Create an organization (with the Administrator, Manager and User roles); I become its Administrator',
        operationId: 'createOrganization',
        description: 'Names are unique, compared without case.',
        body: organizationBody,
        response: {
          201: jsonApiResponse('The new organization', organizationDocument, { Location: locationHeader }),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const organization = await createOrganization(
        deps,
        actor,
        request.body.data.attributes,
        requestContextOf(request),
      );
      reply.status(201).header('location', organizationPath(organization.id));
      return resourceDocument(
        presentOrganization(organization, { currentOrganizationId: actor.organizationId }),
      );
    },
  );

  api.patch(
    '/organizations/:id',
    {
      config: { access: 'organizations.manage' },
      schema: {
        tags,
        operationId: 'renameOrganization',
        summary: 'Rename one of my organizations',
        description: 'Changes the name of an organization I am a member of (`organizations.manage`).',
        params: idParams,
        body: renameBody,
        response: { 200: jsonApiResponse('The renamed organization', organizationDocument) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const organization = await renameMyOrganization(
        deps,
        actor,
        request.params.id,
        request.body.data.attributes,
        requestContextOf(request),
      );
      return resourceDocument(
        presentOrganization(organization, { currentOrganizationId: actor.organizationId }),
      );
    },
  );
}

function queryOf(request: FastifyRequest): Record<string, unknown> {
  return (request.query ?? {}) as Record<string, unknown>;
}
