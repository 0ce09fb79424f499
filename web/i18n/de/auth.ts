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
    reasons: {
      'password-reset': {
        title: 'Ihr Passwort wurde zurückgesetzt',
        message:
          'Sie wurden überall abgemeldet. Öffnen Sie den Link, den wir an Ihre primäre E-Mail-Adresse gesendet haben, wählen Sie ein neues Passwort und melden Sie sich damit an.',
      },
      'password-changed': {
        title: 'Ihr Passwort wurde geändert',
        message: 'Melden Sie sich mit Ihrem neuen Passwort an.',
      },
    },
  },
} as const satisfies Translation;
