import type { Actor } from '../../platform/http/access';
import { forbidden } from '../../platform/http/errors';
import { canEditProfile, canViewUser } from '../users/policy';

/*
 * A user's avatar is part of their profile: seen by whoever may view the user, replaced or removed
 * by whoever may edit the profile. Checked before any lookup, so a 403 says nothing about the user.
 */

export function canViewAvatarOf(actor: Actor, userId: string): boolean {
  return canViewUser(actor, userId);
}

export function authorizeAvatarView(actor: Actor, userId: string): void {
  if (!canViewAvatarOf(actor, userId)) throw forbidden();
}

export function canChangeAvatarOf(actor: Actor, userId: string): boolean {
  return canEditProfile(actor, userId);
}

export function authorizeAvatarChange(actor: Actor, userId: string): void {
  if (!canChangeAvatarOf(actor, userId)) throw forbidden();
}
