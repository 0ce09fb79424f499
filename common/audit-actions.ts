/**
 * The audit actions the server records (server/features/audit/store.ts) and what each means as a
 * person reads it, in one table for every page that shows them (the Audit Log, a user's Recent
 * Security Events). The table is a `Record` over the list, so an action without a label does not
 * compile.
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

export const auditActionLabels: Record<AuditAction, string> = {
  'session.signed_in': 'Signed in',
  'session.sign_in_failed': 'Failed sign-in',
  'session.signed_out': 'Signed out',
  'session.ended': 'Session ended',
  'session.organization_switched': 'Switched organization',
  'account.locked': 'Account locked',
  'user.created': 'Account created',
  'user.updated': 'Account changed',
  'user.enabled': 'Account enabled',
  'user.disabled': 'Account disabled',
  'user.roles_changed': 'Roles changed',
  'user.instance_administrator_appointed': 'Instance administrator appointed',
  'user.instance_administrator_dismissed': 'Instance administrator dismissed',
  'role.permissions_changed': 'Role permissions changed',
  'organization.created': 'Organization created',
  'organization.renamed': 'Organization renamed',
  'profile.updated': 'Profile changed',
  'profile.email_changed': 'Primary email changed',
  'avatar.changed': 'Avatar changed',
  'avatar.removed': 'Avatar removed',
  'email.verified': 'Email address verified',
  'custom_field.created': 'Custom field created',
  'custom_field.updated': 'Custom field changed',
  'custom_field.deleted': 'Custom field deleted',
  'password.changed': 'Password changed',
  'password.change_failed': 'Failed password change',
  'password.set_by_admin': 'Password set by an administrator',
  'password.reset_by_admin': 'Password reset by an administrator',
  'password.reset_requested': 'Password reset requested',
  'password.reset_completed': 'Password reset completed',
  'api_key.generated': 'API key generated',
  'api_key.revoked': 'API key revoked',
  'settings.changed': 'Settings changed',
  'menus.changed': "Organization's default menus changed",
  'menus.personal_changed': 'Personal menus changed',
  'mail.retried': 'Email sent again',
};

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(auditActionLabels, value);
}

/**
 * An action as a person reads it. An action this build does not know (a newer server) is still
 * shown in words (`report.exported` → "Report exported"), never as its code.
 */
export function auditActionLabel(action: string): string {
  if (isAuditAction(action)) return auditActionLabels[action];
  const words = action.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
