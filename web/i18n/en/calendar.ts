/** The calendar feature: Assign Event, the calendar view, and the Reminders field (shared with tasks). */
export const calendar = {
  reminders: {
    legend: 'Reminders',
    none: 'No reminders.',
    email: 'Email',
    amountLabel: 'Reminder {{number}}: how many',
    unitLabel: 'Reminder {{number}}: unit',
    units: { minutes: 'minutes', hours: 'hours', days: 'days', weeks: 'weeks' },
    beforeStart: 'before the start',
    beforeDue: 'before the due date',
    remove: 'Remove reminder {{number}}',
    add: 'Add reminder',
  },
} as const;
