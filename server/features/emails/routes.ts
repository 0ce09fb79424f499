import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendEmailSchema } from '../../../common/emails';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/access';
import { resourceDocument } from '../../platform/http/jsonapi';
import {
  emptyResponse,
  jsonApiResponse,
  locationHeader,
  resourceDocumentSchema,
} from '../../platform/http/openapi';
import { resourceBody, toMany, toOne } from '../../platform/http/schemas';
import { emailPath, emailResource, presentEmail } from './presenter';
import { cancelEmail, getEmail, sendEmail } from './service';

const idParams = z.strictObject({ id: z.string().min(1).max(64) });
const sendRelationships = z
  .strictObject({
    activityTargets: toMany('users').optional(),
    attachments: toMany('files').optional(),
    inReplyTo: toOne('emails').optional(),
  })
  .optional();
const sendBody = resourceBody('emails', sendEmailSchema, { relationships: sendRelationships });
const emailDocument = resourceDocumentSchema(emailResource);

/** Send Email: `POST /api/emails`, `GET /api/emails/{id}`, `DELETE` (cancel a scheduled one). */
export async function emailRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['emails'];

  api.post(
    '/emails',
    {
      config: { access: 'emails.send' },
      schema: {
        tags,
        operationId: 'sendEmail',
        summary: 'Send an email (now, or later with sendAt)',
        description:
          '`from`: my primary or a verified additional address. `toRecipients`, `ccRecipients`, `bccRecipients`: addresses, `Name <a@b>` allowed, at least one in all. `subject`: one line, at most 998 characters. `body`: `{type: html|text, content}`; HTML is sanitized (scripts, event handlers, javascript: links, forms and remote images removed) and a text part made from it; my signature (`email.signature`) is appended. `sendAt`: a future time: the email waits until then and can be cancelled with DELETE. Relationships: `activityTargets` (users whose Activity shows it), `attachments` (files from POST /api/files), `inReplyTo` (an email: `Re: `, In-Reply-To and References). A `{{ … }}` left from a template is refused (422). Answers `queued` or `scheduled`.',
        body: sendBody,
        response: {
          201: jsonApiResponse('The email, queued or scheduled', emailDocument, { Location: locationHeader }),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { attributes } = request.body.data;
      // resourceBody's type keeps the attributes' shape only; the schema above checked these.
      const relationships = (request.body.data as { relationships?: z.infer<typeof sendRelationships> })
        .relationships;
      const email = await sendEmail(deps, actor, attributes, {
        activityTargets: relationships?.activityTargets?.data.map((item) => item.id),
        attachments: relationships?.attachments?.data.map((item) => item.id),
        inReplyTo: relationships?.inReplyTo?.data.id,
      });
      reply.status(201).header('location', emailPath(email.id));
      return resourceDocument(presentEmail(email, actor, deps.clock.now()));
    },
  );

  api.get(
    '/emails/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'getEmail',
        summary: 'One email and its delivery status',
        description:
          '`status`: queued, scheduled, sent, failed (with `failureReason`) or cancelled; `messageId`, `sentAt`. Its author, the users it is an activity of, and those with `activities.view` see it; anyone else gets 404.',
        params: idParams,
        response: { 200: jsonApiResponse('The email', emailDocument) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return resourceDocument(
        presentEmail(await getEmail(deps, actor, request.params.id), actor, deps.clock.now()),
      );
    },
  );

  api.delete(
    '/emails/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'cancelEmail',
        summary: 'Cancel a scheduled email',
        description:
          'Its author withdraws it before it goes out; it stays, with status `cancelled`. 409 once it is being sent or sent, or when it was not scheduled.',
        params: idParams,
        response: { 204: emptyResponse('Cancelled') },
      },
    },
    async (request, reply) => {
      await cancelEmail(deps, actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
