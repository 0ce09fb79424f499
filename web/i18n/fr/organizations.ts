import type { Translation } from '../translation';

/** French: the Organizations page. */
export const organizations = {
  title: 'Organisations',
  loading: 'Chargement des organisations…',
  loadFailed: 'Les organisations n’ont pas pu être chargées',
  create: 'Créer une organisation',
  name: 'Nom',
  createdColumn: 'Créée le',
  actions: 'Actions',
  current: 'Actuelle',
  rename: {
    title: 'Renommer l’organisation',
    button: 'Renommer',
    labelFor: 'Renommer {name}',
    switchFirst: 'Passez-y pour la renommer',
  },
  notSaved: 'L’organisation n’a pas été enregistrée',
  saved: 'Enregistrée',
  created: '{name} a été créée. Vous en êtes l’administrateur.',
  renamed: 'L’organisation s’appelle désormais {name}.',
} as const satisfies Translation;
