import { type Actor, authorize } from '../../platform/http/access';

/** The outbox (recipients, subjects, bodies) is for those who may manage mail. */
export function authorizeMailManagement(actor: Actor): void {
  authorize(actor, 'mail.manage');
}
