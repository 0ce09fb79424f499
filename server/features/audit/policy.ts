import type { Actor } from '../../platform/http/access';

export function canViewAuditLog(actor: Actor): boolean {
  return actor.permissions.has('audit.view');
}

/** A user's own security events are theirs to see; anyone else's need `audit.view`. */
export function canViewUserAuditEvents(actor: Actor, userId: string): boolean {
  return userId === actor.userId || canViewAuditLog(actor);
}
