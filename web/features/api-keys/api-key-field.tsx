import {
  ActionIcon,
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Loader,
  Modal,
  Paper,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy, IconKey, IconTrash } from '@tabler/icons-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatter } from '../../ui/format';
import {
  type ApiKeyMetadata,
  type GeneratedApiKey,
  useApiKey,
  useGenerateApiKey,
  useRevokeApiKey,
} from './api';
import '../../i18n/lazy/api-keys';

type Confirming = 'replace' | 'revoke' | null;

/**
 * The **API Key** field of My User → General Information: "N/A" or the key's prefix and dates,
 * **Generate Key** (confirming before it replaces a key), the new key once with a copy button and
 * a ready-to-paste curl command, and **Revoke**. The key is kept only in this component's state:
 * the server cannot show it again, and neither can the page once it is dismissed.
 */
export function ApiKeyField({ userId }: { userId: string }) {
  const { t } = useTranslation(['apiKeys', 'common']);
  const labelId = useId();
  const current = useApiKey(userId);
  const generate = useGenerateApiKey(userId);
  const revoke = useRevokeApiKey(userId);
  const [shown, setShown] = useState<GeneratedApiKey | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const apiKey = current.data ?? null;

  const generateNow = () => {
    revoke.reset();
    generate.mutate(undefined, {
      onSuccess: (created) => setShown(created),
      onSettled: () => setConfirming(null),
    });
  };
  const revokeNow = () => {
    generate.reset();
    revoke.mutate(undefined, {
      onSuccess: () => setShown(null),
      onSettled: () => setConfirming(null),
    });
  };
  const failure = generate.error ?? revoke.error;

  return (
    <Stack gap="xs" role="group" aria-labelledby={labelId}>
      <Text id={labelId} fw={600}>
        {t('label')}
      </Text>
      {current.isPending ? (
        <Group gap="xs">
          <Loader size="xs" aria-hidden="true" />
          <Text size="sm" c="dimmed" role="status">
            {t('loading')}
          </Text>
        </Group>
      ) : current.isError ? (
        <Text c="red.9" role="alert">
          {current.error.message}
        </Text>
      ) : apiKey ? (
        <KeySummary apiKey={apiKey} />
      ) : (
        <Text>{t('none')}</Text>
      )}

      {current.isSuccess ? (
        <Group gap="sm">
          <Button
            leftSection={<IconKey size={16} aria-hidden="true" />}
            onClick={() => (apiKey ? setConfirming('replace') : generateNow())}
            loading={generate.isPending && confirming === null}
          >
            {t('generate')}
          </Button>
          {apiKey ? (
            <Button
              variant="default"
              leftSection={<IconTrash size={16} aria-hidden="true" />}
              onClick={() => setConfirming('revoke')}
            >
              {t('revoke')}
            </Button>
          ) : null}
        </Group>
      ) : null}

      {failure ? (
        <Alert color="red" variant="outline" role="alert" title={t('notChanged')}>
          {failure.message}
        </Alert>
      ) : null}

      {shown ? <NewKey apiKey={shown} onDone={() => setShown(null)} /> : null}

      <Modal
        opened={confirming === 'replace'}
        onClose={() => setConfirming(null)}
        title={t('replace.title')}
        closeButtonProps={{ 'aria-label': t('common:actions.close') }}
        centered
      >
        <Stack>
          <Text>{t('replace.explain', { prefix: apiKey?.prefix ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)} disabled={generate.isPending}>
              {t('common:actions.cancel')}
            </Button>
            <Button onClick={generateNow} loading={generate.isPending}>
              {t('generate')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal
        opened={confirming === 'revoke'}
        onClose={() => setConfirming(null)}
        title={t('revokeConfirm.title')}
        closeButtonProps={{ 'aria-label': t('common:actions.close') }}
        centered
      >
        <Stack>
          <Text>{t('revokeConfirm.explain', { prefix: apiKey?.prefix ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)} disabled={revoke.isPending}>
              {t('common:actions.cancel')}
            </Button>
            <Button color="red.8" onClick={revokeNow} loading={revoke.isPending}>
              {t('revoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function KeySummary({ apiKey }: { apiKey: ApiKeyMetadata }) {
  const { t } = useTranslation('apiKeys');
  const format = useFormatter();
  return (
    <Stack gap={2}>
      <Text>
        <Code>{apiKey.prefix}…</Code>
      </Text>
      <Text size="sm" c="dimmed">
        {t('summary.created', { date: format.dateTime(apiKey.createdAt) })}
        {' · '}
        {apiKey.lastUsedAt
          ? apiKey.lastUsedIp
            ? t('summary.lastUsedFrom', { date: format.dateTime(apiKey.lastUsedAt), ip: apiKey.lastUsedIp })
            : t('summary.lastUsed', { date: format.dateTime(apiKey.lastUsedAt) })
          : t('summary.neverUsed')}
      </Text>
    </Stack>
  );
}

function NewKey({ apiKey, onDone }: { apiKey: GeneratedApiKey; onDone: () => void }) {
  const { t } = useTranslation('apiKeys');
  const input = useRef<HTMLInputElement>(null);
  // Focus the key (and select it) as soon as it appears, so it can be copied from the keyboard.
  useEffect(() => input.current?.focus(), []);
  const curl = `curl -H "Authorization: Bearer ${apiKey.key}" ${window.location.origin}/api/userprofile`;
  return (
    <Paper withBorder p="md" maw={720}>
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <IconAlertTriangle size={20} aria-hidden="true" />
          <Text fw={600}>{t('newKey.warning')}</Text>
        </Group>
        <TextInput
          label={t('newKey.label')}
          value={apiKey.key}
          readOnly
          ref={input}
          onFocus={(event) => event.currentTarget.select()}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          rightSection={<CopyAction value={apiKey.key} label={t('newKey.copyKey')} />}
        />
        <Text size="sm">{t('newKey.tryIt')}</Text>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Code block style={{ flex: 1, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {curl}
          </Code>
          <CopyAction value={curl} label={t('newKey.copyCurl')} />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('newKey.done')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function CopyAction({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation('apiKeys');
  return (
    <CopyButton value={value} timeout={3000}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? t('newKey.copied') : label}>
          <ActionIcon variant="subtle" onClick={copy} aria-label={copied ? t('newKey.copied') : label}>
            {copied ? <IconCheck size={16} aria-hidden="true" /> : <IconCopy size={16} aria-hidden="true" />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}
