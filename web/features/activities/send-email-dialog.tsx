import { Button, Select } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../ui/form-dialog';
import { useViewerTimeZone } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { type EmailResource, useSendEmail } from './api';
import { AttachmentsField, useAttachments } from './send-email-attachments';
import { useSendEmailForm } from './send-email-form';
import {
  BodyField,
  emailInputOf,
  fieldError,
  RecipientFields,
  SendAtField,
  SignatureNote,
  SubjectField,
  TemplateSection,
  useDefaultFrom,
  useOwnAddresses,
} from './send-email-parts';
import '../../i18n/lazy/activities';

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
 * **Send later**: whether the dialog schedules the email; `isScheduling` reads it for the form's
 * rules, which run outside a render; `startScheduling` shows **Send at** and moves the focus to it.
 */
function useSendLater() {
  const [scheduling, setScheduling] = useState(false);
  const sendAtRef = useRef<HTMLInputElement>(null);
  const schedulingRef = useRef(scheduling);
  schedulingRef.current = scheduling;
  const startScheduling = () => {
    setScheduling(true);
    requestAnimationFrame(() => sendAtRef.current?.focus());
  };
  return { scheduling, isScheduling: () => schedulingRef.current, sendAtRef, startScheduling };
}

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
  const timeZone = useViewerTimeZone();
  const send = useSendEmail();

  const { ownAddresses, clickedIsMine, myEmail } = useOwnAddresses(address);

  const [bodyVersion, setBodyVersion] = useState(0);
  const {
    attachments,
    current: currentAttachments,
    uploading,
    addFiles,
    removeAttachment,
  } = useAttachments(() => form.clearFieldError('attachments'));
  const { scheduling, isScheduling, sendAtRef, startScheduling } = useSendLater();

  const form = useSendEmailForm({
    address,
    clickedIsMine,
    replyTo,
    myEmail,
    timeZone,
    isScheduling,
    uploads: () => currentAttachments.current,
  });

  useDefaultFrom(form, ownAddresses[0], clickedIsMine ? address : undefined);
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
      onSubmit={(submitted) =>
        send.mutateAsync(
          emailInputOf(submitted, {
            sendLater: scheduling,
            timeZone,
            targetId: target.id,
            attachments,
            replyToId: replyTo?.id,
          }),
        )
      }
      onSuccess={(document) =>
        notifySuccess(t(document.data.attributes.status === 'scheduled' ? 'email.scheduled' : 'email.queued'))
      }
      footerActions={
        scheduling ? null : (
          <Button variant="default" onClick={startScheduling}>
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
      <RecipientFields form={form} />
      <SubjectField form={form} />
      {replyTo ? null : (
        <TemplateSection
          form={form}
          enabled={opened}
          targetId={target.id}
          onBodyReplaced={() => setBodyVersion((version) => version + 1)}
        />
      )}
      <BodyField form={form} version={bodyVersion} />
      <SignatureNote />
      <AttachmentsField
        attachments={attachments}
        addFiles={addFiles}
        removeAttachment={removeAttachment}
        error={fieldError(form, 'attachments')}
      />
      {scheduling ? <SendAtField form={form} inputRef={sendAtRef} timeZone={timeZone} /> : null}
    </FormDialog>
  );
}
