/** The audit feature: the Audit Log page. */
export const audit = {
  title: 'Audit Log',
  formerMember: 'A former member',
  notAvailable: 'Not available to you',
  needsPermission: 'Viewing the audit log needs the permission “{permission}”.',
  filters: 'Filter the audit log',
  action: 'Action',
  anyAction: 'Any action',
  from: 'From',
  clearFrom: 'Clear the From date',
  to: 'To',
  clearTo: 'Clear the To date',
  loadFailed: 'The audit log could not be loaded',
  loading: 'Loading the audit log…',
  columns: {
    when: 'When',
    action: 'Action',
    user: 'User',
    by: 'By',
    ip: 'IP address',
    details: 'Details',
  },
  empty: 'No events match these filters.',
  total: '{count, plural, one {# event} other {# events}}',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  /** The audit actions as a person reads them (common/audit-actions.ts lists them; a test checks every one has words here). */
  actions: {
    session: {
      signed_in: 'Signed in',
      sign_in_failed: 'Failed sign-in',
      signed_out: 'Signed out',
      ended: 'Session ended',
      organization_switched: 'Switched organization',
    },
    account: {
      locked: 'Account locked',
    },
    user: {
      created: 'Account created',
      updated: 'Account changed',
      enabled: 'Account enabled',
      disabled: 'Account disabled',
      roles_changed: 'Roles changed',
      instance_administrator_appointed: 'Instance administrator appointed',
      instance_administrator_dismissed: 'Instance administrator dismissed',
    },
    role: {
      permissions_changed: 'Role permissions changed',
    },
    organization: {
      created: 'Organization created',
      renamed: 'Organization renamed',
    },
    profile: {
      updated: 'Profile changed',
      email_changed: 'Primary email changed',
    },
    avatar: {
      changed: 'Avatar changed',
      removed: 'Avatar removed',
    },
    email: {
      verified: 'Email address verified',
    },
    custom_field: {
      created: 'Custom field created',
      updated: 'Custom field changed',
      deleted: 'Custom field deleted',
    },
    password: {
      changed: 'Password changed',
      change_failed: 'Failed password change',
      set_by_admin: 'Password set by an administrator',
      reset_by_admin: 'Password reset by an administrator',
      reset_requested: 'Password reset requested',
      reset_completed: 'Password reset completed',
    },
    api_key: {
      generated: 'API key generated',
      revoked: 'API key revoked',
    },
    settings: {
      changed: 'Settings changed',
    },
    menus: {
      changed: "Organization's default menus changed",
      personal_changed: 'Personal menus changed',
    },
    mail: {
      retried: 'Email sent again',
    },
  },
} as const;
