import { Alert, Anchor, Code, Group, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, useCurrentUser } from '../../app/api';
import direction from '../../ui/direction.module.css';
import { Page } from '../../ui/page';
import { PageLoader } from '../../ui/page-loader';
import { type MailMessageDetail, useMailMessage } from './api';
import { RetryButton } from './outbox-page';
import { mailPaths } from './paths';
import { MailStatusBadge, useMailDateTime } from './status-badge';

/** One outgoing message: delivery facts, and its text and HTML versions (secrets hidden). */
export function MailMessagePage() {
  const { id = '' } = useParams();
  const { data: user } = useCurrentUser();
  const allowed = user?.permissions.includes('mail.manage') ?? false;
  const message = useMailMessage(id);

  const back = (
    <Anchor component={Link} to={mailPaths.outbox}>
      <Group gap={4} component="span">
        <IconArrowLeft size={16} aria-hidden="true" className={direction.mirrored} />
        Back to the outbox
      </Group>
    </Anchor>
  );

  if (!allowed) {
    return (
      <Page title="Message">
        <Alert color="red" title="Not allowed">
          You need the permission to view and retry outgoing mail to see this page.
        </Alert>
      </Page>
    );
  }
  if (message.isPending) return <PageLoader label="Loading the message…" />;
  if (message.isError) {
    const missing = message.error instanceof ApiError && message.error.status === 404;
    return (
      <Page title={missing ? 'Message not found' : 'Message'}>
        <Alert color="red" title={missing ? 'There is no such message' : 'The message could not be loaded'}>
          {missing
            ? 'It may belong to another organization, or the address is wrong.'
            : message.error.message}
        </Alert>
        {back}
      </Page>
    );
  }
  return (
    <Page
      title={message.data.subject}
      documentTitle={`Message: ${message.data.subject}`}
      actions={message.data.status === 'failed' ? <RetryButton message={message.data} /> : null}
    >
      {back}
      <Facts message={message.data} />
      <Tabs defaultValue="text" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="text">Text</Tabs.Tab>
          <Tabs.Tab value="html" disabled={!message.data.htmlBody}>
            HTML
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="text" pt="md">
          <Code block style={{ whiteSpace: 'pre-wrap' }}>
            {message.data.textBody}
          </Code>
        </Tabs.Panel>
        <Tabs.Panel value="html" pt="md">
          {message.data.htmlBody ? (
            // sandbox="": no scripts, no forms, no navigation of this page, a unique origin.
            <iframe
              title="HTML version of the message"
              sandbox=""
              srcDoc={message.data.htmlBody}
              style={{
                width: '100%',
                height: 560,
                border: '1px solid var(--mantine-color-gray-4)',
                borderRadius: 8,
              }}
            />
          ) : null}
        </Tabs.Panel>
      </Tabs>
      <Text size="sm" c="dimmed">
        Links with a token and new passwords are shown as [hidden]: the outbox is for delivery, not for
        reading secrets.
      </Text>
    </Page>
  );
}

function Facts({ message }: { message: MailMessageDetail }) {
  const formatDateTime = useMailDateTime();
  const facts: [string, ReactNode][] = [
    ['Status', <MailStatusBadge key="status" status={message.status} />],
    ['Recipient', message.toName ? `${message.toName} <${message.toAddress}>` : message.toAddress],
    ['Attempts', String(message.attempts)],
    ['Queued', formatDateTime(message.createdAt)],
    ['Sent', formatDateTime(message.sentAt)],
    ['Next attempt', message.status === 'queued' ? formatDateTime(message.nextAttemptAt) : '—'],
    ['Last error', message.lastError ?? '—'],
    ['Message-ID', <Code key="id">{message.messageId}</Code>],
  ];
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        Delivery
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="dl" m={0}>
        {facts.map(([label, value]) => (
          <Stack key={label} gap={2}>
            <Text component="dt" size="sm" fw={600}>
              {label}
            </Text>
            <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
              {value}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
