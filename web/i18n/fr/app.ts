import type { Translation } from '../translation';

/** French: the application's frame (layout, user menu, home, error and not-found pages). */
export const app = {
  layout: {
    skipToContent: 'Aller au contenu principal',
    loadingPage: 'Chargement de la page…',
    loadingProfile: 'Chargement de votre profil…',
  },
  userMenu: {
    signIn: 'Se connecter',
    logout: 'Déconnexion',
    signOutFailed: 'Vous êtes toujours connecté',
  },
  home: {
    title: 'Accueil',
    welcomeAnonymous: 'Bienvenue dans Atrium',
    welcome: 'Bienvenue, {firstName}',
    signInExplain: 'Connectez-vous pour ouvrir votre espace de travail.',
    signIn: 'Se connecter',
  },
  shortcuts: {
    my_user: 'Mon utilisateur',
    my_configuration: 'Ma configuration',
    custom_fields: 'Champs utilisateur personnalisés',
    password_policy: 'Politique de mot de passe',
    outbox: 'Boîte d’envoi',
  },
  shortcutDescriptions: {
    my_user:
      'Consultez votre profil, changez votre mot de passe, générez une clé API et suivez votre activité.',
    my_configuration:
      'Choisissez votre langue, votre fuseau horaire, votre signature d’e-mail et d’autres paramètres personnels.',
  },
  organizationSwitcher: {
    current: 'Organisation : ',
    button: 'Organisation : {name}. Changer d’organisation',
    menuLabel: 'Changer d’organisation',
    switched: 'Organisation changée',
    switchedMessage: 'Vous travaillez maintenant dans {name}.',
    switchFailed: 'L’organisation n’a pas pu être changée',
  },
  errorPage: {
    title: 'Une erreur s’est produite',
    explain: 'Cette page n’a pas pu être affichée. La recharger suffit généralement.',
    reload: 'Recharger',
    home: 'Aller à la page d’accueil',
  },
  notFound: {
    title: 'Page introuvable',
    explain: 'La page demandée n’existe pas ou a été déplacée.',
    home: 'Aller à la page d’accueil',
  },
} as const satisfies Translation;
