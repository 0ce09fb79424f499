import type { Translation } from '../translation';

/** French: Custom User Fields. */
export const customFields = {
  page: {
    title: 'Champs utilisateur personnalisés',
    add: 'Ajouter un champ',
    explain:
      'Ces champs apparaissent dans la section Informations complémentaires du profil de chaque utilisateur de cette organisation.',
    readOnly: 'Vous pouvez voir les champs, mais seuls les administrateurs peuvent les modifier.',
    loading: 'Chargement des champs personnalisés…',
    empty: 'Aucun champ personnalisé pour l’instant.',
    columns: {
      label: 'Libellé',
      name: 'Nom',
      type: 'Type',
      required: 'Obligatoire',
      choices: 'Choix',
      position: 'Position',
      actions: 'Actions',
    },
    required: 'Obligatoire',
    notRequired: 'Non',
    edit: 'Modifier',
    editNamed: 'Modifier {label}',
    delete: 'Supprimer',
    deleteNamed: 'Supprimer {label}',
  },
  delete: {
    title: 'Supprimer ce champ ?',
    explain:
      '« {label} » et la valeur de chaque utilisateur pour ce champ sont supprimés. Cette action est irréversible.',
    confirm: 'Supprimer',
    deleted: '« {label} » a été supprimé.',
  },
  dialog: {
    addTitle: 'Ajouter un champ',
    editTitle: 'Modifier « {label} »',
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
    saved: '« {label} » a été enregistré.',
  },
} as const satisfies Translation;
