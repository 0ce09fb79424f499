import type { MailCatalogs } from '../../platform/mail/templates/registry';

/**
 * The email-changed email: ICU messages, English the reference the other
 * languages are checked against.
 */
const en = {
  emailChangedSubject: 'The email address of your Atrium account was changed',
  emailChangedHeading: 'Your email address was changed',
  emailChangedBody: 'The email address of your Atrium account was changed from {oldEmail} to {newEmail}.',
  emailChangedNotYou: 'If you did not make this change, contact your administrator at once.',
};

export type EmailChangedMailMessages = typeof en;

const de: EmailChangedMailMessages = {
  emailChangedSubject: 'Die E-Mail-Adresse Ihres Atrium-Kontos wurde geändert',
  emailChangedHeading: 'Ihre E-Mail-Adresse wurde geändert',
  emailChangedBody: 'Die E-Mail-Adresse Ihres Atrium-Kontos wurde von {oldEmail} in {newEmail} geändert.',
  emailChangedNotYou:
    'Falls Sie diese Änderung nicht vorgenommen haben, wenden Sie sich sofort an Ihren Administrator.',
};

const fr: EmailChangedMailMessages = {
  emailChangedSubject: 'L’adresse e-mail de votre compte Atrium a été changée',
  emailChangedHeading: 'Votre adresse e-mail a été changée',
  emailChangedBody: 'L’adresse e-mail de votre compte Atrium est passée de {oldEmail} à {newEmail}.',
  emailChangedNotYou:
    'Si vous n’êtes pas à l’origine de ce changement, contactez aussitôt votre administrateur.',
};

const ar: EmailChangedMailMessages = {
  emailChangedSubject: 'تم تغيير عنوان البريد الإلكتروني لحسابك في Atrium',
  emailChangedHeading: 'تم تغيير عنوان بريدك الإلكتروني',
  emailChangedBody: 'تم تغيير عنوان البريد الإلكتروني لحسابك في Atrium من {oldEmail} إلى {newEmail}.',
  emailChangedNotYou: 'إذا لم تُجرِ هذا التغيير، فاتصل بمسؤولك فورًا.',
};

/** Every language's words, for `registerMailTemplate`; a missing entry falls back to English. */
export const emailChangedMailCatalogs: MailCatalogs<EmailChangedMailMessages> = { en, de, fr, ar };
