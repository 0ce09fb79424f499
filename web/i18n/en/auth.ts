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
    /** Why the person was sent here (`/login?reason=…`, common/paths.ts). */
    reasons: {
      'password-reset': {
        title: 'Your password was reset',
        message:
          'You were signed out everywhere. Open the link we sent to your primary email address to choose a new password, then sign in with it.',
      },
      'password-changed': { title: 'Your password was changed', message: 'Sign in with your new password.' },
    },
  },
} as const;
