import type { Translation } from '../translation';

/** French: the words every feature shares. */
export const common = {
  actions: {
    cancel: 'Annuler',
    save: 'Enregistrer',
    saveAndClose: 'Enregistrer et fermer',
    close: 'Fermer',
    closeNotification: 'Fermer la notification',
    remove: 'Retirer',
    clear: 'Effacer',
    edit: 'Modifier',
    delete: 'Supprimer',
  },
  failures: {
    internal: 'Une erreur s’est produite de notre côté. Réessayez dans un instant.',
    http: 'La requête a échoué (HTTP {status}).',
    network: 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
  },
  states: {
    loading: 'Chargement…',
  },
  timeField: {
    times: 'Heures',
    notATime:
      'Ce n’est pas une heure. Saisissez-la par exemple sous la forme {example} ou choisissez-la dans la liste.',
  },
  dateField: {
    hint: 'Choisissez une date ou saisissez-la au format {format}',
    notADate: 'Ce n’est pas une date. Saisissez-la au format {format} ou choisissez-la dans le calendrier.',
    previousMonth: 'Mois précédent',
    nextMonth: 'Mois suivant',
    previousYear: 'Année précédente',
    nextYear: 'Année suivante',
    previousDecade: 'Décennie précédente',
    nextDecade: 'Décennie suivante',
    chooseMonth: 'Choisir le mois',
    chooseYear: 'Choisir l’année',
  },
} as const satisfies Translation;
