import type { Translation } from '../translation';

/** French: the sign-in page. */
export const auth = {
  signIn: {
    title: 'Connexion',
    login: 'Nom d’utilisateur ou e-mail',
    password: 'Mot de passe',
    forgotPassword: 'Mot de passe oublié ?',
    submit: 'Se connecter',
    loginRequired: 'Saisissez votre nom d’utilisateur ou votre e-mail.',
    passwordRequired: 'Saisissez votre mot de passe.',
    failed: 'Échec de la connexion',
    invalidCredentials: 'Le nom d’utilisateur ou le mot de passe est incorrect.',
    accountLocked: 'Compte verrouillé',
    accountDisabled: 'Compte désactivé',
    passwordResetRequired: 'Mot de passe réinitialisé par un administrateur',
    rateLimited: 'Trop de tentatives',
    rateLimitedMessage: 'Trop de connexions depuis ce réseau. Patientez une minute et réessayez.',
    reasons: {
      'password-reset': {
        title: 'Votre mot de passe a été réinitialisé',
        message:
          'Vous avez été déconnecté partout. Ouvrez le lien envoyé à votre adresse e-mail principale pour choisir un nouveau mot de passe, puis connectez-vous avec celui-ci.',
      },
      'password-changed': {
        title: 'Votre mot de passe a été changé',
        message: 'Connectez-vous avec votre nouveau mot de passe.',
      },
    },
  },
} as const satisfies Translation;
