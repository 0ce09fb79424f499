import { isolate } from '../../platform/mail/templates/messages/ar';
import type { MailCatalogs } from '../../platform/mail/templates/registry';
import type { AnswerStatus } from './answers';

/** A guest's answer as each language's sentence says it. */
const enAnswerWords: Record<AnswerStatus, string> = {
  accepted: 'accepted',
  tentative: 'tentatively accepted',
  declined: 'declined',
};

const deAnswerWords: Record<AnswerStatus, string> = {
  accepted: 'zugesagt',
  tentative: 'vorläufig zugesagt',
  declined: 'abgesagt',
};

const frAnswerWords: Record<AnswerStatus, string> = {
  accepted: 'accepté',
  tentative: 'provisoirement accepté',
  declined: 'refusé',
};

const arAnswerWords: Record<AnswerStatus, string> = {
  accepted: 'قبِل',
  tentative: 'قبِل مبدئيًا',
  declined: 'رفض',
};

/**
 * The invitation emails (invitation, cancellation, answer): English, the reference the other languages are checked against. Functions rather
 * than format strings, so a language can decide word order and plurals itself.
 */
const en = {
  invitationSubject: (p: { title: string; isNew: boolean }) =>
    `${p.isNew ? 'Invitation' : 'Updated invitation'}: ${p.title}`,
  invitationBody: (p: { organizer: string; isNew: boolean }) =>
    `${p.organizer} ${p.isNew ? 'invites you to' : 'changed'} this event.`,
  invitationWhen: (p: { when: string; repeats: boolean }) =>
    `When: ${p.when}${p.repeats ? ' (repeats)' : ''}`,
  invitationAnswerHint: 'Answer with the button below, or in your calendar application.',
  invitationAnswerAction: 'Accept, Tentative or Decline',
  cancellationSubject: (p: { title: string }) => `Cancelled: ${p.title}`,
  cancellationBody: (p: { organizer: string }) =>
    `${p.organizer} cancelled this event, or removed you from it.`,
  cancellationWas: (p: { when: string }) => `It was: ${p.when}`,
  answerSubject: (p: { guest: string; status: AnswerStatus; title: string }) =>
    `${p.guest} ${enAnswerWords[p.status]}: ${p.title}`,
  answerBody: (p: { guest: string; status: AnswerStatus }) =>
    `${p.guest} ${enAnswerWords[p.status]} your invitation.`,
  answerWhen: (p: { when: string }) => `When: ${p.when}`,
  answerOpenCalendar: 'Open the calendar',
};

export type InvitationMailMessages = typeof en;

const de: InvitationMailMessages = {
  invitationSubject: (p) => `${p.isNew ? 'Einladung' : 'Geänderte Einladung'}: ${p.title}`,
  invitationBody: (p) =>
    p.isNew ? `${p.organizer} lädt Sie zu diesem Termin ein.` : `${p.organizer} hat diesen Termin geändert.`,
  invitationWhen: (p) => `Wann: ${p.when}${p.repeats ? ' (wiederholt sich)' : ''}`,
  invitationAnswerHint: 'Antworten Sie mit der Schaltfläche unten oder in Ihrer Kalender-App.',
  invitationAnswerAction: 'Zusagen, vorläufig oder absagen',
  cancellationSubject: (p) => `Abgesagt: ${p.title}`,
  cancellationBody: (p) => `${p.organizer} hat diesen Termin abgesagt oder Sie davon entfernt.`,
  cancellationWas: (p) => `Er war: ${p.when}`,
  answerSubject: (p) => `${p.guest} hat ${deAnswerWords[p.status]}: ${p.title}`,
  answerBody: (p) => `${p.guest} hat Ihre Einladung ${deAnswerWords[p.status]}.`,
  answerWhen: (p) => `Wann: ${p.when}`,
  answerOpenCalendar: 'Kalender öffnen',
};

const fr: InvitationMailMessages = {
  invitationSubject: (p) => `${p.isNew ? 'Invitation' : 'Invitation modifiée'} : ${p.title}`,
  invitationBody: (p) =>
    p.isNew ? `${p.organizer} vous invite à cet événement.` : `${p.organizer} a modifié cet événement.`,
  invitationWhen: (p) => `Quand : ${p.when}${p.repeats ? ' (périodique)' : ''}`,
  invitationAnswerHint: 'Répondez avec le bouton ci-dessous, ou dans votre application de calendrier.',
  invitationAnswerAction: 'Accepter, provisoire ou refuser',
  cancellationSubject: (p) => `Annulé : ${p.title}`,
  cancellationBody: (p) => `${p.organizer} a annulé cet événement, ou vous en a retiré.`,
  cancellationWas: (p) => `Il était prévu : ${p.when}`,
  answerSubject: (p) => `${p.guest} a ${frAnswerWords[p.status]} : ${p.title}`,
  answerBody: (p) => `${p.guest} a ${frAnswerWords[p.status]} votre invitation.`,
  answerWhen: (p) => `Quand : ${p.when}`,
  answerOpenCalendar: 'Ouvrir le calendrier',
};

const ar: InvitationMailMessages = {
  invitationSubject: (p) => `${p.isNew ? 'دعوة' : 'دعوة معدَّلة'}: ${isolate(p.title)}`,
  invitationBody: (p) =>
    p.isNew ? `يدعوك ${isolate(p.organizer)} إلى هذا الحدث.` : `عدّل ${isolate(p.organizer)} هذا الحدث.`,
  invitationWhen: (p) => `الموعد: ${isolate(p.when)}${p.repeats ? ' (متكرر)' : ''}`,
  invitationAnswerHint: 'ردّ بالزر أدناه، أو في تطبيق التقويم لديك.',
  invitationAnswerAction: 'قبول أو مبدئي أو رفض',
  cancellationSubject: (p) => `أُلغي: ${isolate(p.title)}`,
  cancellationBody: (p) => `ألغى ${isolate(p.organizer)} هذا الحدث، أو أزالك منه.`,
  cancellationWas: (p) => `كان موعده: ${isolate(p.when)}`,
  answerSubject: (p) => `${isolate(p.guest)} ${arAnswerWords[p.status]}: ${isolate(p.title)}`,
  answerBody: (p) => `${isolate(p.guest)} ${arAnswerWords[p.status]} دعوتك.`,
  answerWhen: (p) => `الموعد: ${isolate(p.when)}`,
  answerOpenCalendar: 'فتح التقويم',
};

/** Every language's words, for `registerMailTemplate`; a missing entry falls back to English. */
export const invitationMailCatalogs: MailCatalogs<InvitationMailMessages> = { en, de, fr, ar };
