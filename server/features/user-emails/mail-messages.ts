import type { MailCatalogs } from '../../platform/mail/templates/registry';

/**
 * The email-verification email: ICU messages, English the reference the other
 * languages are checked against.
 */
const en = {
  emailVerificationSubject: 'Confirm your email address for Atrium',
  emailVerificationHeading: 'Confirm your email address',
  emailVerificationBody: 'Please confirm that {email} is your email address.',
  emailVerificationAction: 'Confirm email address',
  emailVerificationExpiry: 'This link expires in {count, plural, one {# hour} other {# hours}}.',
  emailVerificationIgnore: 'If you did not add this address to an Atrium account, you can ignore this email.',
};

export type EmailVerificationMailMessages = typeof en;

const de: EmailVerificationMailMessages = {
  emailVerificationSubject: 'Bestätigen Sie Ihre E-Mail-Adresse für Atrium',
  emailVerificationHeading: 'E-Mail-Adresse bestätigen',
  emailVerificationBody: 'Bitte bestätigen Sie, dass {email} Ihre E-Mail-Adresse ist.',
  emailVerificationAction: 'E-Mail-Adresse bestätigen',
  emailVerificationExpiry: 'Dieser Link läuft in {count, plural, one {# Stunde} other {# Stunden}} ab.',
  emailVerificationIgnore:
    'Falls Sie diese Adresse keinem Atrium-Konto hinzugefügt haben, können Sie diese E-Mail ignorieren.',
};

const fr: EmailVerificationMailMessages = {
  emailVerificationSubject: 'Confirmez votre adresse e-mail pour Atrium',
  emailVerificationHeading: 'Confirmez votre adresse e-mail',
  emailVerificationBody: 'Veuillez confirmer que {email} est bien votre adresse e-mail.',
  emailVerificationAction: 'Confirmer l’adresse e-mail',
  emailVerificationExpiry:
    'Ce lien expire dans {count, plural, one {# heure} many {# d’heures} other {# heures}}.',
  emailVerificationIgnore:
    'Si vous n’avez pas ajouté cette adresse à un compte Atrium, vous pouvez ignorer cet e-mail.',
};

const ar: EmailVerificationMailMessages = {
  emailVerificationSubject: 'أكّد عنوان بريدك الإلكتروني في Atrium',
  emailVerificationHeading: 'تأكيد عنوان بريدك الإلكتروني',
  emailVerificationBody: 'يُرجى تأكيد أن {email} هو عنوان بريدك الإلكتروني.',
  emailVerificationAction: 'تأكيد عنوان البريد الإلكتروني',
  emailVerificationExpiry:
    'تنتهي صلاحية هذا الرابط خلال {count, plural, zero {# ساعة} one {ساعة واحدة} two {ساعتين} few {# ساعات} many {# ساعة} other {# ساعة}}.',
  emailVerificationIgnore: 'إذا لم تُضف هذا العنوان إلى حساب في Atrium، يمكنك تجاهل هذه الرسالة.',
};

/** Every language's words, for `registerMailTemplate`; a missing entry falls back to English. */
export const emailVerificationMailCatalogs: MailCatalogs<EmailVerificationMailMessages> = { en, de, fr, ar };
