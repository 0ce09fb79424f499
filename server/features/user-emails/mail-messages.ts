import { isolate } from '../../platform/mail/templates/messages/ar';
import type { MailCatalogs } from '../../platform/mail/templates/registry';

/**
 * The email-verification email: English, the reference the other languages are checked against. Functions rather
 * than format strings, so a language can decide word order and plurals itself.
 */
const en = {
  emailVerificationSubject: 'Confirm your email address for Atrium',
  emailVerificationHeading: 'Confirm your email address',
  emailVerificationBody: (p: { email: string }) => `Please confirm that ${p.email} is your email address.`,
  emailVerificationAction: 'Confirm email address',
  emailVerificationExpiry: (p: { hours: string }) => `This link expires in ${p.hours}.`,
  emailVerificationIgnore: 'If you did not add this address to an Atrium account, you can ignore this email.',
};

export type EmailVerificationMailMessages = typeof en;

const de: EmailVerificationMailMessages = {
  emailVerificationSubject: 'Bestätigen Sie Ihre E-Mail-Adresse für Atrium',
  emailVerificationHeading: 'E-Mail-Adresse bestätigen',
  emailVerificationBody: (p) => `Bitte bestätigen Sie, dass ${p.email} Ihre E-Mail-Adresse ist.`,
  emailVerificationAction: 'E-Mail-Adresse bestätigen',
  emailVerificationExpiry: (p) => `Dieser Link läuft in ${p.hours} ab.`,
  emailVerificationIgnore:
    'Falls Sie diese Adresse keinem Atrium-Konto hinzugefügt haben, können Sie diese E-Mail ignorieren.',
};

const fr: EmailVerificationMailMessages = {
  emailVerificationSubject: 'Confirmez votre adresse e-mail pour Atrium',
  emailVerificationHeading: 'Confirmez votre adresse e-mail',
  emailVerificationBody: (p) => `Veuillez confirmer que ${p.email} est bien votre adresse e-mail.`,
  emailVerificationAction: 'Confirmer l’adresse e-mail',
  emailVerificationExpiry: (p) => `Ce lien expire dans ${p.hours}.`,
  emailVerificationIgnore:
    'Si vous n’avez pas ajouté cette adresse à un compte Atrium, vous pouvez ignorer cet e-mail.',
};

const ar: EmailVerificationMailMessages = {
  emailVerificationSubject: 'أكّد عنوان بريدك الإلكتروني في Atrium',
  emailVerificationHeading: 'تأكيد عنوان بريدك الإلكتروني',
  emailVerificationBody: (p) => `يُرجى تأكيد أن ${isolate(p.email)} هو عنوان بريدك الإلكتروني.`,
  emailVerificationAction: 'تأكيد عنوان البريد الإلكتروني',
  emailVerificationExpiry: (p) => `تنتهي صلاحية هذا الرابط خلال ${p.hours}.`,
  emailVerificationIgnore: 'إذا لم تُضف هذا العنوان إلى حساب في Atrium، يمكنك تجاهل هذه الرسالة.',
};

/** Every language's words, for `registerMailTemplate`; a missing entry falls back to English. */
export const emailVerificationMailCatalogs: MailCatalogs<EmailVerificationMailMessages> = { en, de, fr, ar };
