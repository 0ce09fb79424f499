/** The access feature: roles and what each may do. */
export const access = {
  roles: {
    title: 'Roles',
    loading: 'Loading roles…',
    loadFailed: 'The roles could not be loaded',
    intro: 'Choose what each role may do in this organization. Members get the change on their next page.',
    builtIn: 'Built-in',
    notSaved: 'The role was not saved',
    permissionsOf: 'Permissions of the {{name}} role',
    notHeld: 'You do not hold this permission yourself.',
    needsPermission: 'Changing a role needs the permission “{{permission}}”.',
    saved: 'Role saved',
    savedMessage: 'The {{name}} role was updated.',
  },
} as const;
