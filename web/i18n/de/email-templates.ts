import type { Translation } from '../translation';

/** German: the Email Templates page. */
export const emailTemplates = {
  page: {
    title: 'E-Mail-Vorlagen',
    intro:
      'Vorlagen, die Personen dieser Organisation im Dialog „E-Mail senden“ über „Vorlage“ einfügen. Variablen werden beim Einfügen für den Empfänger ausgefüllt.',
    add: 'Vorlage hinzufügen',
    loading: 'E-Mail-Vorlagen werden geladen…',
    empty: 'Noch keine E-Mail-Vorlagen.',
    name: 'Name',
    subject: 'Betreff',
    updated: 'Aktualisiert',
    actions: 'Aktionen',
    edit: 'Bearbeiten',
    editNamed: '{name} bearbeiten',
    delete: 'Löschen',
    deleteNamed: '{name} löschen',
    forbidden: 'Nur Administratoren können E-Mail-Vorlagen verwalten.',
  },
  dialog: {
    addTitle: 'Vorlage hinzufügen',
    editTitle: '„{name}“ bearbeiten',
    notSaved: 'Die Vorlage wurde nicht gespeichert',
    name: 'Name',
    subject: 'Betreff',
    body: 'Inhalt',
    loadingEditor: 'Editor wird geladen…',
    saved: '„{name}“ wurde gespeichert.',
    close: 'Schließen',
    nameRequired: 'Geben Sie einen Namen ein.',
    subjectRequired: 'Geben Sie einen Betreff ein.',
  },
  variables: {
    title: 'Variablen',
    intro:
      'Schreiben Sie eine Variable in den Betreff oder den Inhalt; sie wird beim Einfügen der Vorlage ersetzt:',
    recipient: {
      firstName: 'der Vorname des Empfängers',
      lastName: 'der Nachname des Empfängers',
      fullName: 'der vollständige Name des Empfängers',
      email: 'die E-Mail-Adresse des Empfängers',
    },
    sender: {
      firstName: 'Ihr Vorname (der des Absenders)',
      lastName: 'Ihr Nachname',
      fullName: 'Ihr vollständiger Name',
      email: 'Ihre E-Mail-Adresse',
    },
    organization: { name: 'der Name der Organisation' },
    unfilledNote:
      'Ein Wert, den der Empfänger nicht hat (eine eingetippte Adresse hat keinen Vornamen), bleibt als Variable stehen, und die E-Mail kann erst gesendet werden, wenn sie ersetzt ist.',
  },
  remove: {
    title: 'Diese Vorlage löschen?',
    text: '„{name}“ wird gelöscht. Bereits damit gesendete E-Mails bleiben unverändert.',
    confirm: 'Löschen',
    deleted: '„{name}“ wurde gelöscht.',
    failed: 'Die Vorlage wurde nicht gelöscht',
  },
} as const satisfies Translation;
