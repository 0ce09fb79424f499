import { instancePermissions, type Permission } from '../../../common/permissions';
import type { Actor } from '../../platform/http/access';
import { forbidden } from '../../platform/http/errors';

/**
 * The permission that makes someone an administrator of an organization: whoever may edit roles
 * can grant anything else. Every organization keeps at least one active member holding it.
 */
export const ADMINISTRATOR_PERMISSION: Permission = 'roles.manage';

/** `me` stands for the actor wherever a user id is accepted. */
export function resolveUserId(actor: Actor, id: string): string {
  return id === 'me' ? actor.userId : id;
}

/** Instance administrators hold the instance permissions (see `instancePermissions`); nobody else does. */
export function isInstanceAdministrator(actor: Actor): boolean {
  return instancePermissions.every((permission) => actor.permissions.has(permission));
}

/** Only an instance administrator appoints (or dismisses) another one. */
export function canAppointInstanceAdministrators(actor: Actor): boolean {
  return isInstanceAdministrator(actor);
}

/**
 * Taking over an instance administrator's account (their password, email, username, status) is
 * taking over instance-wide power: only another instance administrator may act on one.
 * Anyone may act on other accounts as their organization's permissions allow.
 */
export function canManageAccountOf(actor: Actor, target: { isInstanceAdministrator: boolean }): boolean {
  return !target.isInstanceAdministrator || isInstanceAdministrator(actor);
}

export function canChangeUserStatus(actor: Actor): boolean {
  return actor.permissions.has('users.disable');
}

export function canChangeUserRoles(actor: Actor): boolean {
  return actor.permissions.has('users.edit');
}

export function canViewAuditLog(actor: Actor): boolean {
  return actor.permissions.has('audit.view');
}

/** A user's own security events are theirs to see; anyone else's need `audit.view`. */
export function canViewUserAuditEvents(actor: Actor, userId: string): boolean {
  return userId === actor.userId || canViewAuditLog(actor);
}

export function authorizeTo(allowed: boolean): void {
  if (!allowed) throw forbidden();
}
