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
  failures: {
    internal: 'Bei uns ist etwas schiefgegangen. Versuchen Sie es gleich noch einmal.',
    http: 'Die Anfrage ist fehlgeschlagen (HTTP {status}).',
    network: 'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  },
  states: {
    loading: 'Wird geladen…',
  },
  timeField: {
    times: 'Uhrzeiten',
    notATime: 'Das ist keine Uhrzeit. Geben Sie sie etwa als {example} ein oder wählen Sie sie in der Liste.',
  },
  dateField: {
    hint: 'Wählen Sie ein Datum oder geben Sie es als {format} ein',
    notADate: 'Das ist kein Datum. Geben Sie es als {format} ein oder wählen Sie es im Kalender.',
    previousMonth: 'Vorheriger Monat',
    nextMonth: 'Nächster Monat',
    previousYear: 'Vorheriges Jahr',
    nextYear: 'Nächstes Jahr',
    previousDecade: 'Vorheriges Jahrzehnt',
    nextDecade: 'Nächstes Jahrzehnt',
    chooseMonth: 'Monat wählen',
    chooseYear: 'Jahr wählen',
  },
} as const satisfies Translation;
