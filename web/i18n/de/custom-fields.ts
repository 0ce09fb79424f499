import type { Translation } from '../translation';

/** German: Custom User Fields. */
export const customFields = {
  dialog: {
    addTitle: 'Feld hinzufügen',
    editTitle: '„{{label}}“ bearbeiten',
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
    saved: '„{{label}}“ wurde gespeichert.',
  },
} as const satisfies Translation;
