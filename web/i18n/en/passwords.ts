/** The passwords feature: Change Password, Reset Password, the rules and strength meter. */
export const passwords = {
  theUser: 'The user',
  show: 'Show',
  hide: 'Hide',
  suggestPassword: 'Suggest Password',
  forgot: {
    title: 'Forgot your password?',
    explain:
      'Type your username or email. If they match an account, we send a link to choose a new password.',
    login: 'Username or Email',
    loginRequired: 'Type your username or email.',
    request: 'Request',
    backToSignIn: 'Back to sign in',
    checkEmail: 'Check your email',
    failed: 'The link was not requested',
    /** Shown when the server's answer carries no message of its own. */
    sent: 'If an account matches, we have sent an email with a link.',
  },
  section: {
    heading: 'Password',
    current: 'Password',
    currentDescription: 'Your current password',
    currentRequired: 'Type your current password.',
    new: 'New Password',
    newRequired: 'Type a new password.',
    rulesHint: 'What a password must consist of',
    repeat: 'Repeat New Password',
    mismatch: 'The passwords do not match.',
  },
  change: {
    title: 'Change Password',
    failed: 'The password was not changed',
    newPassword: 'New password',
    passwordRequired: 'Type a new password or click Suggest Password.',
    mustChange: 'User must change the password at next sign-in',
    changed: 'Password changed',
    changedOwn:
      'Your password was changed. You stay signed in here; your other sessions were signed out and you will get an email.',
    changedOther: '{name} was signed out everywhere and will get an email.',
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
    doneMessage: '{name} was signed out and will get an email with a reset link.',
  },
  /** **Reset Password** for the users chosen in the users grid. */
  bulkReset: {
    action: 'Reset Password',
    title: 'Reset Password',
    explain:
      'A password reset link will be sent to the primary email address of each of these users. Their current passwords stop working at once and they are logged out of Atrium on every device:',
    includesSelf: 'You are among them: you will be signed out too.',
    failed: 'No password was reset',
    confirm: 'Reset',
    done: 'Passwords reset',
    doneMessage:
      '{count, plural, one {# user was signed out and will get an email with a reset link.} other {# users were signed out and will get an email with a reset link.}}',
  },
  rules: {
    button: 'Password rules',
    heading: 'A password must be:',
    loading: 'Loading the rules…',
    loadFailed: 'The rules could not be loaded: {reason}',
    /** The rules in force, by the API's stable `rule` codes (GET /api/password-policy). */
    items: {
      length:
        '{count, plural, one {At least # character, at most {max}. Spaces, emoji and any alphabet are welcome; a long phrase is a good password.} other {At least # characters, at most {max}. Spaces, emoji and any alphabet are welcome; a long phrase is a good password.}}',
      lower_case: 'At least one lower case letter.',
      upper_case: 'At least one upper case letter.',
      numbers: 'At least one number.',
      special_chars: 'At least one special character (a symbol, punctuation or a space).',
      not_common: 'Not one of the commonly used passwords that attackers try first.',
      no_context_words:
        'Not containing your username, the name of your email address, your name, your organization or "Atrium".',
    },
  },
  strength: {
    label: 'Password strength',
    estimating: 'Estimating',
    estimatingLong: 'Estimating strength…',
    shown: 'Strength: {label}',
    scores: {
      veryWeak: 'Very weak',
      weak: 'Weak',
      fair: 'Fair',
      strong: 'Strong',
      veryStrong: 'Very strong',
    },
    /** zxcvbn's advice, by its key (@zxcvbn-ts translations' `warnings`) */
    warnings: {
      straightRow: 'Straight rows of keys on your keyboard are easy to guess.',
      keyPattern: 'Short keyboard patterns are easy to guess.',
      simpleRepeat: 'Repeated characters like "aaa" are easy to guess.',
      extendedRepeat: 'Repeated character patterns like "abcabcabc" are easy to guess.',
      sequences: 'Common character sequences like "abc" are easy to guess.',
      recentYears: 'Recent years are easy to guess.',
      dates: 'Dates are easy to guess.',
      topTen: 'This is a heavily used password.',
      topHundred: 'This is a frequently used password.',
      common: 'This is a commonly used password.',
      similarToCommon: 'This is similar to a commonly used password.',
      wordByItself: 'Single words are easy to guess.',
      namesByThemselves: 'Single names or surnames are easy to guess.',
      commonNames: 'Common names and surnames are easy to guess.',
      userInputs: 'There should not be any personal or page related data.',
      pwned: 'Your password was exposed by a data breach on the Internet.',
    },
  },
  resetPage: {
    title: 'Choose a new password',
    unusable: 'This link cannot be used',
    incomplete: 'The link is incomplete. Open the link from the email again, or request a new one.',
    requestNew: 'Request a new link',
    save: 'Save',
  },
  changeRequired: {
    title: 'Change your password',
    explain: 'An administrator set your password. Choose a new one that only you know before you continue.',
    done: 'Password changed',
    doneMessage: 'Welcome back.',
    save: 'Save',
  },
} as const;
