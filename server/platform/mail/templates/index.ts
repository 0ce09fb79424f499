import { AppError } from '../../http/errors';
import { hasControlCharacters, headerText } from '../headers';
import { type EmailContent, type RenderedEmail, renderLayout } from './layout';
import type { AnswerStatus } from './messages/en';
import { formattingLocale, type Messages, messagesFor } from './messages/index';

export type { RenderedEmail } from './layout';
export { redactSecrets } from './layout';

export type TemplateName =
  | 'password-changed'
  | 'password-reset'
  | 'email-verification'
  | 'email-changed'
  | 'reminder'
  | 'invitation'
  | 'invitation-cancelled'
  | 'invitation-answer'
  | 'generic';

export type TemplateData = {
  'password-changed': {
    name: string;
    /** ISO timestamp */
    changedAt: string;
    byAdministrator: boolean;
    /** Only when the organization setting "Include the new password in the email" is on. */
    newPassword?: string;
  };
  /** Link: PUBLIC_URL/password-reset#token=<token> */
  'password-reset': { name: string; token: string; expiresInHours: number; byAdministrator: boolean };
  /** Link: PUBLIC_URL/verify-email#token=<token> */
  'email-verification': { name: string; email: string; token: string; expiresInHours: number };
  'email-changed': { name: string; oldEmail: string; newEmail: string };
  /** An event's or a task's reminder: when it starts (is due), in the recipient's zone; a path of the app. */
  reminder: {
    kind: 'event' | 'task';
    title: string;
    /** ISO timestamp of the start (or due time). */
    at: string;
    /** `YYYY-MM-DD` of an all-day event: a date, in no time zone. */
    allDayDate: string | null;
    path: string;
  };
  /**
   * A calendar invitation (new or changed) to a guest: the organizer's name, the event's title and
   * when it takes place as the guest reads it (formatted by the caller), a path to the answer page.
   */
  invitation: {
    organizer: string;
    title: string;
    when: string;
    repeats: boolean;
    isNew: boolean;
    path: string;
  };
  /** The guest is no longer invited: the event was cancelled or they were removed from it. */
  'invitation-cancelled': { organizer: string; title: string; when: string };
  /** A guest's answer, to the organizer. */
  'invitation-answer': {
    /** "Name <address>" (or the address) in the text; the name alone in the subject. */
    guest: string;
    guestName: string;
    status: AnswerStatus;
    title: string;
    when: string;
  };
  /** For later features: a subject, paragraphs of text and at most one button to a path of the app. */
  generic: {
    subject: string;
    heading?: string;
    paragraphs: string[];
    action?: { label: string; path: string };
  };
};

export const templateNames: readonly TemplateName[] = [
  'password-changed',
  'password-reset',
  'email-verification',
  'email-changed',
  'reminder',
  'invitation',
  'invitation-cancelled',
  'invitation-answer',
  'generic',
];

export type RenderOptions = {
  /**
   * The recipient's language for the text (their Language setting, e.g. "de"); English when absent
   * or without a catalog. Defaults to `locale`'s language.
   */
  language?: string | null;
  /** The recipient's locale for dates and numbers (BCP 47, e.g. "de-CH"); English when absent or unknown. */
  locale?: string | null;
  /** The recipient's IANA time zone for times (e.g. "Europe/Berlin"); UTC when absent or unknown. */
  timeZone?: string | null;
  /** config.publicUrl: the only origin links are built from. */
  publicUrl: string;
};

type Context = { t: Messages; locale: string; timeZone: string; publicUrl: string };

const builders: { [T in TemplateName]: (data: TemplateData[T], context: Context) => EmailContent } = {
  'password-changed': (data, { t, locale, timeZone, publicUrl }) => {
    const when = formatDateTime(data.changedAt, locale, timeZone);
    const content: EmailContent = {
      subject: t.passwordChangedSubject,
      heading: t.passwordChangedHeading,
      greeting: t.greeting({ name: oneLine(data.name) }),
      paragraphs: [
        data.byAdministrator ? t.passwordChangedByAdministrator({ when }) : t.passwordChangedBySelf({ when }),
      ],
      action: { label: t.passwordChangedAction, url: appUrl(publicUrl, '/login') },
      after: [t.passwordChangedNotYou],
    };
    if (data.newPassword !== undefined) {
      content.paragraphs.push(t.passwordChangedNewPassword);
      content.secret = data.newPassword;
      content.after = [t.passwordChangedNewPasswordAdvice, ...(content.after ?? [])];
    }
    return content;
  },
  'password-reset': (data, { t, publicUrl }) => ({
    subject: t.passwordResetSubject,
    heading: t.passwordResetHeading,
    greeting: t.greeting({ name: oneLine(data.name) }),
    paragraphs: [data.byAdministrator ? t.passwordResetByAdministrator : t.passwordResetBySelf],
    action: { label: t.passwordResetAction, url: tokenUrl(publicUrl, '/password-reset', data.token) },
    after: [
      t.passwordResetExpiry({ hours: t.hours({ count: data.expiresInHours }) }),
      ...(data.byAdministrator ? [] : [t.passwordResetIgnore]),
    ],
  }),
  'email-verification': (data, { t, publicUrl }) => ({
    subject: t.emailVerificationSubject,
    heading: t.emailVerificationHeading,
    greeting: t.greeting({ name: oneLine(data.name) }),
    paragraphs: [t.emailVerificationBody({ email: oneLine(data.email) })],
    action: { label: t.emailVerificationAction, url: tokenUrl(publicUrl, '/verify-email', data.token) },
    after: [
      t.emailVerificationExpiry({ hours: t.hours({ count: data.expiresInHours }) }),
      t.emailVerificationIgnore,
    ],
  }),
  'email-changed': (data, { t }) => ({
    subject: t.emailChangedSubject,
    heading: t.emailChangedHeading,
    greeting: t.greeting({ name: oneLine(data.name) }),
    paragraphs: [t.emailChangedBody({ oldEmail: oneLine(data.oldEmail), newEmail: oneLine(data.newEmail) })],
    after: [t.emailChangedNotYou],
  }),
  reminder: (data, { t, locale, timeZone, publicUrl }) => {
    const when = data.allDayDate
      ? new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(
          new Date(`${data.allDayDate}T00:00:00Z`),
        )
      : formatDateTime(data.at, locale, timeZone, 'full');
    const title = oneLine(data.title);
    const subject = t.reminderSubject({ title });
    return {
      subject: subject.includes(t.productName) ? subject : `${subject} | ${t.productName}`,
      heading: title,
      paragraphs: [data.kind === 'task' ? t.reminderTaskDue({ when }) : t.reminderEventStarts({ when })],
      action: {
        label: data.kind === 'task' ? t.reminderOpenTask : t.reminderOpenCalendar,
        url: appUrl(publicUrl, data.path),
      },
    };
  },
  invitation: (data, { t, publicUrl }) => ({
    subject: withProductName(t.invitationSubject({ title: oneLine(data.title), isNew: data.isNew }), t),
    heading: oneLine(data.title),
    paragraphs: [
      t.invitationBody({ organizer: oneLine(data.organizer), isNew: data.isNew }),
      t.invitationWhen({ when: data.when, repeats: data.repeats }),
      t.invitationAnswerHint,
    ],
    action: { label: t.invitationAnswerAction, url: appUrl(publicUrl, data.path) },
  }),
  'invitation-cancelled': (data, { t }) => ({
    subject: withProductName(t.cancellationSubject({ title: oneLine(data.title) }), t),
    heading: oneLine(data.title),
    paragraphs: [
      t.cancellationBody({ organizer: oneLine(data.organizer) }),
      t.cancellationWas({ when: data.when }),
    ],
  }),
  'invitation-answer': (data, { t, publicUrl }) => ({
    subject: withProductName(
      t.answerSubject({ guest: oneLine(data.guestName), status: data.status, title: oneLine(data.title) }),
      t,
    ),
    heading: oneLine(data.title),
    paragraphs: [
      t.answerBody({ guest: oneLine(data.guest), status: data.status }),
      t.answerWhen({ when: data.when }),
    ],
    action: { label: t.answerOpenCalendar, url: appUrl(publicUrl, '/my-calendar') },
  }),
  generic: (data, { t, publicUrl }) => {
    const subject = headerText(data.subject);
    const content: EmailContent = {
      subject: subject.includes(t.productName) ? subject : `${subject} | ${t.productName}`,
      heading: data.heading ?? subject,
      paragraphs: [...data.paragraphs],
    };
    if (data.action) content.action = { label: data.action.label, url: appUrl(publicUrl, data.action.path) };
    return content;
  },
};

/**
 * Renders a system email: subject (safe for a header), plain text and HTML, in the recipient's
 * language (text), locale (dates) and time zone (times), and the language actually used (for
 * `Content-Language` and `<html lang>`). Links are built only from `publicUrl`; everything that
 * came from a person is escaped in the HTML part.
 */
export function renderTemplate<T extends TemplateName>(
  template: T,
  data: TemplateData[T],
  options: RenderOptions,
): RenderedEmail {
  const build = builders[template] as ((data: TemplateData[T], context: Context) => EmailContent) | undefined;
  if (!build)
    throw new AppError('internal', 'unknown_mail_template', `There is no mail template "${template}".`);
  const { messages, language } = messagesFor(options.language, options.locale);
  const content = build(data, {
    t: messages,
    locale: formattingLocale(options.locale),
    timeZone: validTimeZone(options.timeZone),
    publicUrl: options.publicUrl,
  });
  content.subject = headerText(content.subject);
  return renderLayout(content, messages, language);
}

/** "Subject | Atrium" unless the subject names the product already. */
function withProductName(subject: string, t: Messages): string {
  return subject.includes(t.productName) ? subject : `${subject} | ${t.productName}`;
}

/** An absolute URL of the app: `publicUrl` + a path that must stay on that origin. */
export function appUrl(publicUrl: string, path: string): string {
  if (!path.startsWith('/') || path.startsWith('//') || /[\\\s]/.test(path) || hasControlCharacters(path)) {
    throw new AppError(
      'validation',
      'invalid_link_path',
      'A link in an email must be a path of Atrium, like /users/me.',
    );
  }
  return `${publicUrl.replace(/\/+$/, '')}${path}`;
}

// The token goes in the fragment: browsers never send it to a server or in a Referer.
function tokenUrl(publicUrl: string, path: string, token: string): string {
  return `${appUrl(publicUrl, path)}#token=${encodeURIComponent(token)}`;
}

// A person's name or address inside a sentence: on one line, whatever was typed.
function oneLine(value: string): string {
  return headerText(value, 500);
}

/** A moment as the recipient reads it: their locale's words and order, their zone's time and its name. */
function formatDateTime(
  iso: string,
  locale: string,
  timeZone: string,
  style: 'long' | 'full' = 'long',
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    ...(style === 'full' ? { weekday: 'long' } : {}),
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(date);
}

function validTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}
