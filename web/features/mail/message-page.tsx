import { Alert, Anchor, Code, Group, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../../../common/paths';
import { ApiError, useCurrentUser } from '../../app/api';
import direction from '../../ui/direction.module.css';
import { Page } from '../../ui/page';
import { PageLoader } from '../../ui/page-loader';
import { type MailMessageDetail, useMailMessage } from './api';
import { RetryButton } from './outbox-page';
import { MailStatusBadge, useMailDateTime } from './status-badge';
import '../../i18n/lazy/mail';

/** One outgoing message: delivery facts, and its text and HTML versions (secrets hidden). */
export function MailMessagePage() {
  const { t } = useTranslation('mail');
  const { id = '' } = useParams();
  const { data: user } = useCurrentUser();
  const allowed = user?.abilities.manageMail ?? false;
  const message = useMailMessage(id);

  const back = (
    <Anchor component={Link} to={paths.outbox}>
      <Group gap={4} component="span">
        <IconArrowLeft size={16} aria-hidden="true" className={direction.mirrored} />
        {t('message.back')}
      </Group>
    </Anchor>
  );

  if (!allowed) {
    return (
      <Page title={t('message.title')}>
        <Alert color="red" title={t('notAllowed')}>
          {t('needsPermission')}
        </Alert>
      </Page>
    );
  }
  if (message.isPending) return <PageLoader label={t('message.loading')} />;
  if (message.isError) {
    const missing = message.error instanceof ApiError && message.error.status === 404;
    return (
      <Page title={missing ? t('message.notFoundTitle') : t('message.title')}>
        <Alert color="red" title={missing ? t('message.notFound') : t('message.loadFailed')}>
          {missing ? t('message.notFoundExplain') : message.error.message}
        </Alert>
        {back}
      </Page>
    );
  }
  return (
    <Page
      title={message.data.subject}
      documentTitle={t('message.documentTitle', { subject: message.data.subject })}
      actions={message.data.status === 'failed' ? <RetryButton message={message.data} /> : null}
    >
      {back}
      <Facts message={message.data} />
      <Tabs defaultValue="text" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="text">{t('message.text')}</Tabs.Tab>
          <Tabs.Tab value="html" disabled={!message.data.htmlBody}>
            {t('message.html')}
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
              title={t('message.htmlFrame')}
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
        {t('message.secretsHidden')}
      </Text>
    </Page>
  );
}

function Facts({ message }: { message: MailMessageDetail }) {
  const { t } = useTranslation('mail');
  const formatDateTime = useMailDateTime();
  const facts: [string, ReactNode][] = [
    [t('facts.status'), <MailStatusBadge key="status" status={message.status} />],
    [t('facts.recipient'), message.toName ? `${message.toName} <${message.toAddress}>` : message.toAddress],
    [t('facts.attempts'), String(message.attempts)],
    [t('facts.queued'), formatDateTime(message.createdAt)],
    [t('facts.sent'), formatDateTime(message.sentAt)],
    [t('facts.nextAttempt'), message.status === 'queued' ? formatDateTime(message.nextAttemptAt) : '—'],
    [t('facts.lastError'), message.lastError ?? '—'],
    [t('facts.messageId'), <Code key="id">{message.messageId}</Code>],
  ];
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('message.delivery')}
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
