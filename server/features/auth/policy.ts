import type { Actor } from '../../platform/http/access';
import { AppError } from '../../platform/http/errors';

/*
 * The `sessions` resource: everyone lists, reads and ends only their own sessions (the stores are
 * scoped by the actor's user id, so another user's session answers 404 like a missing one).
 */

/**
 * Switching the organization moves a browser session; a request made with an API key has none
 * (its organization is the key's).
 */
export function canSwitchOrganization(actor: Actor): boolean {
  return actor.via.kind === 'session';
}

export function authorizeOrganizationSwitch(actor: Actor): asserts actor is Actor & {
  via: { kind: 'session'; sessionId: string; csrfToken: string };
} {
  if (!canSwitchOrganization(actor)) {
    throw new AppError('forbidden', 'session_required', 'Only a browser session can switch organizations.');
  }
}
