import type { Actor } from '../../platform/http/access';
import { can } from '../../platform/http/access';
import { forbidden } from '../../platform/http/errors';

/**
 * Everyone manages their own key; another user's key needs `manage_api_keys`. Checked before any
 * lookup, so a 403 says nothing about whether that user exists.
 */
export function canManageApiKeyOf(actor: Actor, userId: string): boolean {
  return userId === actor.userId || can(actor, 'manage_api_keys');
}

export function authorizeApiKeyAccess(actor: Actor, userId: string): void {
  if (!canManageApiKeyOf(actor, userId)) {
    throw forbidden("You need the permission to manage API keys to see or change another user's key.");
  }
}
