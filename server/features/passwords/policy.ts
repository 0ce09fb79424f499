import type { Actor } from '../../platform/http/access';

/** Changing or resetting someone's password without knowing it is an administrator's power. */
export function canManagePasswords(actor: Actor): boolean {
  return actor.permissions.has('password_management');
}

/** A person changes their own password (with the current one); nobody else's. */
export function isOwnAccount(actor: Actor, userId: string): boolean {
  return userId === actor.userId;
}
