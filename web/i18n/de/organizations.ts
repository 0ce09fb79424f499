import type { Translation } from '../translation';

/** German: the Organizations page. */
export const organizations = {
  title: 'Organisationen',
  loading: 'Organisationen werden geladen…',
  loadFailed: 'Die Organisationen konnten nicht geladen werden',
  create: 'Organisation erstellen',
  name: 'Name',
  createdColumn: 'Erstellt',
  actions: 'Aktionen',
  current: 'Aktuell',
  rename: {
    title: 'Organisation umbenennen',
    button: 'Umbenennen',
    labelFor: '{name} umbenennen',
    switchFirst: 'Wechseln Sie zu ihr, um sie umzubenennen',
  },
  notSaved: 'Die Organisation wurde nicht gespeichert',
  saved: 'Gespeichert',
  created: '{name} wurde erstellt. Sie sind dort Administrator.',
  renamed: 'Die Organisation heißt jetzt {name}.',
} as const satisfies Translation;
