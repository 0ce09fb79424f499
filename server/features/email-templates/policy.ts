import type { EmailTemplateListAbilities } from '../../../common/abilities';
import { type Actor, can } from '../../platform/http/access';
import { forbidden } from '../../platform/http/errors';

/** Whoever may send email reads the organization's templates (the Send Email dialog offers them). */
export function canUseEmailTemplates(actor: Actor): boolean {
  return can(actor, 'emails.send') || can(actor, 'email_templates.manage');
}

/** Administrators (`email_templates.manage`) create, change and delete them. */
export function canManageEmailTemplates(actor: Actor): boolean {
  return can(actor, 'email_templates.manage');
}

export function authorizeEmailTemplateUse(actor: Actor): void {
  if (!canUseEmailTemplates(actor))
    throw forbidden('You need the permission to send email to use its templates.');
}

export function authorizeEmailTemplateManagement(actor: Actor): void {
  if (!canManageEmailTemplates(actor)) throw forbidden('You need the permission to manage email templates.');
}

/** `meta.abilities` of the templates list: what the actor may do from the Email Templates page. */
export function emailTemplateListAbilitiesOf(actor: Actor): EmailTemplateListAbilities {
  const manage = canManageEmailTemplates(actor);
  return { create: manage, update: manage, delete: manage };
}
