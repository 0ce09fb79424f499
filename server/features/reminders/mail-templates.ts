import {
  appUrl,
  formatDateTime,
  oneLine,
  registerMailTemplate,
  withProductName,
} from '../../platform/mail/templates/index';
import { reminderMailCatalogs } from './mail-messages';

/** An event's or a task's reminder: when it starts (is due), in the recipient's zone; a path of the app. */
export type ReminderMail = {
  kind: 'event' | 'task';
  title: string;
  /** ISO timestamp of the start (or due time). */
  at: string;
  /** `YYYY-MM-DD` of an all-day event: a date, in no time zone. */
  allDayDate: string | null;
  path: string;
};

declare module '../../platform/mail/templates/registry' {
  interface MailTemplates {
    reminder: ReminderMail;
  }
}

registerMailTemplate({
  name: 'reminder',
  messages: reminderMailCatalogs,
  build: (data, { t, locale, timeZone, publicUrl }) => {
    const when = data.allDayDate
      ? new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(
          new Date(`${data.allDayDate}T00:00:00Z`),
        )
      : formatDateTime(data.at, locale, timeZone, 'full');
    const title = oneLine(data.title);
    return {
      subject: withProductName(t.reminderSubject({ title }), t),
      heading: title,
      paragraphs: [data.kind === 'task' ? t.reminderTaskDue({ when }) : t.reminderEventStarts({ when })],
      action: {
        label: data.kind === 'task' ? t.reminderOpenTask() : t.reminderOpenCalendar(),
        url: appUrl(publicUrl, data.path),
      },
    };
  },
});
