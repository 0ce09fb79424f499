import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A small "Loading…" beside filters while a list refetches, announced to screen readers. */
export function FetchingIndicator({ active }: { active: boolean }) {
  const { t } = useTranslation();
  if (!active) return null;
  return (
    <Group gap={6} role="status" pb={8}>
      <Loader size="xs" aria-hidden="true" />
      <Text size="sm" c="dimmed">
        {t('states.loading')}
      </Text>
    </Group>
  );
}

/** A red alert (role "alert") saying what failed and why; nothing when there is no message. */
export function FailureAlert({ title, message }: { title: string; message: ReactNode | null | undefined }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="outline" role="alert" title={title}>
      {message}
    </Alert>
  );
}

/** **Cancel** and a red, focused confirm button at the foot of a dangerous confirmation dialog. */
export function DangerConfirmActions({
  label,
  onCancel,
  onConfirm,
  loading,
}: {
  label: string;
  onCancel: () => void;
  onConfirm: () => void;
  loading: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('actions.cancel')}
      </Button>
      <Button color="red.8" onClick={onConfirm} loading={loading} data-autofocus>
        {label}
      </Button>
    </Group>
  );
}
