import { isolate } from '../../platform/mail/templates/messages/ar';
import type { MailCatalogs } from '../../platform/mail/templates/registry';

/**
 * The email-changed email: English, the reference the other languages are checked against. Functions rather
 * than format strings, so a language can decide word order and plurals itself.
 */
const en = {
  emailChangedSubject: 'The email address of your Atrium account was changed',
  emailChangedHeading: 'Your email address was changed',
  emailChangedBody: (p: { oldEmail: string; newEmail: string }) =>
    `The email address of your Atrium account was changed from ${p.oldEmail} to ${p.newEmail}.`,
  emailChangedNotYou: 'If you did not make this change, contact your administrator at once.',
};

export type EmailChangedMailMessages = typeof en;

const de: EmailChangedMailMessages = {
  emailChangedSubject: 'Die E-Mail-Adresse Ihres Atrium-Kontos wurde geändert',
  emailChangedHeading: 'Ihre E-Mail-Adresse wurde geändert',
  emailChangedBody: (p) =>
    `Die E-Mail-Adresse Ihres Atrium-Kontos wurde von ${p.oldEmail} in ${p.newEmail} geändert.`,
  emailChangedNotYou:
    'Falls Sie diese Änderung nicht vorgenommen haben, wenden Sie sich sofort an Ihren Administrator.',
};

const fr: EmailChangedMailMessages = {
  emailChangedSubject: 'L’adresse e-mail de votre compte Atrium a été changée',
  emailChangedHeading: 'Votre adresse e-mail a été changée',
  emailChangedBody: (p) =>
    `L’adresse e-mail de votre compte Atrium est passée de ${p.oldEmail} à ${p.newEmail}.`,
  emailChangedNotYou:
    'Si vous n’êtes pas à l’origine de ce changement, contactez aussitôt votre administrateur.',
};

const ar: EmailChangedMailMessages = {
  emailChangedSubject: 'تم تغيير عنوان البريد الإلكتروني لحسابك في Atrium',
  emailChangedHeading: 'تم تغيير عنوان بريدك الإلكتروني',
  emailChangedBody: (p) =>
    `تم تغيير عنوان البريد الإلكتروني لحسابك في Atrium من ${isolate(p.oldEmail)} إلى ${isolate(p.newEmail)}.`,
  emailChangedNotYou: 'إذا لم تُجرِ هذا التغيير، فاتصل بمسؤولك فورًا.',
};

/** Every language's words, for `registerMailTemplate`; a missing entry falls back to English. */
export const emailChangedMailCatalogs: MailCatalogs<EmailChangedMailMessages> = { en, de, fr, ar };
