/**
 * The audit actions the server records (platform/audit.ts). What each means as a person reads
 * it is in the SPA's catalog (`audit:actions`, in every language), for every page that shows them
 * (the Audit Log, a user's Recent Security Events); the catalog's keys are typed from this list.
 */
export const auditActions = [
  'session.signed_in',
  'session.sign_in_failed',
  'session.signed_out',
  'session.ended',
  'session.organization_switched',
  'account.locked',
  'user.created',
  'user.updated',
  'user.enabled',
  'user.disabled',
  'user.roles_changed',
  'user.instance_administrator_appointed',
  'user.instance_administrator_dismissed',
  'role.permissions_changed',
  'organization.created',
  'organization.renamed',
  'profile.updated',
  'profile.email_changed',
  'avatar.changed',
  'avatar.removed',
  'email.verified',
  'custom_field.created',
  'custom_field.updated',
  'custom_field.deleted',
  'password.changed',
  'password.change_failed',
  'password.set_by_admin',
  'password.reset_by_admin',
  'password.reset_requested',
  'password.reset_completed',
  'api_key.generated',
  'api_key.revoked',
  'settings.changed',
  'menus.changed',
  'menus.personal_changed',
  'mail.retried',
] as const;

export type AuditAction = (typeof auditActions)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (auditActions as readonly string[]).includes(value);
}

/**
 * An action this build has no words for (a newer server's) in words made from its code
 * (`report.exported` → "Report exported"), so that it is never shown as a code. The words of the
 * known ones are in the SPA's catalog (`audit:actions`, web/ui/labels.ts).
 */
export function auditActionWords(action: string): string {
  const words = action.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
