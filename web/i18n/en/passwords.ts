/** The passwords feature: Change Password, Reset Password, the rules and strength meter. */
export const passwords = {
  theUser: 'The user',
  show: 'Show',
  hide: 'Hide',
  suggestPassword: 'Suggest Password',
  change: {
    title: 'Change Password',
    failed: 'The password was not changed',
    newPassword: 'New password',
    passwordRequired: 'Type a new password or click Suggest Password.',
    mustChange: 'User must change the password at next sign-in',
    changed: 'Password changed',
    changedOwn:
      'Your password was changed. You stay signed in here; your other sessions were signed out and you will get an email.',
    changedOther: '{{name}} was signed out everywhere and will get an email.',
  },
  reset: {
    title: 'Reset Password',
    confirm: 'Reset',
    failed: 'The password was not reset',
    explainSelf:
      'A password reset link will be sent to your primary email address. The current password stops working at once and you are logged out of Atrium on every device until a new password is chosen with the link.',
    explainOther:
      'A password reset link will be sent to the user’s primary email address. The current password stops working at once and the user is logged out of Atrium on every device until a new password is chosen with the link.',
    done: 'Password reset',
    doneMessage: '{{name}} was signed out and will get an email with a reset link.',
  },
} as const;
