import { paths } from '../../../common/paths';
import {
  appUrl,
  formatDateTime,
  oneLine,
  registerMailTemplate,
  tokenUrl,
} from '../../platform/mail/templates/index';
import type { EmailContent } from '../../platform/mail/templates/layout';
import { passwordMailCatalogs } from './mail-messages';

export type PasswordChangedMail = {
  name: string;
  /** ISO timestamp */
  changedAt: string;
  byAdministrator: boolean;
  /** Only when the organization setting "Include the new password in the email" is on. */
  newPassword?: string;
};

/** Link: PUBLIC_URL/password-reset#token=<token> */
export type PasswordResetMail = {
  name: string;
  token: string;
  expiresInHours: number;
  byAdministrator: boolean;
};

declare module '../../platform/mail/templates/registry' {
  interface MailTemplates {
    'password-changed': PasswordChangedMail;
    'password-reset': PasswordResetMail;
  }
}

registerMailTemplate({
  name: 'password-changed',
  messages: passwordMailCatalogs,
  build: (data, { t, locale, timeZone, publicUrl }) => {
    const when = formatDateTime(data.changedAt, locale, timeZone);
    const content: EmailContent = {
      subject: t.passwordChangedSubject(),
      heading: t.passwordChangedHeading(),
      greeting: t.greeting({ name: oneLine(data.name) }),
      paragraphs: [
        data.byAdministrator ? t.passwordChangedByAdministrator({ when }) : t.passwordChangedBySelf({ when }),
      ],
      action: { label: t.passwordChangedAction(), url: appUrl(publicUrl, paths.signIn) },
      after: [t.passwordChangedNotYou()],
    };
    if (data.newPassword !== undefined) {
      content.paragraphs.push(t.passwordChangedNewPassword());
      content.secret = data.newPassword;
      content.after = [t.passwordChangedNewPasswordAdvice(), ...(content.after ?? [])];
    }
    return content;
  },
});

registerMailTemplate({
  name: 'password-reset',
  messages: passwordMailCatalogs,
  build: (data, { t, publicUrl }) => ({
    subject: t.passwordResetSubject(),
    heading: t.passwordResetHeading(),
    greeting: t.greeting({ name: oneLine(data.name) }),
    paragraphs: [data.byAdministrator ? t.passwordResetByAdministrator() : t.passwordResetBySelf()],
    action: { label: t.passwordResetAction(), url: tokenUrl(publicUrl, paths.passwordReset, data.token) },
    after: [
      t.passwordResetExpiry({ count: data.expiresInHours }),
      ...(data.byAdministrator ? [] : [t.passwordResetIgnore()]),
    ],
  }),
});
