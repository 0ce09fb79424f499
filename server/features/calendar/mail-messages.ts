import type { MailCatalogs } from '../../platform/mail/templates/registry';

/**
 * The invitation emails (invitation, cancellation, answer): ICU messages, English the reference
 * the other languages are checked against. `{isNew}` and `{repeats}` choose by `true`/`false`,
 * `{status}` by the guest's answer (`accepted`, `tentative`, `declined`).
 */
const en = {
  invitationSubject: '{isNew, select, true {Invitation} other {Updated invitation}}: {title}',
  invitationBody:
    '{isNew, select, true {{organizer} invites you to this event.} other {{organizer} changed this event.}}',
  invitationWhen: 'When: {when}{repeats, select, true { (repeats)} other {}}',
  invitationAnswerHint: 'Answer with the button below, or in your calendar application.',
  invitationAnswerAction: 'Accept, Tentative or Decline',
  cancellationSubject: 'Cancelled: {title}',
  cancellationBody: '{organizer} cancelled this event, or removed you from it.',
  cancellationWas: 'It was: {when}',
  answerSubject:
    '{status, select, accepted {{guest} accepted} tentative {{guest} tentatively accepted} other {{guest} declined}}: {title}',
  answerBody:
    '{status, select, accepted {{guest} accepted} tentative {{guest} tentatively accepted} other {{guest} declined}} your invitation.',
  answerWhen: 'When: {when}',
  answerOpenCalendar: 'Open the calendar',
};

export type InvitationMailMessages = typeof en;

const de: InvitationMailMessages = {
  invitationSubject: '{isNew, select, true {Einladung} other {Geänderte Einladung}}: {title}',
  invitationBody:
    '{isNew, select, true {{organizer} lädt Sie zu diesem Termin ein.} other {{organizer} hat diesen Termin geändert.}}',
  invitationWhen: 'Wann: {when}{repeats, select, true { (wiederholt sich)} other {}}',
  invitationAnswerHint: 'Antworten Sie mit der Schaltfläche unten oder in Ihrer Kalender-App.',
  invitationAnswerAction: 'Zusagen, vorläufig oder absagen',
  cancellationSubject: 'Abgesagt: {title}',
  cancellationBody: '{organizer} hat diesen Termin abgesagt oder Sie davon entfernt.',
  cancellationWas: 'Er war: {when}',
  answerSubject:
    '{status, select, accepted {{guest} hat zugesagt} tentative {{guest} hat vorläufig zugesagt} other {{guest} hat abgesagt}}: {title}',
  answerBody:
    '{status, select, accepted {{guest} hat Ihre Einladung zugesagt.} tentative {{guest} hat Ihre Einladung vorläufig zugesagt.} other {{guest} hat Ihre Einladung abgesagt.}}',
  answerWhen: 'Wann: {when}',
  answerOpenCalendar: 'Kalender öffnen',
};

const fr: InvitationMailMessages = {
  invitationSubject: '{isNew, select, true {Invitation} other {Invitation modifiée}} : {title}',
  invitationBody:
    '{isNew, select, true {{organizer} vous invite à cet événement.} other {{organizer} a modifié cet événement.}}',
  invitationWhen: 'Quand : {when}{repeats, select, true { (périodique)} other {}}',
  invitationAnswerHint: 'Répondez avec le bouton ci-dessous, ou dans votre application de calendrier.',
  invitationAnswerAction: 'Accepter, provisoire ou refuser',
  cancellationSubject: 'Annulé : {title}',
  cancellationBody: '{organizer} a annulé cet événement, ou vous en a retiré.',
  cancellationWas: 'Il était prévu : {when}',
  answerSubject:
    '{status, select, accepted {{guest} a accepté} tentative {{guest} a provisoirement accepté} other {{guest} a refusé}} : {title}',
  answerBody:
    '{status, select, accepted {{guest} a accepté votre invitation.} tentative {{guest} a provisoirement accepté votre invitation.} other {{guest} a refusé votre invitation.}}',
  answerWhen: 'Quand : {when}',
  answerOpenCalendar: 'Ouvrir le calendrier',
};

const ar: InvitationMailMessages = {
  invitationSubject: '{isNew, select, true {دعوة} other {دعوة معدَّلة}}: {title}',
  invitationBody:
    '{isNew, select, true {يدعوك {organizer} إلى هذا الحدث.} other {عدّل {organizer} هذا الحدث.}}',
  invitationWhen: 'الموعد: {when}{repeats, select, true { (متكرر)} other {}}',
  invitationAnswerHint: 'ردّ بالزر أدناه، أو في تطبيق التقويم لديك.',
  invitationAnswerAction: 'قبول أو مبدئي أو رفض',
  cancellationSubject: 'أُلغي: {title}',
  cancellationBody: 'ألغى {organizer} هذا الحدث، أو أزالك منه.',
  cancellationWas: 'كان موعده: {when}',
  answerSubject:
    '{status, select, accepted {{guest} قبِل} tentative {{guest} قبِل مبدئيًا} other {{guest} رفض}}: {title}',
  answerBody:
    '{status, select, accepted {{guest} قبِل دعوتك.} tentative {{guest} قبِل مبدئيًا دعوتك.} other {{guest} رفض دعوتك.}}',
  answerWhen: 'الموعد: {when}',
  answerOpenCalendar: 'فتح التقويم',
};

/** Every language's words, for `registerMailTemplate`; a missing entry falls back to English. */
export const invitationMailCatalogs: MailCatalogs<InvitationMailMessages> = { en, de, fr, ar };
