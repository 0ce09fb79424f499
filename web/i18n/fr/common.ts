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
  states: {
    loading: 'Chargement…',
  },
} as const satisfies Translation;
