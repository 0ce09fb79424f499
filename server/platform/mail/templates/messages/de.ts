import type { AnswerStatus, Messages } from './en';

/** The German catalog of the system emails (Language setting "Deutsch"); checked against `en`. */
export const de: Messages = {
  productName: 'Atrium',
  greeting: (p) => `Hallo ${p.name},`,
  footer: 'Diese E-Mail wurde von Atrium gesendet. Sie erhalten sie wegen Ihres Kontos dort.',
  linkFallback: 'Falls die Schaltfläche nicht funktioniert, kopieren Sie diese Adresse in Ihren Browser:',
  hours: (p) => (p.count === 1 ? '1 Stunde' : `${p.count} Stunden`),

  passwordChangedSubject: 'Ihr Atrium-Passwort wurde geändert',
  passwordChangedHeading: 'Ihr Passwort wurde geändert',
  passwordChangedBySelf: (p) => `Das Passwort Ihres Atrium-Kontos wurde am ${p.when} geändert.`,
  passwordChangedByAdministrator: (p) =>
    `Ein Administrator hat das Passwort Ihres Atrium-Kontos am ${p.when} geändert.`,
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
  passwordResetExpiry: (p) => `Dieser Link funktioniert einmal und läuft in ${p.hours} ab.`,
  passwordResetIgnore:
    'Falls Sie das nicht angefordert haben, können Sie diese E-Mail ignorieren: Ihr Passwort bleibt unverändert.',

  emailVerificationSubject: 'Bestätigen Sie Ihre E-Mail-Adresse für Atrium',
  emailVerificationHeading: 'E-Mail-Adresse bestätigen',
  emailVerificationBody: (p) => `Bitte bestätigen Sie, dass ${p.email} Ihre E-Mail-Adresse ist.`,
  emailVerificationAction: 'E-Mail-Adresse bestätigen',
  emailVerificationExpiry: (p) => `Dieser Link läuft in ${p.hours} ab.`,
  emailVerificationIgnore:
    'Falls Sie diese Adresse keinem Atrium-Konto hinzugefügt haben, können Sie diese E-Mail ignorieren.',

  emailChangedSubject: 'Die E-Mail-Adresse Ihres Atrium-Kontos wurde geändert',
  emailChangedHeading: 'Ihre E-Mail-Adresse wurde geändert',
  emailChangedBody: (p) =>
    `Die E-Mail-Adresse Ihres Atrium-Kontos wurde von ${p.oldEmail} in ${p.newEmail} geändert.`,
  emailChangedNotYou:
    'Falls Sie diese Änderung nicht vorgenommen haben, wenden Sie sich sofort an Ihren Administrator.',

  reminderSubject: (p) => `Erinnerung: ${p.title}`,
  reminderEventStarts: (p) => `Dieser Termin beginnt am ${p.when}.`,
  reminderTaskDue: (p) => `Diese Aufgabe ist fällig am ${p.when}.`,
  reminderOpenCalendar: 'Kalender öffnen',
  reminderOpenTask: 'Aufgabe öffnen',

  invitationSubject: (p) => `${p.isNew ? 'Einladung' : 'Geänderte Einladung'}: ${p.title}`,
  invitationBody: (p) =>
    p.isNew ? `${p.organizer} lädt Sie zu diesem Termin ein.` : `${p.organizer} hat diesen Termin geändert.`,
  invitationWhen: (p) => `Wann: ${p.when}${p.repeats ? ' (wiederholt sich)' : ''}`,
  invitationAnswerHint: 'Antworten Sie mit der Schaltfläche unten oder in Ihrer Kalender-App.',
  invitationAnswerAction: 'Zusagen, vorläufig oder absagen',
  cancellationSubject: (p) => `Abgesagt: ${p.title}`,
  cancellationBody: (p) => `${p.organizer} hat diesen Termin abgesagt oder Sie davon entfernt.`,
  cancellationWas: (p) => `Er war: ${p.when}`,
  answerSubject: (p) => `${p.guest} hat ${answerWords[p.status]}: ${p.title}`,
  answerBody: (p) => `${p.guest} hat Ihre Einladung ${answerWords[p.status]}.`,
  answerWhen: (p) => `Wann: ${p.when}`,
  answerOpenCalendar: 'Kalender öffnen',
};

const answerWords: Record<AnswerStatus, string> = {
  accepted: 'zugesagt',
  tentative: 'vorläufig zugesagt',
  declined: 'abgesagt',
};
