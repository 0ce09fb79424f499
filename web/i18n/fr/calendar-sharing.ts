import type { Translation } from '../translation';

/** French: answers to invitations and My calendar feed. */
export const calendarSharing = {
  response: {
    legend: 'Votre réponse',
    accept: 'Accepter',
    tentative: 'Provisoire',
    decline: 'Refuser',
    current: {
      none: 'Vous n’avez pas encore répondu.',
      accepted: 'Vous avez accepté.',
      tentative: 'Vous avez répondu provisoirement.',
      declined: 'Vous avez refusé.',
    },
    saving: 'Envoi de votre réponse…',
    saved: 'Votre réponse a été envoyée à l’organisateur.',
    failed: 'Votre réponse n’a pas été enregistrée',
  },
  feed: {
    title: 'Mon flux de calendrier',
    explain:
      'Une adresse privée de votre calendrier dans cette organisation, à laquelle s’abonner depuis Google Agenda, Outlook ou Apple Calendrier. Toute personne qui a l’adresse peut lire vos événements : gardez-la privée.',
    loading: 'Chargement du flux de calendrier…',
    none: 'Vous n’avez pas de flux de calendrier.',
    active: 'Votre flux de calendrier a été créé le {date}.',
    create: 'Créer',
    replace: 'Créer une nouvelle adresse',
    revoke: 'Révoquer',
    copy: 'Copier',
    copied: 'Copiée',
    urlLabel: 'Adresse du flux de calendrier',
    shownOnce: 'Copiez l’adresse maintenant : elle n’est affichée que cette fois.',
    done: 'Terminé',
    failed: 'Le flux de calendrier n’a pas été modifié',
    replaceTitle: 'Créer une nouvelle adresse ?',
    replaceExplain:
      'L’adresse actuelle cesse aussitôt de fonctionner. Les calendriers abonnés auront besoin de la nouvelle.',
    revokeTitle: 'Révoquer le flux de calendrier ?',
    revokeExplain:
      'L’adresse cesse aussitôt de fonctionner. Vous pouvez en créer une nouvelle à tout moment.',
    cancel: 'Annuler',
    close: 'Fermer',
    revoked: 'Le flux de calendrier a été révoqué.',
  },
} as const satisfies Translation;
