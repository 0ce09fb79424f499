import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../../app/api';
import { useRecordsPerPage } from '../../ui/format';
import { Page } from '../../ui/page';
import { PageLoader } from '../../ui/page-loader';
import { type MailMessage, type MailStatus, useOutbox, useRetryMailMessage } from './api';
import { mailPaths } from './paths';
import { MailStatusBadge, statusLabels, useMailDateTime } from './status-badge';

const statusOptions = [
  { value: 'all', label: 'All' },
  ...(Object.keys(statusLabels) as MailStatus[]).map((status) => ({
    value: status,
    label: statusLabels[status],
  })),
];

/**
 * "Outbox" for administrators (`mail.manage`): the organization's outgoing mail with status,
 * attempts, last error, recipient and subject; Retry on a failed message; each message viewable.
 */
export function OutboxPage() {
  const { data: user } = useCurrentUser();
  const allowed = user?.permissions.includes('mail.manage') ?? false;
  const [status, setStatus] = useState<MailStatus | null>(null);
  const [page, setPage] = useState(1);
  const recordsPerPage = useRecordsPerPage();
  const outbox = useOutbox({ status, page, pageSize: recordsPerPage });

  if (!allowed) {
    return (
      <Page title="Outbox">
        <Alert color="red" title="Not allowed">
          You need the permission to view and retry outgoing mail to see this page.
        </Alert>
      </Page>
    );
  }

  return (
    <Page
      title="Outbox"
      actions={
        outbox.isFetching && !outbox.isPending ? (
          <Group gap={6} role="status">
            <Loader size="xs" aria-hidden="true" />
            <Text size="sm" c="dimmed">
              Refreshing…
            </Text>
          </Group>
        ) : null
      }
    >
      <Text c="dimmed">
        Emails Atrium sends for your organization. A message that cannot be delivered is tried again, then
        marked failed; Retry sends it once more.
      </Text>
      <Select
        label="Status"
        data={statusOptions}
        value={status ?? 'all'}
        onChange={(value) => {
          setStatus(value === 'all' || value === null ? null : (value as MailStatus));
          setPage(1);
        }}
        allowDeselect={false}
        w={200}
      />
      {outbox.isPending ? (
        <PageLoader label="Loading messages…" />
      ) : outbox.isError ? (
        <Alert color="red" title="The outbox could not be loaded">
          {outbox.error.message}
        </Alert>
      ) : outbox.data.messages.length === 0 ? (
        <Text>No messages.</Text>
      ) : (
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover verticalSpacing="sm">
              <Table.Caption>
                Outgoing mail, newest first{status ? ` (${statusLabels[status].toLowerCase()} only)` : ''}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Recipient</Table.Th>
                  <Table.Th scope="col">Subject</Table.Th>
                  <Table.Th scope="col">Attempts</Table.Th>
                  <Table.Th scope="col">Queued</Table.Th>
                  <Table.Th scope="col">Sent</Table.Th>
                  <Table.Th scope="col">Last error</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {outbox.data.messages.map((message) => (
                  <OutboxRow key={message.id} message={message} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              Page {page}
            </Text>
            <Group gap="sm">
              <Button
                variant="default"
                disabled={!outbox.data.hasPrevious}
                onClick={() => setPage((n) => n - 1)}
              >
                Previous
              </Button>
              <Button variant="default" disabled={!outbox.data.hasNext} onClick={() => setPage((n) => n + 1)}>
                Next
              </Button>
            </Group>
          </Group>
        </Stack>
      )}
    </Page>
  );
}

function OutboxRow({ message }: { message: MailMessage }) {
  const formatDateTime = useMailDateTime();
  return (
    <Table.Tr>
      <Table.Td>
        <MailStatusBadge status={message.status} />
      </Table.Td>
      <Table.Td>
        {message.toName ? (
          <>
            <Text size="sm">{message.toName}</Text>
            <Text size="sm" c="dimmed">
              {message.toAddress}
            </Text>
          </>
        ) : (
          <Text size="sm">{message.toAddress}</Text>
        )}
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={mailPaths.message(message.id)} size="sm">
          {message.subject}
        </Anchor>
      </Table.Td>
      <Table.Td>{message.attempts}</Table.Td>
      <Table.Td>
        <Text size="sm">{formatDateTime(message.createdAt)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{formatDateTime(message.sentAt)}</Text>
      </Table.Td>
      <Table.Td maw={320}>
        <Text size="sm" lineClamp={3}>
          {message.lastError ?? ''}
        </Text>
        {message.status === 'queued' && message.nextAttemptAt && message.attempts > 0 ? (
          <Text size="xs" c="dimmed">
            Next attempt {formatDateTime(message.nextAttemptAt)}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>{message.status === 'failed' ? <RetryButton message={message} /> : null}</Table.Td>
    </Table.Tr>
  );
}

/** "Retry": the message goes back in the queue; the list shows it queued, then sent. */
export function RetryButton({ message }: { message: Pick<MailMessage, 'id' | 'toAddress'> }) {
  const retry = useRetryMailMessage();
  return (
    <Button
      size="xs"
      loading={retry.isPending}
      onClick={() =>
        retry.mutate(message.id, {
          onSuccess: () =>
            notifications.show({
              color: 'indigo',
              title: 'Message queued again',
              message: `To ${message.toAddress}`,
            }),
          onError: (error) =>
            notifications.show({
              color: 'red',
              title: 'The message could not be retried',
              message: error.message,
            }),
        })
      }
    >
      Retry
      <VisuallyHidden> the message to {message.toAddress}</VisuallyHidden>
    </Button>
  );
}
