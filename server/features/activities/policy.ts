import { type Actor, can } from '../../platform/http/access';
import { forbidden } from '../../platform/http/errors';

/**
 * Whether the actor may read the user's timeline: their own, or anyone's in their organization
 * with `activities.view`. Checked before any lookup, so a 403 says nothing about the user.
 */
export function canViewActivitiesOf(actor: Actor, userId: string): boolean {
  return userId === actor.userId || can(actor, 'activities.view');
}

export function authorizeActivitiesView(actor: Actor, userId: string): void {
  if (!canViewActivitiesOf(actor, userId)) {
    throw forbidden("You need the permission to view other users' activities.");
  }
}
