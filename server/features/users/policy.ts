import type { Actor } from '../../platform/http/access';
import { forbidden } from '../../platform/http/errors';
import { canManageAccountOf, isInstanceAdministrator } from '../access/policy';

/*
 * What an actor may do to a user (the `users` resource): read, edit the profile, change status
 * and roles, appoint instance administrators. Who may take over an instance administrator's
 * account, and what instance power is, are access rules (access/policy.ts), shared with passwords.
 */

/** Anyone reads their own profile; other members' need `users.view`. */
export function canViewUser(actor: Actor, userId: string): boolean {
  return userId === actor.userId || actor.permissions.has('users.view');
}

/** Editing one's own profile needs `update_own_profile`; anyone else's needs `users.edit`. */
export function canEditProfile(actor: Actor, userId: string): boolean {
  return userId === actor.userId
    ? actor.permissions.has('update_own_profile')
    : actor.permissions.has('users.edit');
}

/**
 * The Edit button: `canEditProfile`, and another instance administrator's profile (their email
 * leads to their password) only for an instance administrator.
 */
export function canUpdateUser(
  actor: Actor,
  target: { id: string; isInstanceAdministrator: boolean },
): boolean {
  return (
    canEditProfile(actor, target.id) && (target.id === actor.userId || canManageAccountOf(actor, target))
  );
}

/** Create User needs `users.create`. */
export function canCreateUsers(actor: Actor): boolean {
  return actor.permissions.has('users.create');
}

export function canChangeUserStatus(actor: Actor): boolean {
  return actor.permissions.has('users.disable');
}

/**
 * Disabling (or enabling) this account: `users.disable`, never one's own, an instance
 * administrator's only as one. (The service also refuses a target holding permissions the actor
 * lacks; that needs the target's roles, so the ability does not say it.)
 */
export function canDisableUser(
  actor: Actor,
  target: { id: string; isInstanceAdministrator: boolean },
): boolean {
  return canChangeUserStatus(actor) && target.id !== actor.userId && canManageAccountOf(actor, target);
}

export function canChangeUserRoles(actor: Actor): boolean {
  return actor.permissions.has('users.edit');
}

/** Only an instance administrator appoints (or dismisses) another one. */
export function canAppointInstanceAdministrators(actor: Actor): boolean {
  return isInstanceAdministrator(actor);
}

export function authorizeTo(allowed: boolean): void {
  if (!allowed) throw forbidden();
}
