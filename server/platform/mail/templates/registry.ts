import { AppError } from '../../http/errors';
import type { EmailContent } from './layout';
import type { CompiledWords, MailCatalogs, MailWords, Messages } from './messages/index';

export type { MailCatalogs } from './messages/index';

/** For later features: a subject, paragraphs of text and at most one button to a path of the app. */
export type GenericMail = {
  subject: string;
  heading?: string;
  paragraphs: string[];
  action?: { label: string; path: string };
};

/**
 * Every system email's name and the data it takes. The platform declares `generic`; a feature
 * declares its own emails beside their registration (`registerMailTemplate`):
 *
 *     declare module '../../platform/mail/templates/registry' {
 *       interface MailTemplates { 'password-reset': PasswordResetMail }
 *     }
 *
 * so `queueMail` and `renderTemplate` take only a declared name, with its data. An interface and
 * not a `type`: only interfaces merge.
 */
export interface MailTemplates {
  generic: GenericMail;
}

export type TemplateName = keyof MailTemplates;

/** What a template builds its content with: the frame's words and its own, the recipient's locale and zone. */
export type MailContext<M extends MailWords> = {
  /** The frame's words and the email's own, each compiled ICU (`t.greeting({ name })`). */
  t: CompiledWords<Messages & M>;
  /** BCP 47 tag Intl knows, for dates and numbers. */
  locale: string;
  /** IANA time zone, UTC when the recipient's is unknown. */
  timeZone: string;
  /** config.publicUrl: the only origin links are built from (`appUrl`). */
  publicUrl: string;
};

/** A system email: its name, its words in every language, and what it says given its data. */
export type MailTemplateDefinition<T extends TemplateName, M extends MailWords> = {
  name: T;
  messages: MailCatalogs<M>;
  build(data: MailTemplates[T], context: MailContext<M>): EmailContent;
};

type AnyMailTemplate = MailTemplateDefinition<TemplateName, MailWords>;

const registeredTemplates = new Map<TemplateName, AnyMailTemplate>();
const names: TemplateName[] = [];

/** The registered emails' names, in the order of registration. */
export const registeredTemplateNames: readonly TemplateName[] = names;

/**
 * Adds a system email; the feature that sends it registers it when its module loads (beside its
 * `declare module` entry), so adding an email touches only that feature. Registering the same
 * definition again changes nothing; another definition under a registered name is a programming error.
 */
export function registerMailTemplate<T extends TemplateName, M extends MailWords>(
  definition: MailTemplateDefinition<T, M>,
): void {
  const registered = registeredTemplates.get(definition.name);
  if (registered === (definition as unknown)) return;
  if (registered) throw new Error(`The mail template ${definition.name} is registered twice.`);
  registeredTemplates.set(definition.name, definition as unknown as AnyMailTemplate);
  names.push(definition.name);
}

/** The registered email of that name; AppError 'internal' (`unknown_mail_template`) when none is. */
export function mailTemplateOf<T extends TemplateName>(name: T): MailTemplateDefinition<T, MailWords> {
  const definition = registeredTemplates.get(name);
  if (!definition) {
    throw new AppError('internal', 'unknown_mail_template', `There is no mail template "${name}".`);
  }
  return definition as unknown as MailTemplateDefinition<T, MailWords>;
}
