import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mailMessageListAbilities } from '../../../common/abilities';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/access';
import { listDocument, listQuerySchema, parseListQuery, resourceDocument } from '../../platform/http/jsonapi';
import {
  abilitiesSchema,
  collectionDocumentSchema,
  jsonApiResponse,
  listMetaWithAbilities,
  resourceDocumentSchema,
  totalCountHeader,
} from '../../platform/http/openapi';
import { requestContextOf } from '../../platform/http/request-context';
import { mailMessageListAbilitiesOf } from './policy';
import { mailMessageResource, mailMessageSummaryResource, presentMailMessage } from './presenter';
import { browseOutbox, getMailMessage, retryMailMessage } from './service';
import { mailMessageListSpec } from './store';

const idParams = z.strictObject({ id: z.string().min(1).max(64) });

/** A retry has nothing to say: the body may be omitted or be `{"data":{"type":"mail-retries"}}`. */
const retryBody = z
  .strictObject({
    data: z.strictObject({
      type: z.literal('mail-retries', { error: 'The type must be "mail-retries".' }),
      attributes: z.strictObject({}).optional(),
    }),
  })
  .nullish();

const listDescription =
  'The outgoing mail of my organization, newest first. Filters: `filter[status]=queued,sending,sent,failed,cancelled`, `filter[toAddress]` (or `[contains]`), `filter[template]`, `filter[createdAt][gte|lt]=<ISO time>`; sort by createdAt, sentAt, nextAttemptAt, status, attempts, toAddress, subject; `X-Include: totalCount`. System mail that belongs to no organization is listed only by `npx atrium mail:list`.';

/** The outbox for administrators: `/api/mail-messages` (permission `mail.manage`). */
export async function mailRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['mail'];

  api.get(
    '/mail-messages',
    {
      config: { access: 'mail.manage' },
      schema: {
        tags,
        operationId: 'listMailMessages',
        summary: "My organization's outgoing mail",
        description: listDescription,
        querystring: listQuerySchema(mailMessageListSpec),
        response: {
          200: jsonApiResponse(
            'A page of messages',
            collectionDocumentSchema(mailMessageSummaryResource, {
              meta: listMetaWithAbilities(
                abilitiesSchema(mailMessageListAbilities)
                  .describe('What I may do from the outbox (common/abilities.ts)')
                  .meta({ id: 'MailMessageListAbilities' }),
              ),
            }),
            { 'X-Include-Total-Count': totalCountHeader },
          ),
        },
      },
    },
    async (request, reply) => {
      const query = queryOf(request);
      const listQuery = parseListQuery(query, mailMessageListSpec, { headers: request.headers });
      const actor = actorOf(request);
      const page = await browseOutbox(deps, actor, listQuery);
      const path = request.url.split('?')[0] ?? request.url;
      return listDocument(reply, {
        data: page.rows.map(presentMailMessage),
        paging: { path, query, page: listQuery.page, state: page },
        abilities: mailMessageListAbilitiesOf(actor),
      });
    },
  );

  api.get(
    '/mail-messages/:id',
    {
      config: { access: 'mail.manage' },
      schema: {
        tags,
        operationId: 'getMailMessage',
        summary: 'One outgoing message with its text and HTML (tokens and passwords hidden)',
        description:
          'One message of my organization’s outbox, with its bodies; link tokens and passwords read "[hidden]".',
        params: idParams,
        response: { 200: jsonApiResponse('The message', resourceDocumentSchema(mailMessageResource)) },
      },
    },
    async (request) =>
      resourceDocument(presentMailMessage(await getMailMessage(deps, actorOf(request), request.params.id))),
  );

  api.post(
    '/mail-messages/:id/retry',
    {
      config: { access: 'mail.manage' },
      schema: {
        tags,
        operationId: 'retryMailMessage',
        summary: 'Send a failed message again (back in the queue, attempts from zero)',
        description: 'Only a failed message can be retried; the body may be omitted.',
        params: idParams,
        body: retryBody,
        response: {
          200: jsonApiResponse('The message, queued again', resourceDocumentSchema(mailMessageResource)),
        },
      },
    },
    async (request) => {
      const message = await retryMailMessage(
        deps,
        actorOf(request),
        request.params.id,
        requestContextOf(request),
      );
      return resourceDocument(presentMailMessage(message));
    },
  );
}

function queryOf(request: FastifyRequest): Record<string, unknown> {
  return (request.query ?? {}) as Record<string, unknown>;
}
