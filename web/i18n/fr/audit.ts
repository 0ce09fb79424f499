import type { Translation } from '../translation';

/** French: the Audit Log page. */
export const audit = {
  title: 'Journal d’audit',
  formerMember: 'Un ancien membre',
  notAvailable: 'Non disponible pour vous',
  needsPermission: 'Consulter le journal d’audit nécessite l’autorisation « {permission} ».',
  filters: 'Filtrer le journal d’audit',
  action: 'Action',
  anyAction: 'Toute action',
  from: 'Du',
  clearFrom: 'Effacer la date de début',
  to: 'Au',
  clearTo: 'Effacer la date de fin',
  loadFailed: 'Le journal d’audit n’a pas pu être chargé',
  loading: 'Chargement du journal d’audit…',
  columns: {
    when: 'Date',
    action: 'Action',
    user: 'Utilisateur',
    by: 'Par',
    ip: 'Adresse IP',
    details: 'Détails',
  },
  empty: 'Aucun événement ne correspond à ces filtres.',
  total: '{count, plural, one {# événement} many {# d’événements} other {# événements}}',
  previousPage: 'Page précédente',
  nextPage: 'Page suivante',
  actions: {
    session: {
      signed_in: 'Connexion',
      sign_in_failed: 'Échec de connexion',
      signed_out: 'Déconnexion',
      ended: 'Session terminée',
      organization_switched: 'Changement d’organisation',
    },
    account: {
      locked: 'Compte verrouillé',
    },
    user: {
      created: 'Compte créé',
      updated: 'Compte modifié',
      enabled: 'Compte activé',
      disabled: 'Compte désactivé',
      roles_changed: 'Rôles modifiés',
      instance_administrator_appointed: 'Administrateur de l’instance nommé',
      instance_administrator_dismissed: 'Administrateur de l’instance révoqué',
    },
    role: {
      permissions_changed: 'Permissions du rôle modifiées',
    },
    organization: {
      created: 'Organisation créée',
      renamed: 'Organisation renommée',
    },
    profile: {
      updated: 'Profil modifié',
      email_changed: 'E-mail principal modifié',
    },
    avatar: {
      changed: 'Avatar modifié',
      removed: 'Avatar supprimé',
    },
    email: {
      verified: 'Adresse e-mail vérifiée',
    },
    custom_field: {
      created: 'Champ personnalisé créé',
      updated: 'Champ personnalisé modifié',
      deleted: 'Champ personnalisé supprimé',
    },
    password: {
      changed: 'Mot de passe modifié',
      change_failed: 'Échec du changement de mot de passe',
      set_by_admin: 'Mot de passe défini par un administrateur',
      reset_by_admin: 'Mot de passe réinitialisé par un administrateur',
      reset_requested: 'Réinitialisation du mot de passe demandée',
      reset_completed: 'Réinitialisation du mot de passe terminée',
    },
    api_key: {
      generated: 'Clé API générée',
      revoked: 'Clé API révoquée',
    },
    settings: {
      changed: 'Paramètres modifiés',
    },
    menus: {
      changed: 'Menus par défaut de l’organisation modifiés',
      personal_changed: 'Menus personnels modifiés',
    },
    mail: {
      retried: 'E-mail renvoyé',
    },
  },
} as const satisfies Translation;
