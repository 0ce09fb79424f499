import type { Actor } from '../../platform/http/access';
import { can } from '../../platform/http/access';
import { forbidden } from '../../platform/http/errors';

/** My calendar is mine; another member's is visible to whoever may view the organization's users. */
export function canSeeCalendarOf(actor: Actor, ownerId: string): boolean {
  return ownerId === actor.userId || can(actor, 'users.view');
}

export function authorizeCalendarView(actor: Actor, ownerId: string): void {
  if (!canSeeCalendarOf(actor, ownerId))
    throw forbidden("You need the permission to view users to see another user's calendar.");
}

/** Anyone fills their own calendar; putting an event into another's is "Assign Event" (`calendar_events.assign`). */
export function canAssignEventTo(actor: Actor, ownerId: string): boolean {
  return ownerId === actor.userId || can(actor, 'calendar_events.assign');
}

export function authorizeEventAssignment(actor: Actor, ownerId: string): void {
  if (!canAssignEventTo(actor, ownerId)) {
    throw forbidden("You need the permission to assign events to put an event into another user's calendar.");
  }
}

/** An event is changed or deleted by its owner, its creator, or with `calendar_events.manage`. */
export function canChangeEvent(
  actor: Actor,
  event: { ownerId: string; createdById: string | null },
): boolean {
  return (
    event.ownerId === actor.userId ||
    event.createdById === actor.userId ||
    can(actor, 'calendar_events.manage')
  );
}

export function authorizeEventChange(
  actor: Actor,
  event: { ownerId: string; createdById: string | null },
): void {
  if (!canChangeEvent(actor, event)) {
    throw forbidden(
      'Only the owner, the creator, or someone who may manage calendar events can change this event.',
    );
  }
}
