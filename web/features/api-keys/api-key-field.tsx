import { Alert, Button, Code, Group, Loader, Stack, Text } from '@mantine/core';
import { IconKey, IconTrash } from '@tabler/icons-react';
import { lazy, Suspense, useId, useState } from 'react';
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

// The confirmations and the new key load when an action first needs them (the page shows the
// field to everyone; few press its buttons), fetched as the button is pressed.
const loadDialogs = () => import('./api-key-dialogs');
const ConfirmKeyDialog = lazy(async () => ({ default: (await loadDialogs()).ConfirmKeyDialog }));
const NewKey = lazy(async () => ({ default: (await loadDialogs()).NewKey }));

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
  const apiKey = current.data ?? null;
  const { generate, revoke, shown, setShown, confirming, setConfirming, isConfirmationUsed, ...actions } =
    useApiKeyActions(userId);
  const failure = generate.error ?? revoke.error;

  return (
    <Stack gap="xs" role="group" aria-labelledby={labelId}>
      <Text id={labelId} fw={600}>
        {t('label')}
      </Text>
      {current.isPending ? (
        <Loading label={t('loading')} />
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
            onClick={() => (apiKey ? actions.askToConfirm('replace') : actions.generateNow())}
            loading={generate.isPending && confirming === null}
          >
            {t('generate')}
          </Button>
          {apiKey ? (
            <Button
              variant="default"
              leftSection={<IconTrash size={16} aria-hidden="true" />}
              onClick={() => actions.askToConfirm('revoke')}
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

      {shown ? (
        <Suspense fallback={<Loading label={t('common:states.loading')} />}>
          <NewKey apiKey={shown} onDone={() => setShown(null)} />
        </Suspense>
      ) : null}

      {isConfirmationUsed ? (
        <Suspense fallback={<Loading label={t('common:states.loading')} />}>
          <ConfirmKeyDialog
            opened={confirming === 'replace'}
            onClose={() => setConfirming(null)}
            title={t('replace.title')}
            explanation={t('replace.explain', { prefix: apiKey?.prefix ?? '' })}
            actionLabel={t('generate')}
            isPending={generate.isPending}
            onConfirm={actions.generateNow}
          />
          <ConfirmKeyDialog
            opened={confirming === 'revoke'}
            onClose={() => setConfirming(null)}
            title={t('revokeConfirm.title')}
            explanation={t('revokeConfirm.explain', { prefix: apiKey?.prefix ?? '' })}
            actionLabel={t('revoke')}
            actionColor="red.8"
            isPending={revoke.isPending}
            onConfirm={actions.revokeNow}
          />
        </Suspense>
      ) : null}
    </Stack>
  );
}

/**
 * What the field's buttons do: generate (the new key kept in `shown`, and only there), revoke, and
 * which confirmation is open. The confirmations' code is fetched as soon as one is asked for.
 */
function useApiKeyActions(userId: string) {
  const generate = useGenerateApiKey(userId);
  const revoke = useRevokeApiKey(userId);
  const [shown, setShown] = useState<GeneratedApiKey | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  // Each confirmation mounts once first asked for and stays mounted, so closing animates as usual.
  const [isConfirmationUsed, setConfirmationUsed] = useState(false);
  if (confirming !== null && !isConfirmationUsed) setConfirmationUsed(true);
  const askToConfirm = (what: Exclude<Confirming, null>) => {
    void loadDialogs();
    setConfirming(what);
  };
  const generateNow = () => {
    void loadDialogs();
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
  return {
    generate,
    revoke,
    shown,
    setShown,
    confirming,
    setConfirming,
    isConfirmationUsed,
    askToConfirm,
    generateNow,
    revokeNow,
  };
}

/** A small spinner with its words, announced to screen readers. */
function Loading({ label }: { label: string }) {
  return (
    <Group gap="xs">
      <Loader size="xs" aria-hidden="true" />
      <Text size="sm" c="dimmed" role="status">
        {label}
      </Text>
    </Group>
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
