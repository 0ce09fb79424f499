/** The auth feature: the sign-in page. */
export const auth = {
  signIn: {
    title: 'Log in',
    login: 'Username or Email',
    password: 'Password',
    forgotPassword: 'Forgot your password?',
    submit: 'Log in',
    loginRequired: 'Enter your username or email.',
    passwordRequired: 'Enter your password.',
    failed: 'Sign-in failed',
    invalidCredentials: 'The username or password is incorrect.',
    accountLocked: 'Account locked',
    accountDisabled: 'Account disabled',
    passwordResetRequired: 'Password reset by an administrator',
    rateLimited: 'Too many attempts',
    rateLimitedMessage: 'Too many sign-ins from this network. Wait a minute and try again.',
  },
} as const;
