/** The access feature: roles and what each may do. */
export const access = {
  roles: {
    title: 'Roles',
    loading: 'Loading roles…',
    loadFailed: 'The roles could not be loaded',
    intro: 'Choose what each role may do in this organization. Members get the change on their next page.',
    builtIn: 'Built-in',
    notSaved: 'The role was not saved',
    permissionsOf: 'Permissions of the {name} role',
    notHeld: 'You do not hold this permission yourself.',
    needsPermission: 'Changing a role needs the permission “{permission}”.',
    saved: 'Role saved',
    savedMessage: 'The {name} role was updated.',
  },
  /** Each permission as a person reads it (common/permissions.ts lists them; a test checks every one has words here). */
  permissions: {
    users: {
      view: 'View users of my organization',
      create: 'Create users',
      edit: 'Edit users and their roles',
      disable: 'Enable and disable users',
    },
    password_management: "Change or reset another user's password",
    manage_api_keys: "Manage another user's API key",
    update_own_profile: 'Edit my own profile',
    update_own_configuration: 'Change my own configuration',
    manage_menus: 'Configure my menus',
    audit: {
      view: 'View the security audit log',
    },
    roles: {
      manage: "Edit roles' permissions",
    },
    organizations: {
      manage: 'Create and rename organizations',
    },
    organization: {
      settings: "Change the organization's settings",
    },
    custom_fields: {
      manage: 'Define custom user fields',
    },
    mail: {
      manage: 'View and retry outgoing mail',
    },
    calendar_events: {
      assign: "Assign events to other users' calendars",
      manage: "Edit and delete other users' calendar events",
    },
    tasks: {
      assign: 'Assign tasks to other users',
      manage: "Edit and delete other users' tasks",
    },
    system: {
      settings: 'Change system-wide settings',
    },
    activities: {
      view: "View other users' activities",
    },
    calls: {
      log: 'Log calls',
      manage: "Edit and delete other users' calls",
    },
    emails: {
      send: 'Send emails',
    },
    email_templates: {
      manage: 'Manage email templates',
    },
  },
} as const;
