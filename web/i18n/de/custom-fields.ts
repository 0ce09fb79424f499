import type { Translation } from '../translation';

/** German: Custom User Fields. */
export const customFields = {
  page: {
    title: 'Benutzerdefinierte Benutzerfelder',
    add: 'Feld hinzufügen',
    explain:
      'Diese Felder erscheinen im Abschnitt „Zusätzlich“ des Profils jedes Benutzers dieser Organisation.',
    readOnly: 'Sie können die Felder sehen, aber nur Administratoren können sie ändern.',
    loading: 'Benutzerdefinierte Felder werden geladen…',
    empty: 'Noch keine benutzerdefinierten Felder.',
    columns: {
      label: 'Bezeichnung',
      name: 'Name',
      type: 'Typ',
      required: 'Pflichtfeld',
      choices: 'Auswahlwerte',
      position: 'Position',
      actions: 'Aktionen',
    },
    required: 'Pflichtfeld',
    notRequired: 'Nein',
    edit: 'Bearbeiten',
    editNamed: '{label} bearbeiten',
    delete: 'Löschen',
    deleteNamed: '{label} löschen',
  },
  delete: {
    title: 'Dieses Feld löschen?',
    explain:
      '„{label}“ und die Werte aller Benutzer dafür werden gelöscht. Dies kann nicht rückgängig gemacht werden.',
    confirm: 'Löschen',
    deleted: '„{label}“ wurde gelöscht.',
  },
  dialog: {
    addTitle: 'Feld hinzufügen',
    editTitle: '„{label}“ bearbeiten',
    notSaved: 'Das Feld wurde nicht gespeichert',
    label: 'Bezeichnung',
    name: 'Name',
    nameDescription:
      'Der technische Name für die API, z. B. shirt_size. Er kann später nicht geändert werden.',
    type: 'Typ',
    choices: 'Auswahlwerte',
    choicesDescription: 'Ein Wert pro Zeile',
    choicesRequired: 'Eine Auswahlliste braucht mindestens einen Wert, einen pro Zeile.',
    required: 'Pflichtfeld',
    position: 'Position',
    positionDescription: 'Felder werden in dieser Reihenfolge angezeigt',
    saved: '„{label}“ wurde gespeichert.',
  },
} as const satisfies Translation;
