import { z } from 'zod';
import { instantText } from './instant';
import { addFault, limitedText } from './profile';

/**
 * Send Email and email templates as the API accepts them, shared by the server and the SPA's
 * Send Email dialog. Wrong JSON types are 400, broken rules 422 with a pointer to the field.
 * Rules that need the database or the clock (From among the sender's verified addresses, the
 * recipients' syntax, `sendAt` in the future, attachment sizes) are the server's.
 */

/** RFC 5322 §2.1.1: a line of a message is at most 998 characters; a subject is one line. */
export const SUBJECT_MAX = 998;
export const EMAIL_BODY_MAX = 500_000;
export const RECIPIENTS_MAX = 100;
/** `Name <local@domain>`: a display name and an address of at most 254. */
export const RECIPIENT_MAX = 600;
export const TEMPLATE_NAME_MAX = 255;
export const TEMPLATE_CONTENT_MAX = 100_000;
export const ATTACHMENTS_MAX = 20;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this refuses
const LINE_BREAK_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** A subject: one line (no CR/LF or other control characters: no header injection). */
export const subjectSchema = limitedText('The subject', SUBJECT_MAX).superRefine((value, ctx) => {
  if (value.trim().length === 0)
    addFault(ctx, { message: 'Enter a subject.', params: { reason: 'required' } });
  else if (LINE_BREAK_OR_CONTROL.test(value))
    addFault(ctx, {
      message: 'The subject must be one line, without line breaks.',
      params: { reason: 'control_characters' },
    });
});

export const emailBodyTypes = ['html', 'text'] as const;
export type EmailBodyType = (typeof emailBodyTypes)[number];

export const emailBodySchema = (max: number) =>
  z.strictObject({
    type: z.enum(emailBodyTypes, { error: 'The body type is "html" or "text".' }),
    content: limitedText('The body', max),
  });

const recipientList = z
  .array(limitedText('An address', RECIPIENT_MAX))
  .max(RECIPIENTS_MAX, `At most ${RECIPIENTS_MAX} addresses.`);

/** The attributes of `POST /api/emails`. */
export const sendEmailSchema = z.strictObject({
  from: limitedText('The sender', RECIPIENT_MAX),
  toRecipients: recipientList.optional(),
  ccRecipients: recipientList.optional(),
  bccRecipients: recipientList.optional(),
  subject: subjectSchema,
  body: emailBodySchema(EMAIL_BODY_MAX),
  sendAt: instantText('The send time').optional(),
});
export type SendEmailInput = z.infer<typeof sendEmailSchema>;

const templateName = limitedText('The name', TEMPLATE_NAME_MAX).superRefine((value, ctx) => {
  if (value.trim().length === 0) addFault(ctx, { message: 'Enter a name.', params: { reason: 'required' } });
  else if (value.trim() !== value)
    addFault(ctx, {
      message: 'Enter a name without leading or trailing spaces.',
      params: { reason: 'edge_space' },
    });
  else if (LINE_BREAK_OR_CONTROL.test(value))
    addFault(ctx, { message: 'The name must be one line.', params: { reason: 'control_characters' } });
});

/** The attributes of `POST /api/email-templates`. */
export const emailTemplateSchema = z.strictObject({
  name: templateName,
  subject: subjectSchema,
  body: emailBodySchema(TEMPLATE_CONTENT_MAX),
});
export type EmailTemplateInput = z.infer<typeof emailTemplateSchema>;

/** The attributes of `PATCH /api/email-templates/{id}`: any of them. */
export const emailTemplateUpdateSchema = emailTemplateSchema.partial();
export type EmailTemplateUpdate = z.infer<typeof emailTemplateUpdateSchema>;

/**
 * The variables an email template may use, written `{{ recipient.firstName }}` (filled by the
 * server's sandboxed engine, server/features/email-templates/variables.ts; listed to
 * administrators on the Email Templates page).
 */
export const templateVariables = {
  recipient: ['firstName', 'lastName', 'fullName', 'email'],
  sender: ['firstName', 'lastName', 'fullName', 'email'],
  organization: ['name'],
} as const;
