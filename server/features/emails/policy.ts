import type { EmailAbilities } from '../../../common/abilities';
import { type Actor, can } from '../../platform/http/access';
import { forbidden } from '../../platform/http/errors';

/** Sending needs `emails.send`; checked before any lookup, so a 403 tells nothing. */
export function canSendEmails(actor: Actor): boolean {
  return can(actor, 'emails.send');
}

export function authorizeEmailSending(actor: Actor): void {
  if (!canSendEmails(actor)) throw forbidden('You need the permission to send emails.');
}

/**
 * Who sees an email: its author, the users it is an activity of, and whoever may view other
 * users' activities (`activities.view`). Anyone else is told it does not exist (404), so a
 * viewer who cannot see an activity does not learn that it exists.
 */
export function canViewEmail(
  actor: Actor,
  email: { authorId: string; activityTargetIds: readonly string[] },
): boolean {
  return (
    email.authorId === actor.userId ||
    email.activityTargetIds.includes(actor.userId) ||
    can(actor, 'activities.view')
  );
}

/** Only the author cancels a scheduled email. */
export function canCancelEmail(actor: Actor, email: { authorId: string }): boolean {
  return email.authorId === actor.userId;
}

/**
 * `meta.abilities` of an email: cancel while it is scheduled (its author; the service answers 409
 * once it is no longer), reply whenever the actor may send email.
 */
export function emailAbilitiesOf(
  actor: Actor,
  email: { authorId: string },
  status: 'queued' | 'scheduled' | 'sent' | 'failed' | 'cancelled',
): EmailAbilities {
  return { cancel: status === 'scheduled' && canCancelEmail(actor, email), reply: canSendEmails(actor) };
}
