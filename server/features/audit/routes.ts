import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/access';
import { listDocument, listQuerySchema, parseListQuery } from '../../platform/http/jsonapi';
import { collectionDocumentSchema, jsonApiResponse, totalCountHeader } from '../../platform/http/openapi';
import { userIdParams } from '../../platform/http/schemas';
import { listedUserResource, presentUser } from '../users/presenter';
import { auditEventResource, presentAuditEvent } from './presenter';
import { type AuditEventPage, browseAuditLog, listUserAuditEvents } from './service';
import { auditEventListSpec, userAuditEventListSpec } from './store';

const listDescription =
  'Newest first. Filters: `filter[action]=a,b` (or `[neq]`, `[contains]`), `filter[actor]`, `filter[subject]` (user ids), `filter[occurredAt][gte|lt]=<ISO time>`; `include=actor,subject`; `X-Include: totalCount`.';

const auditPage = jsonApiResponse(
  'A page of audit events',
  collectionDocumentSchema(auditEventResource, { included: listedUserResource }),
  { 'X-Include-Total-Count': totalCountHeader },
);

/** The security audit log: the organization's (administrators) and a user's own. */
export async function auditRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];

  api.get(
    '/audit-events',
    {
      config: { access: 'audit.view' },
      schema: {
        tags,
        operationId: 'listAuditEvents',
        summary: "My organization's security audit log",
        description: listDescription,
        querystring: listQuerySchema(auditEventListSpec),
        response: { 200: auditPage },
      },
    },
    async (request, reply) => {
      const listQuery = parseListQuery(queryOf(request), auditEventListSpec, { headers: request.headers });
      const page = await browseAuditLog(deps, actorOf(request), listQuery);
      return pageDocument(request, reply, listQuery.page, page);
    },
  );

  api.get(
    '/users/:id/audit-events',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'listUserAuditEvents',
        summary: "A user's recent security events (my own always; another member's with audit.view)",
        description: listDescription.replace(', `filter[subject]`', ''),
        params: userIdParams,
        querystring: listQuerySchema(userAuditEventListSpec),
        response: { 200: auditPage },
      },
    },
    async (request, reply) => {
      const listQuery = parseListQuery(queryOf(request), userAuditEventListSpec, {
        headers: request.headers,
      });
      const page = await listUserAuditEvents(deps, actorOf(request), request.params.id, listQuery);
      return pageDocument(request, reply, listQuery.page, page);
    },
  );
}

function queryOf(request: FastifyRequest): Record<string, unknown> {
  return (request.query ?? {}) as Record<string, unknown>;
}

function pageDocument(
  request: FastifyRequest,
  reply: FastifyReply,
  pageOptions: { number: number; size: number },
  page: AuditEventPage,
) {
  const path = request.url.split('?')[0] ?? request.url;
  return listDocument(reply, {
    data: page.rows.map(presentAuditEvent),
    included: page.users.length > 0 ? page.users.map((user) => presentUser(user)) : undefined,
    paging: { path, query: queryOf(request), page: pageOptions, state: page },
  });
}
