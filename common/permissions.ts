/**
 * Named permissions. A role is a set of these, per organization; every API route declares the one
 * it needs (or `public` / `authenticated`). The SPA receives the signed-in user's set to hide what
 * they cannot do — the server still checks every request.
 */
export const permissions = [
  'users.view',
  'users.create',
  'users.edit',
  'users.disable',
  'password_management',
  'manage_api_keys',
  'update_own_profile',
  'update_own_configuration',
  'manage_menus',
  'audit.view',
  'roles.manage',
  'organizations.manage',
  'organization.settings',
  'custom_fields.manage',
  'mail.manage',
  'calendar_events.assign',
  'calendar_events.manage',
  'tasks.assign',
  'tasks.manage',
  'system.settings',
  'activities.view',
  'calls.log',
  'calls.manage',
  'emails.send',
  'email_templates.manage',
] as const;

export type Permission = (typeof permissions)[number];

export const permissionLabels: Record<Permission, string> = {
  'users.view': 'View users of my organization',
  'users.create': 'Create users',
  'users.edit': 'Edit users and their roles',
  'users.disable': 'Enable and disable users',
  password_management: "Change or reset another user's password",
  manage_api_keys: "Manage another user's API key",
  update_own_profile: 'Edit my own profile',
  update_own_configuration: 'Change my own configuration',
  manage_menus: 'Configure my menus',
  'audit.view': 'View the security audit log',
  'roles.manage': "Edit roles' permissions",
  'organizations.manage': 'Create and rename organizations',
  'organization.settings': "Change the organization's settings",
  'custom_fields.manage': 'Define custom user fields',
  'mail.manage': 'View and retry outgoing mail',
  'calendar_events.assign': "Assign events to other users' calendars",
  'calendar_events.manage': "Edit and delete other users' calendar events",
  'tasks.assign': 'Assign tasks to other users',
  'tasks.manage': "Edit and delete other users' tasks",
  'system.settings': 'Change system-wide settings',
  'activities.view': "View other users' activities",
  'calls.log': 'Log calls',
  'calls.manage': "Edit and delete other users' calls",
  'emails.send': 'Send emails',
  'email_templates.manage': 'Manage email templates',
};

export function isPermission(value: string): value is Permission {
  return (permissions as readonly string[]).includes(value);
}

/**
 * Powers over the whole instance (every organization): held only by instance administrators —
 * the first administrator and those an instance administrator appoints (`users`
 * `instanceAdministrator`) — and never granted by a role inside an organization, whoever
 * created that organization (SECURITY.md "Access and tenancy").
 */
export const instancePermissions = ['system.settings'] as const satisfies readonly Permission[];

export function isInstancePermission(value: string): boolean {
  return (instancePermissions as readonly string[]).includes(value);
}

/** What a role may grant: every permission but the instance-wide ones. */
export const rolePermissions: Permission[] = permissions.filter((name) => !isInstancePermission(name));

const everyone: Permission[] = [
  'users.view',
  'update_own_profile',
  'update_own_configuration',
  'manage_menus',
  'calendar_events.assign',
  'tasks.assign',
  'calls.log',
  'emails.send',
];

/** The roles every organization starts with. */
export const seededRoles: { name: string; permissions: Permission[] }[] = [
  { name: 'Administrator', permissions: [...rolePermissions] },
  {
    name: 'Manager',
    permissions: [
      ...everyone,
      'users.create',
      'users.edit',
      'users.disable',
      'audit.view',
      'calendar_events.manage',
      'tasks.manage',
      'activities.view',
      'calls.manage',
    ],
  },
  { name: 'User', permissions: everyone },
];
