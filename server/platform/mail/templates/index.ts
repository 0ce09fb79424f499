import { headerText } from '../headers';
import { appUrl, withProductName } from './format';
import { type EmailContent, type RenderedEmail, renderLayout } from './layout';
import { formattingLocale, languageChain, messagesFor, wordsFor } from './messages/index';
import {
  type MailTemplates,
  mailTemplateOf,
  registeredTemplateNames,
  registerMailTemplate,
  type TemplateName,
} from './registry';

export { appUrl, formatDateTime, oneLine, tokenUrl, withProductName } from './format';
export type { RenderedEmail } from './layout';
export { redactSecrets } from './layout';
export type {
  MailCatalogs,
  MailContext,
  MailTemplateDefinition,
  MailTemplates,
  TemplateName,
} from './registry';
export { registerMailTemplate } from './registry';

/** Every system email's data by name (features add theirs to `MailTemplates`). */
export type TemplateData = MailTemplates;

/** The emails registered so far: `generic` and those of the features loaded. */
export const templateNames: readonly TemplateName[] = registeredTemplateNames;

// The platform's own email, for later features: no words of its own, the caller's text in the frame.
registerMailTemplate({
  name: 'generic',
  messages: { en: {} },
  build: (data, { t, publicUrl }) => {
    const subject = headerText(data.subject);
    const content: EmailContent = {
      subject: withProductName(subject, t),
      heading: data.heading ?? subject,
      paragraphs: [...data.paragraphs],
    };
    if (data.action) content.action = { label: data.action.label, url: appUrl(publicUrl, data.action.path) };
    return content;
  },
});

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

/**
 * Renders a registered system email: subject (safe for a header), plain text and HTML, in the
 * recipient's language (text), locale (dates) and time zone (times), and the language actually
 * used (for `Content-Language` and `<html lang>`). Links are built only from `publicUrl`;
 * everything that came from a person is escaped in the HTML part. An unregistered name throws
 * AppError 'internal' (`unknown_mail_template`).
 */
export function renderTemplate<T extends TemplateName>(
  template: T,
  data: MailTemplates[T],
  options: RenderOptions,
): RenderedEmail {
  const definition = mailTemplateOf(template);
  const { messages, language } = messagesFor(options.language, options.locale);
  const own = wordsFor(definition.messages, languageChain(options.language, options.locale));
  const content = definition.build(data, {
    t: { ...messages, ...own } as typeof messages & typeof own,
    locale: formattingLocale(options.locale),
    timeZone: validTimeZone(options.timeZone),
    publicUrl: options.publicUrl,
  });
  content.subject = headerText(content.subject);
  return renderLayout(content, messages, language);
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
