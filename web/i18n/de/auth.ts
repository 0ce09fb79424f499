import type { Translation } from '../translation';

/** German: the sign-in page. */
export const auth = {
  signIn: {
    title: 'Anmelden',
    login: 'Benutzername oder E-Mail',
    password: 'Passwort',
    forgotPassword: 'Passwort vergessen?',
    submit: 'Anmelden',
    loginRequired: 'Geben Sie Ihren Benutzernamen oder Ihre E-Mail-Adresse ein.',
    passwordRequired: 'Geben Sie Ihr Passwort ein.',
    failed: 'Anmeldung fehlgeschlagen',
    invalidCredentials: 'Benutzername oder Passwort ist falsch.',
    accountLocked: 'Konto gesperrt',
    accountDisabled: 'Konto deaktiviert',
    passwordResetRequired: 'Passwort von einem Administrator zurückgesetzt',
    rateLimited: 'Zu viele Versuche',
    rateLimitedMessage:
      'Zu viele Anmeldungen aus diesem Netzwerk. Warten Sie eine Minute und versuchen Sie es erneut.',
  },
} as const satisfies Translation;
