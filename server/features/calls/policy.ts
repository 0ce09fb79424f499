import type { CallAbilities, CallListAbilities } from '../../../common/abilities';
import type { Actor } from '../../platform/http/access';
import { can } from '../../platform/http/access';
import { forbidden } from '../../platform/http/errors';
import type { CallVisibility } from './store';

/**
 * Who sees a call: those who may see any user's activities (`activities.view`) or manage calls
 * (`calls.manage`) see all of the organization's; anyone else the calls they logged and those
 * that target them. A call one may not see answers 404, like a missing one.
 */
export function callVisibilityOf(actor: Actor): CallVisibility {
  return {
    organizationId: actor.organizationId,
    userId: actor.userId,
    canSeeAll: can(actor, 'activities.view') || can(actor, 'calls.manage'),
  };
}

/** Logging a call needs `calls.log` (checked before any lookup). */
export function canLogCalls(actor: Actor): boolean {
  return can(actor, 'calls.log');
}

export function authorizeCallLogging(actor: Actor): void {
  if (!canLogCalls(actor)) throw forbidden();
}

/** Edit and delete: the call's author (while they may log calls), or with `calls.manage`. */
export function canChangeCall(actor: Actor, call: { authorId: string | null }): boolean {
  return can(actor, 'calls.manage') || (call.authorId === actor.userId && can(actor, 'calls.log'));
}

export function authorizeCallChange(actor: Actor, call: { authorId: string | null }): void {
  if (!canChangeCall(actor, call)) {
    throw forbidden("Only the call's author, or someone who may manage calls, can change or delete it.");
  }
}

/** `meta.abilities` of a call: what the actor may do to it. */
export function callAbilitiesOf(actor: Actor, call: { authorId: string | null }): CallAbilities {
  const change = canChangeCall(actor, call);
  return { update: change, delete: change };
}

/** `meta.abilities` of a calls list: what the actor may do from it. */
export function callListAbilitiesOf(actor: Actor): CallListAbilities {
  return { create: canLogCalls(actor) };
}
