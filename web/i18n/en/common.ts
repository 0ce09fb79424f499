/** Words every feature shares: the standard buttons and states (labels as the user guide names them). */
export const common = {
  actions: {
    cancel: 'Cancel',
    save: 'Save',
    saveAndClose: 'Save and Close',
    close: 'Close',
    closeNotification: 'Close the notification',
    /** A small × that removes one chosen value (a pill) from a field. */
    remove: 'Remove',
    /** A small × that empties a field. */
    clear: 'Clear',
    edit: 'Edit',
    delete: 'Delete',
  },
  /** What the app says when a request fails before the errors catalog has loaded (web/i18n/lazy/errors.ts). */
  failures: {
    internal: 'Something went wrong on our side. Try again in a moment.',
    http: 'The request failed (HTTP {status}).',
    network: 'The server could not be reached. Check your connection and try again.',
  },
  states: {
    loading: 'Loading…',
  },
  timeField: {
    /** The name of the list of times under a time field. */
    times: 'Times',
    /** A typed text that is no time of day; `example` is 17:30 as the locale writes it ("5:30 PM"). */
    notATime: 'This is not a time. Type it like {example}, or pick it in the list.',
  },
  dateField: {
    /** Under a date input; `format` is the locale's pattern, e.g. "MM/DD/YYYY". */
    hint: 'Pick a date or type it as {format}',
    /** A typed text that is no date; `format` as in hint. */
    notADate: 'This is not a date. Type it as {format}, or pick it in the calendar.',
    previousMonth: 'Previous month',
    nextMonth: 'Next month',
    previousYear: 'Previous year',
    nextYear: 'Next year',
    previousDecade: 'Previous decade',
    nextDecade: 'Next decade',
    chooseMonth: 'Choose the month',
    chooseYear: 'Choose the year',
  },
} as const;
