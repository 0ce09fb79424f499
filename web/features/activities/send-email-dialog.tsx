import { Button, Loader, Select, Text, TextInput } from '@mantine/core';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fromZonedWallTime, toZonedWallTime } from '../../../common/zoned-time';
import { useCurrentUser } from '../../app/api';
import { useUser } from '../../app/user-resource';
import { FormDialog } from '../../ui/form-dialog';
import { useViewerTimeZone } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { PeoplePicker } from '../../ui/people-picker';
import { useSettings } from '../settings/api';
import { type EmailInput, type EmailResource, useSendEmail } from './api';
import { AttachmentsField, useAttachments } from './send-email-attachments';
import { useSendEmailForm, type SendEmailValues as Values } from './send-email-form';
import { TemplateField } from './send-email-template';
import '../../i18n/lazy/activities';

const RichTextEditor = lazy(() => import('../../ui/rich-text-editor'));

/** Who the email is about: the user whose page it was sent from (its activity target). */
export type EmailTarget = { id: string; name: string; email: string };

export type SendEmailDialogProps = {
  opened: boolean;
  onClose: () => void;
  target: EmailTarget;
  /** The address clicked: From when it is one of the viewer's own verified addresses, else To. */
  address?: string | undefined;
  /** The email answered by **Reply**. */
  replyTo?: EmailResource | undefined;
};

/** The API's pointers that name a part of a field (`/toRecipients/2`, `/body/content`). */
const POINTERS = {
  '/data/attributes/toRecipients': 'toRecipients',
  '/data/attributes/ccRecipients': 'ccRecipients',
  '/data/attributes/bccRecipients': 'bccRecipients',
  '/data/attributes/body': 'body',
  '/data/relationships/attachments': 'attachments',
} as const;

/**
 * The **Send Email** dialog: **From** (the viewer's primary and verified addresses; read-only when
 * there is one), **To**, **Cc**, **Bcc**, **Subject**, **Template**, **Body**,
 * **Attachments** (uploaded at once, with progress; the server appends the signature), **Send** and
 * **Send later**. At least one recipient in any of the three fields. On `@mantine/form` +
 * `FormDialog`: the client rules below, then the server's errors routed to their fields (an
 * address's error to its list, the body's to Body). Mount it when it opens: the form starts from
 * its props.
 */
export function SendEmailDialog({ opened, onClose, target, address, replyTo }: SendEmailDialogProps) {
  const { t } = useTranslation('activities');
  const { data: me } = useCurrentUser();
  const myself = useUser('me');
  const timeZone = useViewerTimeZone();
  const settings = useSettings('user');
  const signature = settings.data?.find((setting) => setting.key === 'email.signature')?.value;
  const send = useSendEmail();

  const ownAddresses = myself.data
    ? [
        myself.data.attributes.email,
        ...myself.data.attributes.additionalEmails.filter((item) => item.verified).map((item) => item.email),
      ]
    : me
      ? [me.email]
      : [];
  const clickedIsMine =
    address !== undefined && ownAddresses.some((own) => own.toLowerCase() === address.toLowerCase());

  const [bodyVersion, setBodyVersion] = useState(0);
  const [unfilled, setUnfilled] = useState<string[]>([]);
  const {
    attachments,
    current: currentAttachments,
    uploading,
    addFiles,
    removeAttachment,
  } = useAttachments(() => form.clearFieldError('attachments'));
  const [scheduling, setScheduling] = useState(false);
  const sendAtRef = useRef<HTMLInputElement>(null);
  const schedulingRef = useRef(scheduling);
  schedulingRef.current = scheduling;

  const form = useSendEmailForm({
    address,
    clickedIsMine,
    replyTo,
    myEmail: me?.email,
    timeZone,
    isScheduling: () => schedulingRef.current,
    uploads: () => currentAttachments.current,
  });
  const values = form.getValues();

  // The viewer's addresses arrive after the first render: the first is From unless one was clicked.
  const firstOwn = ownAddresses[0];
  useEffect(() => {
    if (form.getValues().from === null && firstOwn)
      form.setFieldValue('from', clickedIsMine ? (address ?? firstOwn) : firstOwn);
  }, [form, firstOwn, clickedIsMine, address]);
  const toInput = (submitted: Values): EmailInput => ({
    from: submitted.from ?? '',
    toRecipients: submitted.toRecipients,
    ccRecipients: submitted.ccRecipients,
    bccRecipients: submitted.bccRecipients,
    subject: submitted.subject.trim(),
    body: { type: 'html', content: submitted.body },
    sendAt: scheduling ? fromZonedWallTime(submitted.sendAt, timeZone) : undefined,
    targetUserIds: [target.id],
    attachmentIds: attachments.flatMap((item) => (item.id ? [item.id] : [])),
    inReplyToId: replyTo?.id,
  });

  const error = (field: keyof Values) => {
    const message = form.errors[field];
    return typeof message === 'string' ? message : undefined;
  };
  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={replyTo ? t('email.replyTitle') : t('email.title')}
      failureTitle={t('email.failed')}
      form={form}
      size="xl"
      pointers={POINTERS}
      submitLabel={scheduling ? t('email.schedule') : t('email.send')}
      submitDisabled={uploading}
      onSubmit={(submitted) => send.mutateAsync(toInput(submitted))}
      onSuccess={(document) =>
        notifySuccess(
          document.data.attributes.status === 'scheduled' ? t('email.scheduled') : t('email.queued'),
        )
      }
      footerActions={
        scheduling ? null : (
          <Button
            variant="default"
            onClick={() => {
              setScheduling(true);
              requestAnimationFrame(() => sendAtRef.current?.focus());
            }}
          >
            {t('email.sendLater')}
          </Button>
        )
      }
    >
      <Select
        label={t('email.from')}
        required
        data={ownAddresses}
        {...form.getInputProps('from')}
        readOnly={ownAddresses.length <= 1}
        allowDeselect={false}
      />
      <PeoplePicker
        label={t('email.to')}
        value={values.toRecipients}
        onChange={(value) => form.setFieldValue('toRecipients', value)}
        error={error('toRecipients')}
        autoFocus={values.toRecipients.length === 0}
      />
      <PeoplePicker
        label={t('email.cc')}
        value={values.ccRecipients}
        onChange={(value) => form.setFieldValue('ccRecipients', value)}
        error={error('ccRecipients')}
      />
      <PeoplePicker
        label={t('email.bcc')}
        value={values.bccRecipients}
        onChange={(value) => form.setFieldValue('bccRecipients', value)}
        error={error('bccRecipients')}
      />
      <TextInput
        label={t('email.subject')}
        required
        maxLength={998}
        {...form.getInputProps('subject')}
        // A subject is one header line: line breaks become spaces.
        onChange={(event) =>
          form.setFieldValue('subject', event.currentTarget.value.replace(/[\r\n]+/g, ' '))
        }
      />
      {replyTo ? null : (
        <TemplateField
          enabled={opened}
          recipient={() => form.getValues().toRecipients[0] ?? target.id}
          onInsert={(rendered) => {
            form.setFieldValue('subject', rendered.subject);
            form.setFieldValue('body', rendered.body);
            setBodyVersion((version) => version + 1);
            setUnfilled(rendered.unfilled);
          }}
        />
      )}
      {unfilled.length > 0 && (values.subject + values.body).includes('{{') ? (
        <Text size="sm" c="red.9" role="status">
          {t('email.unfilled', { names: unfilled.map((name) => `{{ ${name} }}`).join(', ') })}
        </Text>
      ) : null}
      <Suspense fallback={<Loader size="sm" aria-label={t('email.loadingEditor')} />}>
        <RichTextEditor
          label={t('email.body')}
          value={values.body}
          version={bodyVersion}
          onChange={(html) => form.setFieldValue('body', html)}
          error={error('body')}
        />
      </Suspense>
      {typeof signature === 'string' && signature.trim() ? (
        <Text size="sm" c="gray.8">
          {t('email.signatureNote')}
        </Text>
      ) : null}
      <AttachmentsField
        attachments={attachments}
        addFiles={addFiles}
        removeAttachment={removeAttachment}
        error={error('attachments')}
      />
      {scheduling ? (
        <TextInput
          ref={sendAtRef}
          type="datetime-local"
          label={t('email.sendAt')}
          description={timeZone ? t('zone.named', { zone: timeZone }) : t('zone.yours')}
          required
          min={toZonedWallTime(new Date().toISOString(), timeZone)}
          {...form.getInputProps('sendAt')}
        />
      ) : null}
    </FormDialog>
  );
}
