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
