import type { Translation } from '../translation';

/** French: the Configuration pages (the tree, the fields and their words). */
export const settings = {
  labels: {
    'password.min_length': 'Longueur minimale du mot de passe',
    'password.lower_case': 'Exiger une lettre minuscule',
    'password.upper_case': 'Exiger une lettre majuscule',
    'password.numbers': 'Exiger un chiffre',
    'password.special_chars': 'Exiger un caractère spécial',
    'password.include_in_email': 'Inclure le nouveau mot de passe dans l’e-mail',
    'session.idle_minutes': 'Déconnecter après ce nombre de minutes d’inactivité',
    'session.absolute_minutes': 'Déconnecter ce nombre de minutes après la connexion',
    'lockout.threshold': 'Échecs de connexion avant le verrouillage du compte',
    'lockout.minutes': 'Durée en minutes du premier verrouillage (doublée à chaque fois)',
    'localization.locale': 'Paramètres régionaux',
    'localization.timezone': 'Fuseau horaire',
    'localization.language': 'Langue',
    'localization.first_day_of_week': 'Premier jour de la semaine',
    'localization.name_format': 'Format des noms',
    'localization.date_format': 'Format de date',
    'localization.time_format': 'Format de l’heure',
    'display.records_per_page': 'Enregistrements par page de grille',
    'activities.sort_field': 'Champ de tri de la liste des activités',
    'activities.sort_direction': 'Ordre de tri de la liste des activités',
    'activities.page_size': 'Taille de page de la liste des activités',
    'calendar.default_view': 'Vue par défaut du calendrier',
    'email.signature': 'Signature',
    'email.append_signature': 'Ajouter la signature au corps de l’e-mail',
    'email.default_from': 'Adresse d’expédition par défaut',
    'email.reply_default': 'Bouton de réponse par défaut',
    'email.attachment_max_mb': 'Taille maximale d’une pièce jointe (Mo)',
    'email.attachments_max_count': 'Nombre maximal de pièces jointes',
    'meeting_links.enabled': 'Liens de réunion',
    'meeting_links.provider': 'Fournisseur de liens de réunion',
    'meeting_links.jitsi_base_url': 'URL de base Jitsi',
    'meeting_links.url_template': 'Modèle d’URL de réunion personnalisé',
    'email.attachments_total_max_mb': 'Taille maximale de toutes les pièces jointes d’un e-mail (Mo)',
    'integrations.meeting_links': 'Ajouter des liens de réunion à mes événements',
    'configuration.locked_keys': 'Paramètres que les utilisateurs ne peuvent pas remplacer',
  },
  options: {
    'localization.language': {
      en: 'English',
      de: 'Deutsch',
      fr: 'Français',
      ar: 'العربية',
    },
    'localization.first_day_of_week': {
      monday: 'Lundi',
      sunday: 'Dimanche',
      saturday: 'Samedi',
    },
    'localization.name_format': {
      locale: 'Selon les paramètres régionaux',
      first_last: 'Prénom, puis nom',
      last_first: 'Nom, puis prénom',
    },
    'localization.date_format': {
      short: 'Court',
      medium: 'Moyen',
      long: 'Long',
      full: 'Complet',
    },
    'localization.time_format': {
      locale: 'Selon les paramètres régionaux',
      h12: '12 heures (1:30 PM)',
      h23: '24 heures (13:30)',
    },
    'activities.sort_field': {
      occurredAt: 'Date de l’activité',
      createdAt: 'Date d’enregistrement',
    },
    'activities.sort_direction': {
      desc: 'Les plus récentes en premier',
      asc: 'Les plus anciennes en premier',
    },
    'calendar.default_view': {
      month: 'Mois',
      week: 'Semaine',
      day: 'Jour',
    },
    'email.append_signature': {
      automatically: 'Automatiquement',
      manually: 'Par un bouton',
    },
    'email.reply_default': {
      reply: 'Répondre',
      reply_all: 'Répondre à tous',
    },
  },
  help: {
    signature:
      'Du texte, ou du HTML simple : paragraphes, gras, italique, listes et liens. Les scripts et les styles sont supprimés.',
    defaultFrom: 'L’une de vos adresses e-mail ; vide : votre e-mail principal.',
  },
  field: {
    insecure: 'Non sécurisé',
    on: 'Activé',
    off: 'Désactivé',
    empty: '(vide)',
    none: '(aucun)',
    organizationDefault: 'Valeur par défaut de l’organisation',
    systemDefault: 'Valeur par défaut du système',
    inherited: '{origin} : {value}',
    organizationFromSystem: 'Valeur par défaut de l’organisation (celle du système) : {value}',
    notSet: {
      user: 'Défini nulle part, donc celui de votre navigateur : {value}',
      others: 'Défini nulle part, donc celui du navigateur de chaque utilisateur (le vôtre : {value})',
    },
    lockedByOrganization: 'Défini par votre organisation pour tout le monde : {value}',
    useParent: {
      user: 'Utiliser la valeur de l’organisation',
      organization: 'Utiliser la valeur du système',
      system: 'Utiliser la valeur par défaut',
    },
    useParentOf: '{use} : {label}',
    usersMayOverride: 'Les utilisateurs peuvent remplacer',
    usersMayOverrideOf: 'Les utilisateurs peuvent remplacer : {label}',
  },
  tree: {
    label: 'Arborescence de configuration',
    root: 'Configuration du système',
    groups: { general: 'Configuration générale', security: 'Sécurité' },
    sections: {
      localization: 'Localisation',
      display: 'Paramètres d’affichage',
      email: 'Configuration des e-mails',
      integrations: 'Intégrations',
      passwordPolicy: 'Politique de mot de passe',
      sessions: 'Sessions et connexion',
    },
  },
  page: {
    titles: {
      user: 'Configuration',
      organization: 'Configuration de l’organisation',
      system: 'Configuration globale',
    },
    myConfiguration: 'Ma configuration',
    levels: 'Niveaux de configuration',
    save: 'Enregistrer les paramètres',
    reset: 'Réinitialiser',
    cancel: 'Annuler',
    saved: 'Paramètres enregistrés.',
    cleared: '{section} : vos valeurs ont été effacées.',
    appliesToMe:
      'Cette configuration s’applique uniquement à vous, et uniquement dans l’organisation actuelle.',
    appliesToMeIn:
      'Cette configuration s’applique uniquement à vous, et uniquement dans l’organisation actuelle ({organization}).',
    appliesToOrganization:
      'Ce sont les valeurs par défaut de tous les membres de {organization} ; chaque utilisateur peut remplacer les paramètres que vous autorisez.',
    currentOrganization: 'l’organisation actuelle',
    appliesToSystem:
      'Ce sont les valeurs par défaut de toutes les organisations ; chaque organisation peut définir les siennes.',
    notAllowed: 'Vous n’avez pas l’autorisation de modifier cette configuration.',
    loading: 'Chargement des paramètres…',
    notSaved: 'Les paramètres n’ont pas été enregistrés',
    resetTitle: 'Réinitialiser ces paramètres ?',
    resetText: {
      user: 'Toutes les valeurs définies ici pour {section} sont effacées, et chaque champ reprend la valeur de l’organisation.',
      organization:
        'Toutes les valeurs définies ici pour {section} sont effacées, et chaque champ reprend la valeur du système.',
      system:
        'Toutes les valeurs définies ici pour {section} sont effacées, et chaque champ reprend la valeur par défaut.',
    },
  },
  preview: {
    label: 'Aperçu',
    today: 'Aujourd’hui :',
    yourName: 'Votre nom :',
  },
} as const satisfies Translation;
