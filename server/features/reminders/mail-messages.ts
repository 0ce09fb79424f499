import { isolate } from '../../platform/mail/templates/messages/ar';
import type { MailCatalogs } from '../../platform/mail/templates/registry';

/**
 * The reminder email: English, the reference the other languages are checked against. Functions rather
 * than format strings, so a language can decide word order and plurals itself.
 */
const en = {
  reminderSubject: (p: { title: string }) => `Reminder: ${p.title}`,
  reminderEventStarts: (p: { when: string }) => `This event starts ${p.when}.`,
  reminderTaskDue: (p: { when: string }) => `This task is due ${p.when}.`,
  reminderOpenCalendar: 'Open the calendar',
  reminderOpenTask: 'Open the task',
};

export type ReminderMailMessages = typeof en;

const de: ReminderMailMessages = {
  reminderSubject: (p) => `Erinnerung: ${p.title}`,
  reminderEventStarts: (p) => `Dieser Termin beginnt am ${p.when}.`,
  reminderTaskDue: (p) => `Diese Aufgabe ist fällig am ${p.when}.`,
  reminderOpenCalendar: 'Kalender öffnen',
  reminderOpenTask: 'Aufgabe öffnen',
};

const fr: ReminderMailMessages = {
  reminderSubject: (p) => `Rappel : ${p.title}`,
  reminderEventStarts: (p) => `Cet événement commence le ${p.when}.`,
  reminderTaskDue: (p) => `Cette tâche arrive à échéance le ${p.when}.`,
  reminderOpenCalendar: 'Ouvrir le calendrier',
  reminderOpenTask: 'Ouvrir la tâche',
};

const ar: ReminderMailMessages = {
  reminderSubject: (p) => `تذكير: ${isolate(p.title)}`,
  reminderEventStarts: (p) => `يبدأ هذا الحدث في ${isolate(p.when)}.`,
  reminderTaskDue: (p) => `تستحق هذه المهمة في ${isolate(p.when)}.`,
  reminderOpenCalendar: 'فتح التقويم',
  reminderOpenTask: 'فتح المهمة',
};

/** Every language's words, for `registerMailTemplate`; a missing entry falls back to English. */
export const reminderMailCatalogs: MailCatalogs<ReminderMailMessages> = { en, de, fr, ar };
