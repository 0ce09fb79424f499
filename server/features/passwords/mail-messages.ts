import type { MailCatalogs } from '../../platform/mail/templates/registry';

/**
 * The password emails (changed, reset): ICU messages, English the reference the other
 * languages are checked against.
 */
const en = {
  passwordChangedSubject: 'Your Atrium password was changed',
  passwordChangedHeading: 'Your password was changed',
  passwordChangedBySelf: 'The password of your Atrium account was changed on {when}.',
  passwordChangedByAdministrator: 'An administrator changed the password of your Atrium account on {when}.',
  passwordChangedNewPassword: 'Your new password is:',
  passwordChangedNewPasswordAdvice: 'Change it after you sign in, and delete this email.',
  passwordChangedNotYou: 'If you did not expect this, contact your administrator at once.',
  passwordChangedAction: 'Sign in',

  passwordResetSubject: 'Reset your Atrium password',
  passwordResetHeading: 'Reset your password',
  passwordResetBySelf: 'Someone (hopefully you) asked to reset the password of your Atrium account.',
  passwordResetByAdministrator:
    'An administrator reset the password of your Atrium account. Choose a new password to sign in again.',
  passwordResetAction: 'Choose a new password',
  passwordResetExpiry: 'This link works once and expires in {count, plural, one {# hour} other {# hours}}.',
  passwordResetIgnore:
    'If you did not ask for this, you can ignore this email: your password stays the same.',
};

export type PasswordMailMessages = typeof en;

const de: PasswordMailMessages = {
  passwordChangedSubject: 'Ihr Atrium-Passwort wurde geändert',
  passwordChangedHeading: 'Ihr Passwort wurde geändert',
  passwordChangedBySelf: 'Das Passwort Ihres Atrium-Kontos wurde am {when} geändert.',
  passwordChangedByAdministrator:
    'Ein Administrator hat das Passwort Ihres Atrium-Kontos am {when} geändert.',
  passwordChangedNewPassword: 'Ihr neues Passwort lautet:',
  passwordChangedNewPasswordAdvice: 'Ändern Sie es nach der Anmeldung und löschen Sie diese E-Mail.',
  passwordChangedNotYou: 'Falls Sie das nicht erwartet haben, wenden Sie sich sofort an Ihren Administrator.',
  passwordChangedAction: 'Anmelden',

  passwordResetSubject: 'Atrium-Passwort zurücksetzen',
  passwordResetHeading: 'Passwort zurücksetzen',
  passwordResetBySelf:
    'Jemand (hoffentlich Sie) hat das Zurücksetzen des Passworts Ihres Atrium-Kontos angefordert.',
  passwordResetByAdministrator:
    'Ein Administrator hat das Passwort Ihres Atrium-Kontos zurückgesetzt. Wählen Sie ein neues Passwort, um sich wieder anzumelden.',
  passwordResetAction: 'Neues Passwort wählen',
  passwordResetExpiry:
    'Dieser Link funktioniert einmal und läuft in {count, plural, one {# Stunde} other {# Stunden}} ab.',
  passwordResetIgnore:
    'Falls Sie das nicht angefordert haben, können Sie diese E-Mail ignorieren: Ihr Passwort bleibt unverändert.',
};

const fr: PasswordMailMessages = {
  passwordChangedSubject: 'Votre mot de passe Atrium a été changé',
  passwordChangedHeading: 'Votre mot de passe a été changé',
  passwordChangedBySelf: 'Le mot de passe de votre compte Atrium a été changé le {when}.',
  passwordChangedByAdministrator:
    'Un administrateur a changé le mot de passe de votre compte Atrium le {when}.',
  passwordChangedNewPassword: 'Votre nouveau mot de passe est :',
  passwordChangedNewPasswordAdvice: 'Changez-le après vous être connecté, et supprimez cet e-mail.',
  passwordChangedNotYou: 'Si vous ne vous y attendiez pas, contactez aussitôt votre administrateur.',
  passwordChangedAction: 'Se connecter',

  passwordResetSubject: 'Réinitialisez votre mot de passe Atrium',
  passwordResetHeading: 'Réinitialisez votre mot de passe',
  passwordResetBySelf:
    'Quelqu’un (vous, espérons-le) a demandé la réinitialisation du mot de passe de votre compte Atrium.',
  passwordResetByAdministrator:
    'Un administrateur a réinitialisé le mot de passe de votre compte Atrium. Choisissez un nouveau mot de passe pour vous reconnecter.',
  passwordResetAction: 'Choisir un nouveau mot de passe',
  passwordResetExpiry:
    'Ce lien fonctionne une seule fois et expire dans {count, plural, one {# heure} many {# d’heures} other {# heures}}.',
  passwordResetIgnore: 'Si vous n’avez rien demandé, ignorez cet e-mail : votre mot de passe reste le même.',
};

const ar: PasswordMailMessages = {
  passwordChangedSubject: 'تم تغيير كلمة مرور Atrium الخاصة بك',
  passwordChangedHeading: 'تم تغيير كلمة مرورك',
  passwordChangedBySelf: 'تم تغيير كلمة مرور حسابك في Atrium في {when}.',
  passwordChangedByAdministrator: 'غيّر مسؤول كلمة مرور حسابك في Atrium في {when}.',
  passwordChangedNewPassword: 'كلمة مرورك الجديدة هي:',
  passwordChangedNewPasswordAdvice: 'غيّرها بعد تسجيل الدخول، واحذف هذه الرسالة.',
  passwordChangedNotYou: 'إذا لم تكن تتوقع ذلك، فاتصل بمسؤولك فورًا.',
  passwordChangedAction: 'تسجيل الدخول',

  passwordResetSubject: 'إعادة تعيين كلمة مرور Atrium',
  passwordResetHeading: 'إعادة تعيين كلمة المرور',
  passwordResetBySelf: 'طلب أحدهم (نأمل أن تكون أنت) إعادة تعيين كلمة مرور حسابك في Atrium.',
  passwordResetByAdministrator:
    'أعاد مسؤول تعيين كلمة مرور حسابك في Atrium. اختر كلمة مرور جديدة لتسجيل الدخول مرة أخرى.',
  passwordResetAction: 'اختيار كلمة مرور جديدة',
  passwordResetExpiry:
    'يعمل هذا الرابط مرة واحدة وتنتهي صلاحيته خلال {count, plural, zero {# ساعة} one {ساعة واحدة} two {ساعتين} few {# ساعات} many {# ساعة} other {# ساعة}}.',
  passwordResetIgnore: 'إذا لم تطلب ذلك، يمكنك تجاهل هذه الرسالة: تبقى كلمة مرورك كما هي.',
};

/** Every language's words, for `registerMailTemplate`; a missing entry falls back to English. */
export const passwordMailCatalogs: MailCatalogs<PasswordMailMessages> = { en, de, fr, ar };
