import type { Translation } from '../translation';

/** French: the Outbox and one outgoing message. */
export const mail = {
  status: {
    queued: 'En file d’attente',
    sending: 'En cours d’envoi',
    sent: 'Envoyé',
    failed: 'Échec',
    cancelled: 'Annulé',
  },
  notAllowed: 'Non autorisé',
  needsPermission:
    'Vous avez besoin de l’autorisation de consulter et de renvoyer les e-mails sortants pour voir cette page.',
  outbox: {
    title: 'Boîte d’envoi',
    refreshing: 'Actualisation…',
    explain:
      'Les e-mails qu’Atrium envoie pour votre organisation. Un message qui ne peut pas être remis est réessayé, puis marqué en échec ; Réessayer l’envoie une fois de plus.',
    status: 'Statut',
    allStatuses: 'Tous',
    loading: 'Chargement des messages…',
    loadFailed: 'La boîte d’envoi n’a pas pu être chargée',
    empty: 'Aucun message.',
    caption: 'E-mails sortants, les plus récents en premier',
    captionFiltered: {
      queued: 'E-mails sortants, les plus récents en premier (en file d’attente uniquement)',
      sending: 'E-mails sortants, les plus récents en premier (en cours d’envoi uniquement)',
      sent: 'E-mails sortants, les plus récents en premier (envoyés uniquement)',
      failed: 'E-mails sortants, les plus récents en premier (en échec uniquement)',
      cancelled: 'E-mails sortants, les plus récents en premier (annulés uniquement)',
    },
    page: 'Page {page}',
    previous: 'Précédent',
    next: 'Suivant',
    actions: 'Actions',
    nextAttempt: 'Prochaine tentative {date}',
  },
  facts: {
    status: 'Statut',
    recipient: 'Destinataire',
    subject: 'Objet',
    attempts: 'Tentatives',
    queued: 'Mis en file d’attente',
    sent: 'Envoyé',
    nextAttempt: 'Prochaine tentative',
    lastError: 'Dernière erreur',
    messageId: 'Message-ID',
  },
  retry: {
    button: 'Réessayer',
    hidden: ' le message à {address}',
    queued: 'Message remis en file d’attente',
    queuedMessage: 'À {address}',
    failed: 'Le message n’a pas pu être renvoyé',
  },
  message: {
    back: 'Retour à la boîte d’envoi',
    title: 'Message',
    documentTitle: 'Message : {subject}',
    loading: 'Chargement du message…',
    notFoundTitle: 'Message introuvable',
    notFound: 'Ce message n’existe pas',
    notFoundExplain: 'Il appartient peut-être à une autre organisation, ou l’adresse est erronée.',
    loadFailed: 'Le message n’a pas pu être chargé',
    text: 'Texte',
    html: 'HTML',
    htmlFrame: 'Version HTML du message',
    secretsHidden:
      'Les liens contenant un jeton et les nouveaux mots de passe sont affichés comme [masqué] : la boîte d’envoi sert à la remise, pas à la lecture de secrets.',
    delivery: 'Remise',
  },
} as const satisfies Translation;
