/** The users feature: My User, the users grid, Create User, Edit. */
export const users = {
  create: {
    title: 'Create User',
    failed: 'The user was not created',
    username: 'Username',
    primaryEmail: 'Primary Email',
    firstName: 'First Name',
    lastName: 'Last Name',
    password: 'Password',
    passwordRequired: 'Type a password or click Suggest Password.',
    suggestPassword: 'Suggest Password',
    roles: 'Roles',
    noRoles: 'No roles',
    mustChangePassword: 'The user must change the password at the next sign-in',
    created: 'User created',
    createdMessage: '{{username}} can now sign in.',
  },
} as const;
