/** The organizations feature: the Organizations page, Create and Rename Organization. */
export const organizations = {
  title: 'Organizations',
  loading: 'Loading organizations…',
  loadFailed: 'The organizations could not be loaded',
  create: 'Create Organization',
  name: 'Name',
  createdColumn: 'Created',
  actions: 'Actions',
  current: 'Current',
  rename: {
    title: 'Rename Organization',
    button: 'Rename',
    labelFor: 'Rename {name}',
    switchFirst: 'Switch to it to rename it',
  },
  notSaved: 'The organization was not saved',
  saved: 'Saved',
  created: '{name} was created. You are its Administrator.',
  renamed: 'The organization is now called {name}.',
} as const;
