import { paths } from '../../../common/paths';
import { oneLine, registerMailTemplate, tokenUrl } from '../../platform/mail/templates/index';
import { emailVerificationMailCatalogs } from './mail-messages';

/** Link: PUBLIC_URL/verify-email#token=<token> */
export type EmailVerificationMail = { name: string; email: string; token: string; expiresInHours: number };

declare module '../../platform/mail/templates/registry' {
  interface MailTemplates {
    'email-verification': EmailVerificationMail;
  }
}

registerMailTemplate({
  name: 'email-verification',
  messages: emailVerificationMailCatalogs,
  build: (data, { t, publicUrl }) => ({
    subject: t.emailVerificationSubject(),
    heading: t.emailVerificationHeading(),
    greeting: t.greeting({ name: oneLine(data.name) }),
    paragraphs: [t.emailVerificationBody({ email: oneLine(data.email) })],
    action: { label: t.emailVerificationAction(), url: tokenUrl(publicUrl, paths.verifyEmail, data.token) },
    after: [t.emailVerificationExpiry({ count: data.expiresInHours }), t.emailVerificationIgnore()],
  }),
});
