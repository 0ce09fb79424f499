import {
  ActionIcon,
  Button,
  FileButton,
  Group,
  Loader,
  Modal,
  Progress,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPaperclip, IconX } from '@tabler/icons-react';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fromZonedWallTime, toZonedWallTime } from '../../../common/zoned-time';
import { ApiError, fieldErrors, useCurrentUser } from '../../app/api';
import { FailureAlert } from '../../ui/feedback';
import { notifySuccess } from '../../ui/notify';
import { useSettings } from '../settings/api';
import { useUser } from '../users/api';
import { useViewerTimeZone } from '../users/format';
import { addressOf } from './addresses';
import { type EmailResource, renderEmailTemplate, uploadFile, useEmailTemplates, useSendEmail } from './api';
import { PeoplePicker } from './people-picker';

const RichTextEditor = lazy(() => import('./rich-text-editor'));

/** The largest attachment the dialog uploads (the server's default limit, issue 13 item 2). */
const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

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

type Attachment = {
  key: string;
  file: File;
  progress: number;
  id?: string;
  error?: string;
  controller: AbortController;
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function replySubject(subject: string): string {
  return /^re:/i.test(subject.trim()) ? subject : `Re: ${subject}`;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The **Send Email** dialog: **From** (the viewer's primary and verified addresses; read-only when
 * there is one), **To**, **Cc**, **Bcc**, **Subject**, **Template**, **Body**,
 * **Attachments** (uploaded at once, with progress; the server appends the signature), **Send** and **Send later**. At least one
 * recipient in any of the three fields. Mount it when it opens: the form starts from its props.
 */
export function SendEmailDialog({ opened, onClose, target, address, replyTo }: SendEmailDialogProps) {
  const { t } = useTranslation('activities');
  const { data: me } = useCurrentUser();
  const myself = useUser('me');
  const timeZone = useViewerTimeZone();
  const settings = useSettings('user');
  const signature = settings.data?.find((setting) => setting.key === 'email.signature')?.value;
  const templates = useEmailTemplates(opened && !replyTo);
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

  const [from, setFrom] = useState<string | null>(clickedIsMine ? (address ?? null) : null);
  const [to, setTo] = useState<string[]>(() => {
    if (!replyTo) return address && !clickedIsMine ? [address] : [];
    // A reply to one's own email goes to its recipients again; else to its sender.
    const sentByMe = addressOf(replyTo.attributes.from)?.toLowerCase() === me?.email.toLowerCase();
    return sentByMe ? replyTo.attributes.toRecipients : [replyTo.attributes.from];
  });
  const [cc, setCc] = useState<string[]>([]);
  const [bcc, setBcc] = useState<string[]>([]);
  const [subject, setSubject] = useState(replyTo ? replySubject(replyTo.attributes.subject) : '');
  const [body, setBody] = useState('<p></p>');
  const [bodyVersion, setBodyVersion] = useState(0);
  const [template, setTemplate] = useState<string | null>(null);
  const [templateLoading, setTemplateLoading] = useState(false);
  const [unfilled, setUnfilled] = useState<string[]>([]);
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [scheduling, setScheduling] = useState(false);
  const [sendAt, setSendAt] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | undefined>();
  const sendAtRef = useRef<HTMLInputElement>(null);

  // The viewer's addresses arrive after the first render: the first is From unless one was clicked.
  useEffect(() => {
    if (from === null && ownAddresses[0])
      setFrom(clickedIsMine ? (address ?? ownAddresses[0]) : ownAddresses[0]);
  }, [from, ownAddresses, clickedIsMine, address]);
  // Uploads still running stop when the dialog goes.
  const attachmentsRef = useRef(attachments);
  attachmentsRef.current = attachments;
  useEffect(
    () => () => {
      for (const item of attachmentsRef.current) item.controller.abort();
    },
    [],
  );

  const clearError = (field: string) => setErrors(({ [field]: _dropped, ...rest }) => rest);

  const addFiles = (files: File[]) => {
    for (const file of files) {
      const key = `${file.name}-${file.size}-${Math.random()}`;
      const controller = new AbortController();
      const item: Attachment = { key, file, progress: 0, controller };
      if (file.size > MAX_ATTACHMENT_BYTES) {
        setAttachments((current) => [...current, { ...item, error: t('email.tooLarge') }]);
        continue;
      }
      setAttachments((current) => [...current, item]);
      const patch = (change: Partial<Attachment>) =>
        setAttachments((current) =>
          current.map((entry) => (entry.key === key ? { ...entry, ...change } : entry)),
        );
      uploadFile(file, (progress) => patch({ progress }), controller.signal)
        .then((uploaded) => patch({ id: uploaded.id, progress: 1 }))
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          patch({ error: error instanceof ApiError ? error.message : t('email.uploadFailed') });
        });
    }
  };

  const removeAttachment = (key: string) =>
    setAttachments((current) => {
      current.find((entry) => entry.key === key)?.controller.abort();
      return current.filter((entry) => entry.key !== key);
    });

  const insertTemplate = (id: string | null) => {
    setTemplate(id);
    if (!id) return;
    setTemplateLoading(true);
    renderEmailTemplate(id, to[0] ?? target.id)
      .then((rendered) => {
        setSubject(rendered.subject);
        setBody(
          rendered.body.type === 'html'
            ? rendered.body.content
            : `<p>${escapeHtml(rendered.body.content).replace(/\r?\n/g, '<br>')}</p>`,
        );
        setBodyVersion((version) => version + 1);
        setUnfilled(rendered.unfilled);
        clearError('subject');
        clearError('body');
      })
      .catch((error: unknown) => setFailure(error instanceof ApiError ? error.message : String(error)))
      .finally(() => setTemplateLoading(false));
  };

  const submit = (later: boolean) => {
    const problems: Record<string, string> = {};
    if (!from) problems.from = t('email.fromRequired');
    if (to.length + cc.length + bcc.length === 0) problems.toRecipients = t('email.recipientRequired');
    for (const [field, list] of [
      ['toRecipients', to],
      ['ccRecipients', cc],
      ['bccRecipients', bcc],
    ] as const) {
      const bad = list.filter((item) => !addressOf(item));
      if (bad.length > 0) problems[field] = t('email.notAnAddress', { list: bad.join(', ') });
    }
    if (!subject.trim()) problems.subject = t('email.subjectRequired');
    let sendAtIso: string | undefined;
    if (later) {
      sendAtIso = fromZonedWallTime(sendAt, timeZone);
      if (!sendAtIso) problems.sendAt = t('email.sendAtRequired');
      else if (Date.parse(sendAtIso) <= Date.now()) problems.sendAt = t('email.sendAtPast');
    }
    if (attachments.some((item) => !item.id && !item.error)) {
      problems.attachments = t('email.waitForUploads');
    } else if (attachments.some((item) => item.error)) {
      problems.attachments = t('email.removeFailedUploads');
    }
    setErrors(problems);
    setFailure(undefined);
    if (Object.keys(problems).length > 0 || !from) return;
    send.mutate(
      {
        from,
        toRecipients: to,
        ccRecipients: cc,
        bccRecipients: bcc,
        subject: subject.trim(),
        body: { type: 'html', content: body },
        sendAt: sendAtIso,
        targetUserIds: [target.id],
        attachmentIds: attachments.flatMap((item) => (item.id ? [item.id] : [])),
        inReplyToId: replyTo?.id,
      },
      {
        onSuccess: (document) => {
          notifySuccess(
            document.data.attributes.status === 'scheduled' ? t('email.scheduled') : t('email.queued'),
          );
          onClose();
        },
        onError: (error) => {
          const byField = fieldErrors(error);
          const mapped: Record<string, string> = {};
          for (const [field, message] of Object.entries(byField))
            mapped[field.split('.')[0] ?? field] ??= message;
          setErrors(mapped);
          const shown = [
            'from',
            'toRecipients',
            'ccRecipients',
            'bccRecipients',
            'subject',
            'body',
            'sendAt',
            'attachments',
          ];
          if (!Object.keys(mapped).some((field) => shown.includes(field))) {
            setFailure(error instanceof ApiError ? error.message : String(error));
          }
        },
      },
    );
  };

  const uploading = attachments.some((item) => !item.id && !item.error);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={replyTo ? t('email.replyTitle') : t('email.title')}
      centered
      size="xl"
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit(scheduling);
        }}
      >
        <Stack gap="sm">
          <FailureAlert title={t('email.failed')} message={failure} />
          <Select
            label={t('email.from')}
            required
            data={ownAddresses}
            value={from}
            onChange={(value) => {
              setFrom(value);
              clearError('from');
            }}
            readOnly={ownAddresses.length <= 1}
            allowDeselect={false}
            error={errors.from}
          />
          <PeoplePicker
            label={t('email.to')}
            value={to}
            onChange={(value) => {
              setTo(value);
              clearError('toRecipients');
            }}
            error={errors.toRecipients}
            autoFocus={to.length === 0}
          />
          <PeoplePicker label={t('email.cc')} value={cc} onChange={setCc} error={errors.ccRecipients} />
          <PeoplePicker label={t('email.bcc')} value={bcc} onChange={setBcc} error={errors.bccRecipients} />
          <TextInput
            label={t('email.subject')}
            required
            maxLength={998}
            value={subject}
            onChange={(event) => {
              // A subject is one header line: line breaks become spaces.
              setSubject(event.currentTarget.value.replace(/[\r\n]+/g, ' '));
              clearError('subject');
            }}
            error={errors.subject}
          />
          {replyTo ? null : (
            <Select
              label={t('email.template')}
              placeholder={
                templates.data?.length === 0 ? t('email.noTemplates') : t('email.templatePlaceholder')
              }
              data={(templates.data ?? []).map((item) => ({ value: item.id, label: item.name }))}
              value={template}
              onChange={insertTemplate}
              clearable
              searchable
              disabled={templates.isPending || templates.data?.length === 0}
              rightSection={
                templateLoading ? <Loader size="xs" aria-label={t('email.insertingTemplate')} /> : undefined
              }
              comboboxProps={{ withinPortal: true }}
            />
          )}
          {unfilled.length > 0 && (subject + body).includes('{{') ? (
            <Text size="sm" c="red.9" role="status">
              {t('email.unfilled', { names: unfilled.map((name) => `{{ ${name} }}`).join(', ') })}
            </Text>
          ) : null}
          <Suspense fallback={<Loader size="sm" aria-label={t('email.loadingEditor')} />}>
            <RichTextEditor
              label={t('email.body')}
              value={body}
              version={bodyVersion}
              onChange={(html) => {
                setBody(html);
                clearError('body');
              }}
              error={errors.body}
            />
          </Suspense>
          {typeof signature === 'string' && signature.trim() ? (
            <Text size="sm" c="gray.8">
              {t('email.signatureNote')}
            </Text>
          ) : null}
          <div>
            <Group justify="space-between">
              <Text size="sm" fw={500} id="send-email-attachments">
                {t('email.attachments')}
              </Text>
              <FileButton onChange={addFiles} multiple>
                {(props) => (
                  <Button
                    {...props}
                    size="xs"
                    variant="default"
                    leftSection={<IconPaperclip size={16} aria-hidden="true" />}
                  >
                    {t('email.attachFiles')}
                  </Button>
                )}
              </FileButton>
            </Group>
            {attachments.length > 0 ? (
              <Stack
                gap={6}
                mt={6}
                component="ul"
                style={{ listStyle: 'none', padding: 0, margin: 0 }}
                aria-labelledby="send-email-attachments"
              >
                {attachments.map((item) => (
                  <li key={item.key}>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
                        {item.file.name} ({formatSize(item.file.size)})
                        {item.error ? (
                          <Text component="span" c="red.8" size="sm">
                            {' '}
                            — {item.error}
                          </Text>
                        ) : item.id ? (
                          <Text component="span" c="teal.9" size="sm">
                            {' '}
                            — {t('email.uploaded')}
                          </Text>
                        ) : null}
                      </Text>
                      <ActionIcon
                        variant="subtle"
                        color="gray.8"
                        aria-label={t('email.remove', { name: item.file.name })}
                        onClick={() => removeAttachment(item.key)}
                      >
                        <IconX size={16} aria-hidden="true" />
                      </ActionIcon>
                    </Group>
                    {!item.id && !item.error ? (
                      <Progress
                        value={item.progress * 100}
                        size="sm"
                        aria-label={t('email.uploading', { name: item.file.name })}
                      />
                    ) : null}
                  </li>
                ))}
              </Stack>
            ) : null}
            {errors.attachments ? (
              <Text size="xs" c="red.8" mt={4} role="alert">
                {errors.attachments}
              </Text>
            ) : null}
          </div>
          {scheduling ? (
            <TextInput
              ref={sendAtRef}
              type="datetime-local"
              label={t('email.sendAt')}
              description={timeZone ? t('zone.named', { zone: timeZone }) : t('zone.yours')}
              required
              min={toZonedWallTime(new Date().toISOString(), timeZone)}
              value={sendAt}
              onChange={(event) => {
                setSendAt(event.currentTarget.value);
                clearError('sendAt');
              }}
              error={errors.sendAt}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('email.cancel')}
            </Button>
            {scheduling ? (
              <Button type="submit" loading={send.isPending} disabled={uploading}>
                {t('email.schedule')}
              </Button>
            ) : (
              <>
                <Button
                  variant="default"
                  onClick={() => {
                    setScheduling(true);
                    requestAnimationFrame(() => sendAtRef.current?.focus());
                  }}
                >
                  {t('email.sendLater')}
                </Button>
                <Button type="submit" loading={send.isPending} disabled={uploading}>
                  {t('email.send')}
                </Button>
              </>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
