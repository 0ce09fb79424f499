import {
  Anchor,
  Badge,
  Button,
  Collapse,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconMail, IconPhone } from '@tabler/icons-react';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../../common/duration';
import { formatPhoneInternational } from '../../../common/phone';
import { ApiError } from '../../app/api';
import { EmailBodyFrame } from '../../ui/email-body-frame';
import { DangerConfirmActions, FailureAlert } from '../../ui/feedback';
import { useFormatter } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { EventActivityItem } from '../calendar/event-activity-item';
import { TaskActivityItem } from '../tasks/task-activity-item';
import {
  type ActivityResource,
  type CallResource,
  type EmailResource,
  type IncludedResource,
  useCancelEmail,
  useDeleteCall,
  useEmail,
  useFile,
} from './api';
import { openActivityDialog } from './dialog-store';
import '../../i18n/lazy/activities';
import { apiPaths } from '../../app/api-paths';
import direction from '../../ui/direction.module.css';

type ItemProps = {
  item: ActivityResource;
  /** The user whose timeline it is (the owner of the calendar events on it). */
  owner: { id: string; name: string };
  included: IncludedResource[];
  viewerId: string | undefined;
};

function authorIdOf(item: CallResource | EmailResource): string | undefined {
  return item.relationships.author?.data?.id;
}

function authorName(item: CallResource | EmailResource, included: IncludedResource[]): string | undefined {
  const id = authorIdOf(item);
  const person = included.find((resource) => resource.type === 'users' && resource.id === id);
  const name = person?.attributes.fullName;
  return typeof name === 'string' ? name : undefined;
}

function occurredAt(item: CallResource | EmailResource): string | undefined {
  if (item.type === 'calls') return item.attributes.callDateTime;
  return item.attributes.sentAt ?? item.attributes.sendAt ?? item.attributes.createdAt;
}

/**
 * One entry of the Activity timeline (a task draws itself, web/features/tasks): its icon, subject, author and time (the viewer's
 * Localization settings: locale, zone, date and time format); the header expands the details — an email's body, recipients, attachments, delivery
 * status with Cancel and Reply; a call's fields with Edit and Delete.
 */
export function ActivityItem(props: ItemProps) {
  const { item, viewerId } = props;
  if (item.type === 'tasks') return <TaskActivityItem task={item} />;
  if (item.type === 'calendarevents') {
    return <EventActivityItem event={item} owner={props.owner} viewerId={viewerId} />;
  }
  return <MessageActivityItem {...props} item={item} />;
}

function MessageActivityItem({ item, included }: ItemProps & { item: CallResource | EmailResource }) {
  const { t } = useTranslation('activities');
  const format = useFormatter();
  const [expanded, setExpanded] = useState(false);
  const detailsId = useId();
  const author = authorName(item, included);
  const when = occurredAt(item);
  const kindLabel = item.type === 'emails' ? t('item.email') : t('item.call');
  return (
    <Paper component="li" withBorder radius="sm" p="xs">
      <UnstyledButton
        onClick={() => setExpanded((open) => !open)}
        aria-expanded={expanded}
        aria-controls={detailsId}
        style={{ display: 'block', width: '100%' }}
      >
        <Group gap="sm" wrap="nowrap" align="flex-start">
          {expanded ? (
            <IconChevronDown size={16} aria-hidden="true" style={{ marginTop: 3 }} />
          ) : (
            <IconChevronRight
              size={16}
              aria-hidden="true"
              style={{ marginTop: 3 }}
              className={direction.mirrored}
            />
          )}
          {item.type === 'emails' ? (
            <IconMail size={18} aria-label={t('item.email')} role="img" />
          ) : (
            <IconPhone size={18} aria-label={t('item.call')} role="img" />
          )}
          <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {item.attributes.subject}
            </Text>
            <Text size="sm" c="gray.8">
              {kindLabel}
              {author ? ` ${t('item.by', { name: author })}` : ''}
              {when ? ` · ${format.dateTime(when)}` : ''}
            </Text>
          </Stack>
          {item.type === 'emails' ? <EmailStatusBadge email={item} /> : null}
        </Group>
      </UnstyledButton>
      <Collapse expanded={expanded} id={detailsId}>
        {expanded ? (
          <div style={{ paddingTop: 8 }}>
            {item.type === 'emails' ? <EmailDetails email={item} /> : <CallDetails call={item} />}
          </div>
        ) : null}
      </Collapse>
    </Paper>
  );
}

const STATUS_COLORS: Record<EmailResource['attributes']['status'], string> = {
  queued: 'gray.8',
  scheduled: 'indigo.9',
  sent: 'teal.9',
  failed: 'red.9',
  cancelled: 'gray.8',
};

function EmailStatusBadge({ email }: { email: EmailResource }) {
  const { t } = useTranslation('activities');
  const status = email.attributes.status;
  return <Badge color={STATUS_COLORS[status] ?? 'gray.8'}>{t(`item.${status}`)}</Badge>;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={600} c="gray.8">
        {label}
      </Text>
      <div style={{ overflowWrap: 'anywhere' }}>{children}</div>
    </div>
  );
}

/** Cancel and Reply show as the email's `meta.abilities` (the server's policy) allow. */
function EmailDetails({ email: listed }: { email: EmailResource }) {
  const { t } = useTranslation('activities');
  const format = useFormatter();
  // The delivery status moves on after the list was read: the expanded email is read fresh.
  const fresh = useEmail(listed.id, true);
  const cancel = useCancelEmail();
  const email = fresh.data ?? listed;
  const a = email.attributes;
  const attachments = email.relationships?.attachments?.data ?? [];
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Field label={t('item.from')}>{a.from}</Field>
        <Field label={t('item.to')}>{a.toRecipients.join(', ') || '—'}</Field>
        {a.ccRecipients.length > 0 ? <Field label={t('item.cc')}>{a.ccRecipients.join(', ')}</Field> : null}
        {a.bccRecipients.length > 0 ? (
          <Field label={t('item.bcc')}>{a.bccRecipients.join(', ')}</Field>
        ) : null}
        <Field label={t('item.status')}>
          <Group gap="xs">
            <EmailStatusBadge email={email} />
            {a.status === 'sent' && a.sentAt ? <Text size="sm">{format.dateTime(a.sentAt)}</Text> : null}
            {a.status === 'scheduled' && a.sendAt ? (
              <Text size="sm">{t('item.scheduledFor', { time: format.dateTime(a.sendAt) })}</Text>
            ) : null}
            {a.status === 'failed' && a.failureReason ? <Text size="sm">{a.failureReason}</Text> : null}
          </Group>
        </Field>
      </SimpleGrid>
      {attachments.length > 0 ? (
        <Field label={t('item.attachments')}>
          <Stack gap={2}>
            {attachments.map((file) => (
              <AttachmentLink key={file.id} id={file.id} />
            ))}
          </Stack>
        </Field>
      ) : null}
      <EmailBodyFrame body={a.body} title={t('item.bodyOf', { subject: a.subject })} />
      <FailureAlert
        title={t('item.cancelFailed')}
        message={
          cancel.error instanceof ApiError ? cancel.error.message : cancel.error ? String(cancel.error) : null
        }
      />
      <Group gap="xs">
        {email.meta.abilities.cancel ? (
          <Button
            size="xs"
            variant="default"
            color="red.8"
            loading={cancel.isPending}
            onClick={() => cancel.mutate(email.id)}
          >
            {t('item.cancel')}
          </Button>
        ) : null}
        {email.meta.abilities.reply ? (
          <Button
            size="xs"
            variant="default"
            onClick={() => openActivityDialog({ kind: 'email', replyTo: email })}
          >
            {t('item.reply')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}

function AttachmentLink({ id }: { id: string }) {
  const { t } = useTranslation('activities');
  const file = useFile(id);
  return (
    <Anchor href={apiPaths.fileContent(id)} download={file.data?.fileName ?? true}>
      {file.data?.fileName ?? t('item.attachment')}
    </Anchor>
  );
}

/** Edit and Delete show as the call's `meta.abilities` (the server's policy) allow. */
function CallDetails({ call }: { call: CallResource }) {
  const { t } = useTranslation('activities');
  const format = useFormatter();
  const a = call.attributes;
  const canChange = call.meta.abilities.update;
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteCall();
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Field label={t('item.phoneNumber')}>{formatPhoneInternational(a.phoneNumber)}</Field>
        <Field label={t('item.callDateTime')}>{format.dateTime(a.callDateTime)}</Field>
        <Field label={t('item.callStatus')}>
          {a.callStatus === 'completed' ? t('call.statusCompleted') : t('call.statusInProgress')}
        </Field>
        <Field label={t('item.direction')}>
          {a.direction === 'incoming' ? t('call.incoming') : t('call.outgoing')}
        </Field>
        <Field label={t('item.duration')}>{formatDuration(a.duration)}</Field>
      </SimpleGrid>
      {a.notes ? (
        <Field label={t('item.notes')}>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{a.notes}</Text>
        </Field>
      ) : null}
      {canChange ? (
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => openActivityDialog({ kind: 'call', call })}>
            {t('item.edit')}
          </Button>
          <Button size="xs" variant="default" color="red.8" onClick={() => setConfirming(true)}>
            {t('item.delete')}
          </Button>
        </Group>
      ) : null}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('item.deleteTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('close') }}
      >
        <Stack gap="sm">
          <Text>{t('item.deleteExplain', { subject: a.subject })}</Text>
          <FailureAlert
            title={t('item.deleteFailed')}
            message={
              remove.error instanceof ApiError
                ? remove.error.message
                : remove.error
                  ? String(remove.error)
                  : null
            }
          />
          <DangerConfirmActions
            label={t('item.delete')}
            loading={remove.isPending}
            onCancel={() => setConfirming(false)}
            onConfirm={() =>
              remove.mutate(call.id, {
                onSuccess: () => {
                  setConfirming(false);
                  notifySuccess(t('item.deleted'));
                },
              })
            }
          />
        </Stack>
      </Modal>
    </Stack>
  );
}
