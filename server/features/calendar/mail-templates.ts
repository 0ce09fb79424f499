import { paths } from '../../../common/paths';
import { appUrl, oneLine, registerMailTemplate, withProductName } from '../../platform/mail/templates/index';
import type { AnswerStatus } from './answers';
import { invitationMailCatalogs } from './mail-messages';

/**
 * A calendar invitation (new or changed) to a guest: the organizer's name, the event's title and
 * when it takes place as the guest reads it (formatted by the caller), a path to the answer page.
 */
export type InvitationMail = {
  organizer: string;
  title: string;
  when: string;
  repeats: boolean;
  isNew: boolean;
  path: string;
};

/** The guest is no longer invited: the event was cancelled or they were removed from it. */
export type InvitationCancelledMail = { organizer: string; title: string; when: string };

/** A guest's answer, to the organizer. */
export type InvitationAnswerMail = {
  /** "Name <address>" (or the address) in the text; the name alone in the subject. */
  guest: string;
  guestName: string;
  status: AnswerStatus;
  title: string;
  when: string;
};

declare module '../../platform/mail/templates/registry' {
  interface MailTemplates {
    invitation: InvitationMail;
    'invitation-cancelled': InvitationCancelledMail;
    'invitation-answer': InvitationAnswerMail;
  }
}

registerMailTemplate({
  name: 'invitation',
  messages: invitationMailCatalogs,
  build: (data, { t, publicUrl }) => ({
    subject: withProductName(t.invitationSubject({ title: oneLine(data.title), isNew: data.isNew }), t),
    heading: oneLine(data.title),
    paragraphs: [
      t.invitationBody({ organizer: oneLine(data.organizer), isNew: data.isNew }),
      t.invitationWhen({ when: data.when, repeats: data.repeats }),
      t.invitationAnswerHint(),
    ],
    action: { label: t.invitationAnswerAction(), url: appUrl(publicUrl, data.path) },
  }),
});

registerMailTemplate({
  name: 'invitation-cancelled',
  messages: invitationMailCatalogs,
  build: (data, { t }) => ({
    subject: withProductName(t.cancellationSubject({ title: oneLine(data.title) }), t),
    heading: oneLine(data.title),
    paragraphs: [
      t.cancellationBody({ organizer: oneLine(data.organizer) }),
      t.cancellationWas({ when: data.when }),
    ],
  }),
});

registerMailTemplate({
  name: 'invitation-answer',
  messages: invitationMailCatalogs,
  build: (data, { t, publicUrl }) => ({
    subject: withProductName(
      t.answerSubject({ guest: oneLine(data.guestName), status: data.status, title: oneLine(data.title) }),
      t,
    ),
    heading: oneLine(data.title),
    paragraphs: [
      t.answerBody({ guest: oneLine(data.guest), status: data.status }),
      t.answerWhen({ when: data.when }),
    ],
    action: { label: t.answerOpenCalendar(), url: appUrl(publicUrl, paths.myCalendar) },
  }),
});
