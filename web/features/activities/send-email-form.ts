import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { fromZonedWallTime } from '../../../common/zoned-time';
import { addressOf } from '../../ui/addresses';
import type { EmailResource } from './api';
import type { Attachment } from './send-email-attachments';

function replySubject(subject: string): string {
  return /^re:/i.test(subject.trim()) ? subject : `Re: ${subject}`;
}

/** The form's fields, named as the API's attributes so its errors find them. */
export type SendEmailValues = {
  from: string | null;
  toRecipients: string[];
  ccRecipients: string[];
  bccRecipients: string[];
  subject: string;
  /** the editor's HTML */
  body: string;
  /** `YYYY-MM-DDTHH:mm` in the viewer's time zone, for **Send later** */
  sendAt: string;
  /** not a value: where the attachments' errors show */
  attachments: null;
};

/**
 * The Send Email form: its first values (From the address clicked when it is the viewer's own,
 * else To; a reply's subject and recipients) and its client rules. `isScheduling` and `uploads`
 * are read when the form validates, as they are then.
 */
export function useSendEmailForm(options: {
  address: string | undefined;
  clickedIsMine: boolean;
  replyTo: EmailResource | undefined;
  myEmail: string | undefined;
  timeZone: string | undefined;
  isScheduling: () => boolean;
  uploads: () => Attachment[];
}) {
  const { address, clickedIsMine, replyTo, myEmail, timeZone } = options;
  const { t } = useTranslation('activities');
  return useForm<SendEmailValues>({
    initialValues: {
      from: clickedIsMine ? (address ?? null) : null,
      toRecipients: (() => {
        if (!replyTo) return address && !clickedIsMine ? [address] : [];
        // A reply to one's own email goes to its recipients again; else to its sender.
        const sentByMe = addressOf(replyTo.attributes.from)?.toLowerCase() === myEmail?.toLowerCase();
        return sentByMe ? replyTo.attributes.toRecipients : [replyTo.attributes.from];
      })(),
      ccRecipients: [],
      bccRecipients: [],
      subject: replyTo ? replySubject(replyTo.attributes.subject) : '',
      body: '<p></p>',
      sendAt: '',
      attachments: null,
    },
    validate: (values) => {
      const problems: Record<string, string> = {};
      if (!values.from) problems.from = t('email.fromRequired');
      if (values.toRecipients.length + values.ccRecipients.length + values.bccRecipients.length === 0)
        problems.toRecipients = t('email.recipientRequired');
      for (const field of ['toRecipients', 'ccRecipients', 'bccRecipients'] as const) {
        const bad = values[field].filter((item) => !addressOf(item));
        if (bad.length > 0) problems[field] = t('email.notAnAddress', { list: bad.join(', ') });
      }
      if (!values.subject.trim()) problems.subject = t('email.subjectRequired');
      if (options.isScheduling()) {
        const at = fromZonedWallTime(values.sendAt, timeZone);
        if (!at) problems.sendAt = t('email.sendAtRequired');
        else if (Date.parse(at) <= Date.now()) problems.sendAt = t('email.sendAtPast');
      }
      // The uploads as they are at submit time.
      const uploads = options.uploads();
      if (uploads.some((item) => !item.id && !item.error)) problems.attachments = t('email.waitForUploads');
      else if (uploads.some((item) => item.error)) problems.attachments = t('email.removeFailedUploads');
      return problems;
    },
  });
}
