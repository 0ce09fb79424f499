/** The custom-fields feature: Custom User Fields, Add Field, Edit “…”. */
export const customFields = {
  dialog: {
    addTitle: 'Add Field',
    editTitle: 'Edit “{{label}}”',
    notSaved: 'The field was not saved',
    label: 'Label',
    name: 'Name',
    nameDescription: 'The machine name used by the API, like shirt_size. It cannot be changed later.',
    type: 'Type',
    choices: 'Choices',
    choicesDescription: 'One choice per line',
    choicesRequired: 'A choice list needs at least one choice, one per line.',
    required: 'Required',
    position: 'Position',
    positionDescription: 'Fields are shown in this order',
    saved: '“{{label}}” was saved.',
  },
} as const;
