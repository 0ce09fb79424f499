/**
 * What each audit action means, as a person reads it. Unknown actions (added by later features
 * before a label is written here) show their machine name.
 */
export const auditActionLabels: Record<string, string> = {
  'session.signed_in': 'Signed in',
  'session.sign_in_failed': 'Failed sign-in',
  'session.signed_out': 'Signed out',
  'session.ended': 'Session ended',
  'session.organization_switched': 'Switched organization',
  'account.locked': 'Account locked',
  'user.created': 'User created',
  'user.updated': 'User updated',
  'user.enabled': 'User enabled',
  'user.instance_administrator_appointed': 'Instance administrator appointed',
  'user.instance_administrator_dismissed': 'Instance administrator dismissed',
  'user.disabled': 'User disabled',
  'user.roles_changed': 'Roles changed',
  'role.permissions_changed': 'Role permissions changed',
  'organization.created': 'Organization created',
  'organization.renamed': 'Organization renamed',
  'profile.updated': 'Profile updated',
  'profile.email_changed': 'Primary email changed',
  'avatar.changed': 'Avatar changed',
  'avatar.removed': 'Avatar removed',
  'email.verified': 'Email verified',
  'custom_field.created': 'Custom field created',
  'custom_field.updated': 'Custom field updated',
  'custom_field.deleted': 'Custom field deleted',
  'password.changed': 'Password changed',
  'password.change_failed': 'Password change failed',
  'password.set_by_admin': 'Password set by an administrator',
  'password.reset_by_admin': 'Password reset by an administrator',
  'password.reset_requested': 'Password reset requested',
  'password.reset_completed': 'Password reset completed',
  'api_key.generated': 'API key generated',
  'api_key.revoked': 'API key revoked',
  'settings.changed': 'Settings changed',
  'mail.retried': 'Email sent again',
};

export function auditActionLabel(action: string): string {
  return auditActionLabels[action] ?? action;
}
