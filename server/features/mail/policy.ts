import type { MailMessageListAbilities } from '../../../common/abilities';
import { type Actor, can } from '../../platform/http/access';
import { forbidden } from '../../platform/http/errors';

/** The outbox (recipients, subjects, bodies) is for those who may manage mail; they retry it too. */
export function canManageMail(actor: Actor): boolean {
  return can(actor, 'mail.manage');
}

export function authorizeMailManagement(actor: Actor): void {
  if (!canManageMail(actor)) throw forbidden();
}

/** `meta.abilities` of the outbox: what the actor may do from it. */
export function mailMessageListAbilitiesOf(actor: Actor): MailMessageListAbilities {
  return { retry: canManageMail(actor) };
}
