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
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconChevronRight, IconMail, IconPhone } from '@tabler/icons-react';
import { type ReactNode, useId, useState } from 'react';
import { formatDuration } from '../../../common/duration';
import { formatPhoneNational } from '../../../common/phone';
import { ApiError } from '../../app/api';
import { DangerConfirmActions, FailureAlert } from '../../ui/feedback';
import { formatDateTime } from '../users/format';
import { SEND_EMAIL } from './activity-actions';
import {
  type ActivityResource,
  type CallResource,
  type EmailResource,
  type IncludedResource,
  useCancelEmail,
  useDeleteCall,
  useEmail,
} from './api';
import { openActivityDialog } from './dialog-store';
import { EmailBodyFrame } from './email-body-frame';

type ItemProps = {
  item: ActivityResource;
  included: IncludedResource[];
  locale: string;
  timeZone: string | undefined;
  viewerId: string | undefined;
  permissions: readonly string[];
};

function authorIdOf(item: ActivityResource): string | undefined {
  const relationships = item.relationships;
  return (relationships?.author?.data ?? relationships?.owner?.data)?.id ?? undefined;
}

function authorName(item: ActivityResource, included: IncludedResource[]): string | undefined {
  const id = authorIdOf(item);
  const person = included.find((resource) => resource.type === 'users' && resource.id === id);
  const name = person?.attributes.fullName;
  return typeof name === 'string' ? name : undefined;
}

function occurredAt(item: ActivityResource): string | undefined {
  if (item.type === 'calls') return item.attributes.callDateTime;
  return item.attributes.sentAt ?? item.attributes.sendAt ?? item.attributes.createdAt;
}

/**
 * One entry of the Activity timeline: its icon, subject, author and time (viewer's locale and
 * zone); the header expands the details — an email's body, recipients, attachments, delivery
 * status with Cancel and Reply; a call's fields with Edit and Delete.
 */
export function ActivityItem({ item, included, locale, timeZone, viewerId, permissions }: ItemProps) {
  const [expanded, setExpanded] = useState(false);
  const detailsId = useId();
  const author = authorName(item, included);
  const when = occurredAt(item);
  const kindLabel = item.type === 'emails' ? 'Email' : 'Call';
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
            <IconChevronRight size={16} aria-hidden="true" style={{ marginTop: 3 }} />
          )}
          {item.type === 'emails' ? (
            <IconMail size={18} aria-label="Email" role="img" />
          ) : (
            <IconPhone size={18} aria-label="Call" role="img" />
          )}
          <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {item.attributes.subject}
            </Text>
            <Text size="sm" c="gray.8">
              {kindLabel}
              {author ? ` by ${author}` : ''}
              {when ? ` · ${formatDateTime(when, locale, timeZone)}` : ''}
            </Text>
          </Stack>
          {item.type === 'emails' ? <EmailStatusBadge email={item} /> : null}
        </Group>
      </UnstyledButton>
      <Collapse expanded={expanded} id={detailsId}>
        {expanded ? (
          <div style={{ paddingTop: 8 }}>
            {item.type === 'emails' ? (
              <EmailDetails email={item} locale={locale} timeZone={timeZone} permissions={permissions} />
            ) : (
              <CallDetails
                call={item}
                locale={locale}
                timeZone={timeZone}
                viewerId={viewerId}
                permissions={permissions}
              />
            )}
          </div>
        ) : null}
      </Collapse>
    </Paper>
  );
}

const STATUS: Record<EmailResource['attributes']['status'], { label: string; color: string }> = {
  queued: { label: 'Queued', color: 'gray.8' },
  scheduled: { label: 'Scheduled', color: 'indigo.9' },
  sent: { label: 'Sent', color: 'teal.9' },
  failed: { label: 'Failed', color: 'red.9' },
  cancelled: { label: 'Cancelled', color: 'gray.8' },
};

function EmailStatusBadge({ email }: { email: EmailResource }) {
  const status = STATUS[email.attributes.status] ?? { label: email.attributes.status, color: 'gray.8' };
  return <Badge color={status.color}>{status.label}</Badge>;
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

function EmailDetails({
  email: listed,
  locale,
  timeZone,
  permissions,
}: {
  email: EmailResource;
  locale: string;
  timeZone: string | undefined;
  permissions: readonly string[];
}) {
  // The delivery status moves on after the list was read: the expanded email is read fresh.
  const fresh = useEmail(listed.id, true);
  const cancel = useCancelEmail();
  const email = fresh.data ?? listed;
  const a = email.attributes;
  const attachments = fresh.data?.relationships?.attachments?.data ?? [];
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Field label="From">{a.from}</Field>
        <Field label="To">{a.toRecipients.join(', ') || '—'}</Field>
        {a.ccRecipients.length > 0 ? <Field label="Cc">{a.ccRecipients.join(', ')}</Field> : null}
        {a.bccRecipients.length > 0 ? <Field label="Bcc">{a.bccRecipients.join(', ')}</Field> : null}
        <Field label="Status">
          <Group gap="xs">
            <EmailStatusBadge email={email} />
            {a.status === 'sent' && a.sentAt ? (
              <Text size="sm">{formatDateTime(a.sentAt, locale, timeZone)}</Text>
            ) : null}
            {a.status === 'scheduled' && a.sendAt ? (
              <Text size="sm">for {formatDateTime(a.sendAt, locale, timeZone)}</Text>
            ) : null}
            {a.status === 'failed' && a.failureReason ? <Text size="sm">{a.failureReason}</Text> : null}
          </Group>
        </Field>
      </SimpleGrid>
      {attachments.length > 0 ? (
        <Field label="Attachments">
          <Stack gap={2}>
            {attachments.map((file) => (
              <Anchor key={file.id} href={`/api/files/${encodeURIComponent(file.id)}/content`} download>
                {fileName(fresh.data, file.id)}
              </Anchor>
            ))}
          </Stack>
        </Field>
      ) : null}
      <EmailBodyFrame body={a.body} title={`Body of ${a.subject}`} />
      <FailureAlert
        title="The email was not cancelled"
        message={
          cancel.error instanceof ApiError ? cancel.error.message : cancel.error ? String(cancel.error) : null
        }
      />
      <Group gap="xs">
        {a.status === 'scheduled' ? (
          <Button
            size="xs"
            variant="default"
            color="red.8"
            loading={cancel.isPending}
            onClick={() => cancel.mutate(email.id)}
          >
            Cancel
          </Button>
        ) : null}
        {permissions.includes(SEND_EMAIL) ? (
          <Button
            size="xs"
            variant="default"
            onClick={() => openActivityDialog({ kind: 'email', replyTo: email })}
          >
            Reply
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}

function fileName(email: EmailResource | undefined, id: string): string {
  const included = (email as (EmailResource & { included?: IncludedResource[] }) | undefined)?.included;
  const name = included?.find((resource) => resource.id === id)?.attributes.name;
  return typeof name === 'string' ? name : 'Attachment';
}

function CallDetails({
  call,
  locale,
  timeZone,
  viewerId,
  permissions,
}: {
  call: CallResource;
  locale: string;
  timeZone: string | undefined;
  viewerId: string | undefined;
  permissions: readonly string[];
}) {
  const a = call.attributes;
  const isAuthor = viewerId !== undefined && authorIdOf(call) === viewerId;
  const canChange = isAuthor || permissions.includes('calls.manage');
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteCall();
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Field label="Phone Number">{formatPhoneNational(a.phoneNumber)}</Field>
        <Field label="Call date & time">{formatDateTime(a.callDateTime, locale, timeZone)}</Field>
        <Field label="Call status">{a.callStatus === 'completed' ? 'Completed' : 'In progress'}</Field>
        <Field label="Direction">{a.direction === 'incoming' ? 'Incoming' : 'Outgoing'}</Field>
        <Field label="Duration">{formatDuration(a.duration)}</Field>
      </SimpleGrid>
      {a.notes ? (
        <Field label="Additional comments">
          <Text style={{ whiteSpace: 'pre-wrap' }}>{a.notes}</Text>
        </Field>
      ) : null}
      {canChange ? (
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => openActivityDialog({ kind: 'call', call })}>
            Edit
          </Button>
          <Button size="xs" variant="default" color="red.8" onClick={() => setConfirming(true)}>
            Delete
          </Button>
        </Group>
      ) : null}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title="Delete the call?"
        centered
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <Stack gap="sm">
          <Text>“{a.subject}” will be removed from the activity of everyone it concerns.</Text>
          <FailureAlert
            title="The call was not deleted"
            message={
              remove.error instanceof ApiError
                ? remove.error.message
                : remove.error
                  ? String(remove.error)
                  : null
            }
          />
          <DangerConfirmActions
            label="Delete"
            loading={remove.isPending}
            onCancel={() => setConfirming(false)}
            onConfirm={() =>
              remove.mutate(call.id, {
                onSuccess: () => {
                  setConfirming(false);
                  notifications.show({ color: 'green', message: 'The call was deleted.' });
                },
              })
            }
          />
        </Stack>
      </Modal>
    </Stack>
  );
}
