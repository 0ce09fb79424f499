import type { Translation } from '../translation';

/** German: the words every feature shares. */
export const common = {
  actions: {
    cancel: 'Abbrechen',
    save: 'Speichern',
    saveAndClose: 'Speichern und schließen',
    close: 'Schließen',
    closeNotification: 'Benachrichtigung schließen',
    remove: 'Entfernen',
    clear: 'Leeren',
    edit: 'Bearbeiten',
    delete: 'Löschen',
  },
  states: {
    loading: 'Wird geladen…',
  },
} as const satisfies Translation;
