import { AppError } from '../../http/errors';
import { hasControlCharacters, headerText } from '../headers';
import { type EmailContent, type RenderedEmail, renderLayout } from './layout';
import { type Messages, messagesFor } from './messages/index';

export type { RenderedEmail } from './layout';
export { redactSecrets } from './layout';

export type TemplateName =
  | 'password-changed'
  | 'password-reset'
  | 'email-verification'
  | 'email-changed'
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
  'generic',
];

export type RenderOptions = {
  /** The recipient's language (BCP 47, e.g. "en", "de-CH"); English when absent or unknown. */
  locale?: string | null;
  /** config.publicUrl: the only origin links are built from. */
  publicUrl: string;
};

type Context = { t: Messages; locale: string; publicUrl: string };

const builders: { [T in TemplateName]: (data: TemplateData[T], context: Context) => EmailContent } = {
  'password-changed': (data, { t, locale, publicUrl }) => {
    const when = formatDateTime(data.changedAt, locale);
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
 * Renders a system email: subject (safe for a header), plain text and HTML. Links are built only
 * from `publicUrl`; everything that came from a person is escaped in the HTML part.
 */
export function renderTemplate<T extends TemplateName>(
  template: T,
  data: TemplateData[T],
  options: RenderOptions,
): RenderedEmail {
  const build = builders[template] as ((data: TemplateData[T], context: Context) => EmailContent) | undefined;
  if (!build)
    throw new AppError('internal', 'unknown_mail_template', `There is no mail template "${template}".`);
  const { messages, locale } = messagesFor(options.locale);
  const content = build(data, { t: messages, locale, publicUrl: options.publicUrl });
  content.subject = headerText(content.subject);
  return renderLayout(content, messages, locale);
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

function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(date)} UTC`;
}
