import type { Actor } from '../../platform/http/access';
import { canManageAccountOf } from '../access/policy';

/** Changing or resetting someone's password without knowing it is an administrator's power. */
export function canManagePasswords(actor: Actor): boolean {
  return actor.permissions.has('password_management');
}

/** A person changes their own password (with the current one); nobody else's. */
export function isOwnAccount(actor: Actor, userId: string): boolean {
  return userId === actor.userId;
}

/**
 * Setting or resetting another account's password (More Actions → Change Password, Reset
 * Password): `password_management`, and an instance administrator's account only for another
 * instance administrator (`canManageAccountOf`).
 */
export function canManagePasswordOf(actor: Actor, target: { isInstanceAdministrator: boolean }): boolean {
  return canManagePasswords(actor) && canManageAccountOf(actor, target);
}
