import { z } from 'zod';
import { emailBodyTypes, SUBJECT_MAX, TEMPLATE_CONTENT_MAX, TEMPLATE_NAME_MAX } from '../../../common/emails';
import type { ResourceObject } from '../../platform/http/jsonapi';
import { apiPath, resourceSchema, text, timestamp } from '../../platform/http/openapi';
import type { RenderedEmailTemplate } from './service';
import type { EmailTemplateRecord } from './store';
import { templateVariableNames } from './variables';

export function emailTemplatePath(id: string): string {
  return `/api/email-templates/${id}`;
}

/** An `emailtemplates` resource (OroCRM's API type name); the body as `{ type, content }`. */
export function presentEmailTemplate(template: EmailTemplateRecord): ResourceObject {
  return {
    type: 'emailtemplates',
    id: template.id,
    attributes: {
      name: template.name,
      subject: template.subject,
      body: { type: template.bodyType, content: template.content },
      createdAt: template.createdAt,
      updatedAt: template.updatedAt,
    },
    links: { self: emailTemplatePath(template.id) },
  };
}

export const emailTemplateResource = resourceSchema('emailtemplates', {
  attributes: {
    name: text(TEMPLATE_NAME_MAX),
    subject: text(SUBJECT_MAX).describe('May hold variables such as `{{ recipient.firstName }}`'),
    body: z.strictObject({ type: z.enum(emailBodyTypes), content: text(TEMPLATE_CONTENT_MAX) }),
    createdAt: timestamp,
    updatedAt: timestamp,
  },
  links: { self: apiPath },
}).meta({ id: 'EmailTemplate' });

/** `meta` of a rendered template: what the Send Email dialog inserts. */
export const renderedTemplateMeta = z.strictObject({
  subject: text(SUBJECT_MAX * 4),
  body: z.strictObject({ type: z.enum(emailBodyTypes), content: text(TEMPLATE_CONTENT_MAX * 8) }),
  unfilled: z
    .array(z.enum(templateVariableNames as [string, ...string[]]))
    .max(templateVariableNames.length)
    .describe('Variables left written as `{{ … }}`: fill them in before sending'),
});

export function presentRenderedTemplate(rendered: RenderedEmailTemplate) {
  return { jsonapi: { version: '1.1' as const }, meta: rendered };
}
