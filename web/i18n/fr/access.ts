import type { Translation } from '../translation';

/** French: the access feature (roles). */
export const access = {
  roles: {
    title: 'Rôles',
    loading: 'Chargement des rôles…',
    loadFailed: 'Les rôles n’ont pas pu être chargés',
    intro:
      'Choisissez ce que chaque rôle peut faire dans cette organisation. Les membres voient le changement à leur prochaine page.',
    builtIn: 'Prédéfini',
    notSaved: 'Le rôle n’a pas été enregistré',
    permissionsOf: 'Autorisations du rôle {name}',
    notHeld: 'Vous ne détenez pas vous-même cette autorisation.',
    needsPermission: 'Modifier un rôle nécessite l’autorisation « {permission} ».',
    saved: 'Rôle enregistré',
    savedMessage: 'Le rôle {name} a été mis à jour.',
  },
  permissions: {
    users: {
      view: 'Voir les utilisateurs de mon organisation',
      create: 'Créer des utilisateurs',
      edit: 'Modifier les utilisateurs et leurs rôles',
      disable: 'Activer et désactiver des utilisateurs',
    },
    password_management: 'Changer ou réinitialiser le mot de passe d’un autre utilisateur',
    manage_api_keys: 'Gérer la clé API d’un autre utilisateur',
    update_own_profile: 'Modifier mon propre profil',
    update_own_configuration: 'Modifier ma propre configuration',
    manage_menus: 'Configurer mes menus',
    audit: {
      view: 'Voir le journal d’audit de sécurité',
    },
    roles: {
      manage: 'Modifier les permissions des rôles',
    },
    organizations: {
      manage: 'Créer et renommer des organisations',
    },
    organization: {
      settings: 'Modifier les paramètres de l’organisation',
    },
    custom_fields: {
      manage: 'Définir des champs utilisateur personnalisés',
    },
    mail: {
      manage: 'Voir et renvoyer les e-mails sortants',
    },
    calendar_events: {
      assign: 'Attribuer des événements aux calendriers d’autres utilisateurs',
      manage: 'Modifier et supprimer les événements d’autres utilisateurs',
    },
    tasks: {
      assign: 'Attribuer des tâches à d’autres utilisateurs',
      manage: 'Modifier et supprimer les tâches d’autres utilisateurs',
    },
    system: {
      settings: 'Modifier les paramètres du système',
    },
    activities: {
      view: 'Voir les activités d’autres utilisateurs',
    },
    calls: {
      log: 'Consigner des appels',
      manage: 'Modifier et supprimer les appels d’autres utilisateurs',
    },
    emails: {
      send: 'Envoyer des e-mails',
    },
    email_templates: {
      manage: 'Gérer les modèles d’e-mail',
    },
  },
} as const satisfies Translation;
