import { oneLine, registerMailTemplate } from '../../platform/mail/templates/index';
import { emailChangedMailCatalogs } from './mail-messages';

export type EmailChangedMail = { name: string; oldEmail: string; newEmail: string };

declare module '../../platform/mail/templates/registry' {
  interface MailTemplates {
    'email-changed': EmailChangedMail;
  }
}

registerMailTemplate({
  name: 'email-changed',
  messages: emailChangedMailCatalogs,
  build: (data, { t }) => ({
    subject: t.emailChangedSubject(),
    heading: t.emailChangedHeading(),
    greeting: t.greeting({ name: oneLine(data.name) }),
    paragraphs: [t.emailChangedBody({ oldEmail: oneLine(data.oldEmail), newEmail: oneLine(data.newEmail) })],
    after: [t.emailChangedNotYou()],
  }),
});
