import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { emailTemplateListAbilities } from '../../../common/abilities';
import { emailTemplateSchema, emailTemplateUpdateSchema, RECIPIENT_MAX } from '../../../common/emails';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/access';
import { listDocument, resourceDocument } from '../../platform/http/jsonapi';
import {
  abilitiesSchema,
  collectionDocumentSchema,
  emptyResponse,
  jsonApiResponse,
  locationHeader,
  metaDocumentSchema,
  resourceDocumentSchema,
  unpagedListMetaWithAbilities,
} from '../../platform/http/openapi';
import { resourceBody } from '../../platform/http/schemas';
import { emailTemplateListAbilitiesOf } from './policy';
import {
  emailTemplatePath,
  emailTemplateResource,
  presentEmailTemplate,
  presentRenderedTemplate,
  renderedTemplateMeta,
} from './presenter';
import {
  createEmailTemplate,
  deleteEmailTemplate,
  getEmailTemplate,
  listOrganizationEmailTemplates,
  renderEmailTemplate,
  updateEmailTemplate,
} from './service';
import { EMAIL_TEMPLATES_MAX } from './store';
import { templateVariableNames } from './variables';

const idParams = z.strictObject({ id: z.string().min(1).max(64) });
const createBody = resourceBody('emailtemplates', emailTemplateSchema);
const updateBody = resourceBody('emailtemplates', emailTemplateUpdateSchema, { id: true });
const templateDocument = resourceDocumentSchema(emailTemplateResource);
const renderQuery = z.strictObject({
  recipient: z
    .string()
    .min(1)
    .max(RECIPIENT_MAX)
    .optional()
    .describe('A user id of my organization, or an address (`Name <a@b>`)'),
});

const variablesText = templateVariableNames.map((name) => `\`{{ ${name} }}\``).join(', ');

/** The organization's email templates: /api/email-templates (administrators manage them). */
export async function emailTemplateRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  templateReadRoutes(app, deps);
  templateWriteRoutes(app, deps);
}

const tags = ['emails'];

/** List templates, read one, render one for a recipient. */
function templateReadRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/email-templates',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'listEmailTemplates',
        summary: "My organization's email templates, by name",
        description: 'Needs `emails.send` or `email_templates.manage`.',
        response: {
          200: jsonApiResponse(
            'The templates',
            collectionDocumentSchema(emailTemplateResource, {
              paged: false,
              max: EMAIL_TEMPLATES_MAX,
              meta: unpagedListMetaWithAbilities(
                abilitiesSchema(emailTemplateListAbilities)
                  .describe('What I may do from the Email Templates page (common/abilities.ts)')
                  .meta({ id: 'EmailTemplateListAbilities' }),
              ),
            }),
          ),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const templates = await listOrganizationEmailTemplates(deps, actor);
      return listDocument(reply, {
        data: templates.map(presentEmailTemplate),
        abilities: emailTemplateListAbilitiesOf(actor),
      });
    },
  );

  api.get(
    '/email-templates/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'getEmailTemplate',
        summary: 'One email template',
        description: 'Needs `emails.send` or `email_templates.manage`.',
        params: idParams,
        response: { 200: jsonApiResponse('The template', templateDocument) },
      },
    },
    async (request) =>
      resourceDocument(
        presentEmailTemplate(await getEmailTemplate(deps, actorOf(request), request.params.id)),
      ),
  );

  api.get(
    '/email-templates/:id/render',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'renderEmailTemplate',
        summary: 'A template filled for one recipient, with me as sender',
        description: `What the Send Email dialog inserts. Variables: ${variablesText}. A value the recipient does not have (a typed address has no first name) stays written as its variable and is listed in \`unfilled\`; sending refuses a body or subject that still holds one. Needs \`emails.send\` or \`email_templates.manage\`.`,
        params: idParams,
        querystring: renderQuery,
        response: {
          200: jsonApiResponse('The filled subject and body', metaDocumentSchema(renderedTemplateMeta)),
        },
      },
    },
    async (request) =>
      presentRenderedTemplate(
        await renderEmailTemplate(deps, actorOf(request), request.params.id, {
          recipient: request.query.recipient,
        }),
      ),
  );
}

/** Create, change and delete a template. */
function templateWriteRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/email-templates',
    {
      config: { access: 'email_templates.manage' },
      schema: {
        tags,
        operationId: 'createEmailTemplate',
        summary: 'Create an email template',
        description: `Names are unique in the organization. Subject and body may use ${variablesText} (liquid syntax, checked now: an unknown variable is a 422).`,
        body: createBody,
        response: {
          201: jsonApiResponse('The new template', templateDocument, { Location: locationHeader }),
        },
      },
    },
    async (request, reply) => {
      const template = await createEmailTemplate(deps, actorOf(request), request.body.data.attributes);
      reply.status(201).header('location', emailTemplatePath(template.id));
      return resourceDocument(presentEmailTemplate(template));
    },
  );

  api.patch(
    '/email-templates/:id',
    {
      config: { access: 'email_templates.manage' },
      schema: {
        tags,
        operationId: 'updateEmailTemplate',
        summary: 'Change an email template',
        description: 'Changes its name, subject or body (checked as on creation).',
        params: idParams,
        body: updateBody,
        response: { 200: jsonApiResponse('The changed template', templateDocument) },
      },
    },
    async (request) =>
      resourceDocument(
        presentEmailTemplate(
          await updateEmailTemplate(deps, actorOf(request), request.params.id, request.body.data.attributes),
        ),
      ),
  );

  api.delete(
    '/email-templates/:id',
    {
      config: { access: 'email_templates.manage' },
      schema: {
        tags,
        operationId: 'deleteEmailTemplate',
        summary: 'Delete an email template',
        description: 'Emails sent from it keep their text.',
        params: idParams,
        response: { 204: emptyResponse('Deleted') },
      },
    },
    async (request, reply) => {
      await deleteEmailTemplate(deps, actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
