import { Loader, Text, TextInput } from '@mantine/core';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fromZonedWallTime, toZonedWallTime } from '../../../common/zoned-time';
import { useCurrentUser } from '../../app/api';
import { useUser } from '../../app/user-resource';
import { PeoplePicker } from '../../ui/people-picker';
import { useSettings } from '../settings/api';
import type { EmailInput } from './api';
import type { Attachment } from './send-email-attachments';
import type { useSendEmailForm, SendEmailValues as Values } from './send-email-form';
import { TemplateField } from './send-email-template';

const RichTextEditor = lazy(() => import('../../ui/rich-text-editor'));

type SendEmailForm = ReturnType<typeof useSendEmailForm>;

/**
 * The viewer's addresses that may send (the primary and the verified ones; the session's until
 * they load), and whether the address clicked is one of them.
 */
export function useOwnAddresses(address: string | undefined) {
  const { data: me } = useCurrentUser();
  const myself = useUser('me');
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
  return { ownAddresses, clickedIsMine, myEmail: me?.email };
}

/**
 * The viewer's addresses arrive after the first render: From becomes the clicked address when it
 * is one of them, else the first.
 */
export function useDefaultFrom(
  form: SendEmailForm,
  firstOwn: string | undefined,
  clickedOwn: string | undefined,
) {
  useEffect(() => {
    if (form.getValues().from === null && firstOwn) form.setFieldValue('from', clickedOwn ?? firstOwn);
  }, [form, firstOwn, clickedOwn]);
}

/** What the API is sent for the form as submitted. */
export function emailInputOf(
  submitted: Values,
  context: {
    sendLater: boolean;
    timeZone: string | undefined;
    targetId: string;
    attachments: Attachment[];
    replyToId: string | undefined;
  },
): EmailInput {
  return {
    from: submitted.from ?? '',
    toRecipients: submitted.toRecipients,
    ccRecipients: submitted.ccRecipients,
    bccRecipients: submitted.bccRecipients,
    subject: submitted.subject.trim(),
    body: { type: 'html', content: submitted.body },
    sendAt: context.sendLater ? fromZonedWallTime(submitted.sendAt, context.timeZone) : undefined,
    targetUserIds: [context.targetId],
    attachmentIds: context.attachments.flatMap((item) => (item.id ? [item.id] : [])),
    inReplyToId: context.replyToId,
  };
}

/** The field's error when it is a message of its own (not one of a part's). */
export function fieldError(form: SendEmailForm, field: keyof Values) {
  const message = form.errors[field];
  return typeof message === 'string' ? message : undefined;
}

/** **To**, **Cc** and **Bcc**: users of the organization or any address. */
export function RecipientFields({ form }: { form: SendEmailForm }) {
  const { t } = useTranslation('activities');
  const values = form.getValues();
  return (
    <>
      <PeoplePicker
        label={t('email.to')}
        value={values.toRecipients}
        onChange={(value) => form.setFieldValue('toRecipients', value)}
        error={fieldError(form, 'toRecipients')}
        autoFocus={values.toRecipients.length === 0}
      />
      <PeoplePicker
        label={t('email.cc')}
        value={values.ccRecipients}
        onChange={(value) => form.setFieldValue('ccRecipients', value)}
        error={fieldError(form, 'ccRecipients')}
      />
      <PeoplePicker
        label={t('email.bcc')}
        value={values.bccRecipients}
        onChange={(value) => form.setFieldValue('bccRecipients', value)}
        error={fieldError(form, 'bccRecipients')}
      />
    </>
  );
}

/**
 * **Template**: a template rendered for the first recipient (or the user the email is about)
 * replaces Subject and Body; the placeholders it could not fill are named while they remain.
 */
export function TemplateSection({
  form,
  enabled,
  targetId,
  onBodyReplaced,
}: {
  form: SendEmailForm;
  enabled: boolean;
  targetId: string;
  onBodyReplaced: () => void;
}) {
  const { t } = useTranslation('activities');
  const [unfilled, setUnfilled] = useState<string[]>([]);
  const values = form.getValues();
  return (
    <>
      <TemplateField
        enabled={enabled}
        recipient={() => form.getValues().toRecipients[0] ?? targetId}
        onInsert={(rendered) => {
          form.setFieldValue('subject', rendered.subject);
          form.setFieldValue('body', rendered.body);
          onBodyReplaced();
          setUnfilled(rendered.unfilled);
        }}
      />
      {unfilled.length > 0 && (values.subject + values.body).includes('{{') ? (
        <Text size="sm" c="red.9" role="status">
          {t('email.unfilled', { names: unfilled.map((name) => `{{ ${name} }}`).join(', ') })}
        </Text>
      ) : null}
    </>
  );
}

/** Said when the viewer has an email signature: the server appends it. */
export function SignatureNote() {
  const { t } = useTranslation('activities');
  const settings = useSettings('user');
  const signature = settings.data?.find((setting) => setting.key === 'email.signature')?.value;
  return typeof signature === 'string' && signature.trim() ? (
    <Text size="sm" c="gray.8">
      {t('email.signatureNote')}
    </Text>
  ) : null;
}

/** **Subject**: one header line, so line breaks become spaces. */
export function SubjectField({ form }: { form: SendEmailForm }) {
  const { t } = useTranslation('activities');
  return (
    <TextInput
      label={t('email.subject')}
      required
      maxLength={998}
      {...form.getInputProps('subject')}
      onChange={(event) => form.setFieldValue('subject', event.currentTarget.value.replace(/[\r\n]+/g, ' '))}
    />
  );
}

/** **Body**: the rich text editor, loaded when the dialog opens; `version` rises when a template replaces it. */
export function BodyField({ form, version }: { form: SendEmailForm; version: number }) {
  const { t } = useTranslation('activities');
  return (
    <Suspense fallback={<Loader size="sm" aria-label={t('email.loadingEditor')} />}>
      <RichTextEditor
        label={t('email.body')}
        value={form.getValues().body}
        version={version}
        onChange={(html) => form.setFieldValue('body', html)}
        error={fieldError(form, 'body')}
      />
    </Suspense>
  );
}

/** **Send later**'s date and time, in the viewer's time zone, not in the past. */
export function SendAtField({
  form,
  inputRef,
  timeZone,
}: {
  form: SendEmailForm;
  inputRef: React.Ref<HTMLInputElement>;
  timeZone: string | undefined;
}) {
  const { t } = useTranslation('activities');
  return (
    <TextInput
      ref={inputRef}
      type="datetime-local"
      label={t('email.sendAt')}
      description={timeZone ? t('zone.named', { zone: timeZone }) : t('zone.yours')}
      required
      min={toZonedWallTime(new Date().toISOString(), timeZone)}
      {...form.getInputProps('sendAt')}
    />
  );
}
