import {
  ActionIcon,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { GeneratedApiKey } from './api';
import '../../i18n/lazy/api-keys';

/**
 * The API Key field's parts that only an action shows (api-key-field.tsx loads them when Generate
 * Key or Revoke is first chosen): the confirmation before a key is replaced or revoked, and the new
 * key shown once.
 */

/** A confirmation dialog: what happens to the key, Cancel, and the action. */
export function ConfirmKeyDialog({
  opened,
  onClose,
  title,
  explanation,
  actionLabel,
  actionColor,
  isPending,
  onConfirm,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  explanation: string;
  actionLabel: string;
  actionColor?: string;
  isPending: boolean;
  onConfirm: () => void;
}) {
  const { t } = useTranslation('common');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      closeButtonProps={{ 'aria-label': t('actions.close') }}
      centered
    >
      <Stack>
        <Text>{explanation}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={isPending}>
            {t('actions.cancel')}
          </Button>
          <Button color={actionColor} onClick={onConfirm} loading={isPending}>
            {actionLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The new key, shown once: the key and a ready-to-paste curl command, each with a copy button. */
export function NewKey({ apiKey, onDone }: { apiKey: GeneratedApiKey; onDone: () => void }) {
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
