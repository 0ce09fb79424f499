import type { RoleListAbilities } from '../../../common/abilities';
import { instancePermissions, type Permission } from '../../../common/permissions';
import { type Actor, can } from '../../platform/http/access';
import { forbidden } from '../../platform/http/errors';

/**
 * The permission that makes someone an administrator of an organization: whoever may edit roles
 * can grant anything else. Every organization keeps at least one active member holding it.
 */
export const ADMINISTRATOR_PERMISSION: Permission = 'roles.manage';

/** Instance administrators hold the instance permissions (see `instancePermissions`); nobody else does. */
export function isInstanceAdministrator(actor: Actor): boolean {
  return instancePermissions.every((permission) => actor.permissions.has(permission));
}

/**
 * Taking over an instance administrator's account (their password, email, username, status) is
 * taking over instance-wide power: only another instance administrator may act on one.
 * Anyone may act on other accounts as their organization's permissions allow.
 */
export function canManageAccountOf(actor: Actor, target: { isInstanceAdministrator: boolean }): boolean {
  return !target.isInstanceAdministrator || isInstanceAdministrator(actor);
}

/** Anyone signed in reads the roles; changing a role's permissions needs `roles.manage`. */
export function canChangeRoles(actor: Actor): boolean {
  return can(actor, ADMINISTRATOR_PERMISSION);
}

export function authorizeRoleChange(actor: Actor): void {
  if (!canChangeRoles(actor)) throw forbidden();
}

/** `meta.abilities` of the roles list: what the actor may do from the roles page. */
export function roleListAbilitiesOf(actor: Actor): RoleListAbilities {
  return { update: canChangeRoles(actor) };
}
