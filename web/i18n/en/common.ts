/** Words every feature shares: the standard buttons and states (labels as the user guide names them). */
export const common = {
  actions: {
    cancel: 'Cancel',
    save: 'Save',
    saveAndClose: 'Save and Close',
    close: 'Close',
    closeNotification: 'Close the notification',
    edit: 'Edit',
    delete: 'Delete',
  },
  states: {
    loading: 'Loading…',
  },
} as const;
