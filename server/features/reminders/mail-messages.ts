import type { MailCatalogs } from '../../platform/mail/templates/registry';

/**
 * The reminder email: ICU messages, English the reference the other
 * languages are checked against.
 */
const en = {
  reminderSubject: 'Reminder: {title}',
  reminderEventStarts: 'This event starts {when}.',
  reminderTaskDue: 'This task is due {when}.',
  reminderOpenCalendar: 'Open the calendar',
  reminderOpenTask: 'Open the task',
};

export type ReminderMailMessages = typeof en;

const de: ReminderMailMessages = {
  reminderSubject: 'Erinnerung: {title}',
  reminderEventStarts: 'Dieser Termin beginnt am {when}.',
  reminderTaskDue: 'Diese Aufgabe ist fällig am {when}.',
  reminderOpenCalendar: 'Kalender öffnen',
  reminderOpenTask: 'Aufgabe öffnen',
};

const fr: ReminderMailMessages = {
  reminderSubject: 'Rappel : {title}',
  reminderEventStarts: 'Cet événement commence le {when}.',
  reminderTaskDue: 'Cette tâche arrive à échéance le {when}.',
  reminderOpenCalendar: 'Ouvrir le calendrier',
  reminderOpenTask: 'Ouvrir la tâche',
};

const ar: ReminderMailMessages = {
  reminderSubject: 'تذكير: {title}',
  reminderEventStarts: 'يبدأ هذا الحدث في {when}.',
  reminderTaskDue: 'تستحق هذه المهمة في {when}.',
  reminderOpenCalendar: 'فتح التقويم',
  reminderOpenTask: 'فتح المهمة',
};

/** Every language's words, for `registerMailTemplate`; a missing entry falls back to English. */
export const reminderMailCatalogs: MailCatalogs<ReminderMailMessages> = { en, de, fr, ar };
