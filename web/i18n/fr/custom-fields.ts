import type { Translation } from '../translation';

/** French: Custom User Fields. */
export const customFields = {
  dialog: {
    addTitle: 'Ajouter un champ',
    editTitle: 'Modifier « {{label}} »',
    notSaved: 'Le champ n’a pas été enregistré',
    label: 'Libellé',
    name: 'Nom',
    nameDescription: 'Le nom technique utilisé par l’API, comme shirt_size. Il ne pourra plus être modifié.',
    type: 'Type',
    choices: 'Choix',
    choicesDescription: 'Un choix par ligne',
    choicesRequired: 'Une liste de choix en demande au moins un, un par ligne.',
    required: 'Obligatoire',
    position: 'Position',
    positionDescription: 'Les champs sont affichés dans cet ordre',
    saved: '« {{label}} » a été enregistré.',
  },
} as const satisfies Translation;
