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
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths, pathTo } from '../../../common/paths';
import { useCurrentUser } from '../../app/api';
import { useRecordsPerPage } from '../../ui/format';
import { Page } from '../../ui/page';
import { PageLoader } from '../../ui/page-loader';
import {
  type MailMessage,
  type MailStatus,
  type OutboxPage as OutboxPageData,
  useOutbox,
  useRetryMailMessage,
} from './api';
import { MailStatusBadge, mailStatuses, useMailDateTime } from './status-badge';
import '../../i18n/lazy/mail';

/**
 * "Outbox" for administrators (`meta.abilities.manageMail` of my profile): the organization's
 * outgoing mail with status, attempts, last error, recipient and subject; Retry on a failed message
 * (`meta.abilities.retry` of the list); each message viewable.
 */
export function OutboxPage() {
  const { t } = useTranslation('mail');
  const { data: user } = useCurrentUser();
  const allowed = user?.abilities.manageMail ?? false;
  const [status, setStatus] = useState<MailStatus | null>(null);
  const [page, setPage] = useState(1);
  const recordsPerPage = useRecordsPerPage();
  const outbox = useOutbox({ status, page, pageSize: recordsPerPage });

  if (!allowed) {
    return (
      <Page title={t('outbox.title')}>
        <Alert color="red" title={t('notAllowed')}>
          {t('needsPermission')}
        </Alert>
      </Page>
    );
  }

  const statusOptions = [
    { value: 'all', label: t('outbox.allStatuses') },
    ...mailStatuses.map((value) => ({ value, label: t(`status.${value}`) })),
  ];
  return (
    <Page title={t('outbox.title')} actions={outbox.isFetching && !outbox.isPending ? <Refreshing /> : null}>
      <Text c="dimmed">{t('outbox.explain')}</Text>
      <Select
        label={t('outbox.status')}
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
        <PageLoader label={t('outbox.loading')} />
      ) : outbox.isError ? (
        <Alert color="red" title={t('outbox.loadFailed')}>
          {outbox.error.message}
        </Alert>
      ) : outbox.data.messages.length === 0 ? (
        <Text>{t('outbox.empty')}</Text>
      ) : (
        <Stack gap="sm">
          <OutboxTable outbox={outbox.data} status={status} />
          <OutboxPager outbox={outbox.data} page={page} setPage={setPage} />
        </Stack>
      )}
    </Page>
  );
}

function Refreshing() {
  const { t } = useTranslation('mail');
  return (
    <Group gap={6} role="status">
      <Loader size="xs" aria-hidden="true" />
      <Text size="sm" c="dimmed">
        {t('outbox.refreshing')}
      </Text>
    </Group>
  );
}

function OutboxTable({ outbox, status }: { outbox: OutboxPageData; status: MailStatus | null }) {
  const { t } = useTranslation('mail');
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Caption>{status ? t(`outbox.captionFiltered.${status}`) : t('outbox.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('facts.status')}</Table.Th>
            <Table.Th scope="col">{t('facts.recipient')}</Table.Th>
            <Table.Th scope="col">{t('facts.subject')}</Table.Th>
            <Table.Th scope="col">{t('facts.attempts')}</Table.Th>
            <Table.Th scope="col">{t('facts.queued')}</Table.Th>
            <Table.Th scope="col">{t('facts.sent')}</Table.Th>
            <Table.Th scope="col">{t('facts.lastError')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('outbox.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {outbox.messages.map((message) => (
            <OutboxRow key={message.id} message={message} canRetry={outbox.abilities.retry} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function OutboxPager({
  outbox,
  page,
  setPage,
}: {
  outbox: OutboxPageData;
  page: number;
  setPage: (update: (page: number) => number) => void;
}) {
  const { t } = useTranslation('mail');
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">
        {t('outbox.page', { page })}
      </Text>
      <Group gap="sm">
        <Button variant="default" disabled={!outbox.hasPrevious} onClick={() => setPage((n) => n - 1)}>
          {t('outbox.previous')}
        </Button>
        <Button variant="default" disabled={!outbox.hasNext} onClick={() => setPage((n) => n + 1)}>
          {t('outbox.next')}
        </Button>
      </Group>
    </Group>
  );
}

function OutboxRow({ message, canRetry }: { message: MailMessage; canRetry: boolean }) {
  const { t } = useTranslation('mail');
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
        <Anchor component={Link} to={pathTo(paths.outboxMessage, { id: message.id })} size="sm">
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
            {t('outbox.nextAttempt', { date: formatDateTime(message.nextAttemptAt) })}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        {canRetry && message.status === 'failed' ? <RetryButton message={message} /> : null}
      </Table.Td>
    </Table.Tr>
  );
}

/** "Retry": the message goes back in the queue; the list shows it queued, then sent. */
export function RetryButton({ message }: { message: Pick<MailMessage, 'id' | 'toAddress'> }) {
  const { t } = useTranslation('mail');
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
              title: t('retry.queued'),
              message: t('retry.queuedMessage', { address: message.toAddress }),
            }),
          onError: (error) =>
            notifications.show({
              color: 'red',
              title: t('retry.failed'),
              message: error.message,
            }),
        })
      }
    >
      {t('retry.button')}
      <VisuallyHidden>{t('retry.hidden', { address: message.toAddress })}</VisuallyHidden>
    </Button>
  );
}
