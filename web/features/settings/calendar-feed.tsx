import {
  ActionIcon,
  Alert,
  Button,
  CopyButton,
  Group,
  Loader,
  Modal,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconCalendarShare, IconCheck, IconCopy, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../../app/api';
import '../../i18n/lazy-namespaces';
import { apiPaths } from '../../app/api-paths';
import { DangerConfirmActions } from '../../ui/feedback';
import { useFormatter } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';

const FEED_URL = apiPaths.myCalendarFeed;
const feedQueryKey = ['calendar-feed'] as const;

type Feed = { type: 'calendar-feeds'; id: string; attributes: { url: string | null; createdAt: string } };
type FeedResource = { data: Feed };

/** My feed in the current organization (never its URL): null when there is none (`data: null`). */
function useCalendarFeed() {
  return useQuery({
    queryKey: feedQueryKey,
    queryFn: async () => (await apiFetch<{ data: Feed | null }>(FEED_URL)).data?.attributes ?? null,
  });
}

/**
 * **My calendar feed** in Configuration → Integrations (issue 14 item 4): **Create** a private
 * iCalendar address of my calendar in this organization (the address is shown once, with
 * **Copy**), create a new one (confirmed: the old one stops working), or **Revoke** it
 * (confirmed). The address lives in this component's state only.
 */
export function CalendarFeedField() {
  const { t } = useTranslation('calendarSharing');
  const format = useFormatter();
  const labelId = useId();
  const queryClient = useQueryClient();
  const feed = useCalendarFeed();
  const [shownUrl, setShownUrl] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<'replace' | 'revoke' | null>(null);
  const create = useMutation({
    mutationFn: () =>
      apiFetch<FeedResource>(FEED_URL, { method: 'POST', body: { data: { type: 'calendar-feeds' } } }),
    onSuccess: ({ data }) => {
      setShownUrl(data.attributes.url);
      queryClient.setQueryData(feedQueryKey, { ...data.attributes, url: null });
    },
    onSettled: () => setConfirming(null),
  });
  const revoke = useMutation({
    mutationFn: () => apiFetch<void>(FEED_URL, { method: 'DELETE' }),
    onSuccess: () => {
      setShownUrl(null);
      queryClient.setQueryData(feedQueryKey, null);
      notifySuccess(t('feed.revoked'));
    },
    onSettled: () => setConfirming(null),
  });
  const failure = create.error ?? revoke.error;
  const current = feed.data ?? null;

  return (
    <Stack gap="xs" role="group" aria-labelledby={labelId}>
      <Text id={labelId} fw={600}>
        {t('feed.title')}
      </Text>
      <Text size="sm" c="gray.8">
        {t('feed.explain')}
      </Text>
      {feed.isPending ? (
        <Group gap="xs" role="status">
          <Loader size="xs" aria-hidden="true" />
          <Text size="sm">{t('feed.loading')}</Text>
        </Group>
      ) : feed.isError ? (
        <Text c="red.9" role="alert">
          {feed.error.message}
        </Text>
      ) : (
        <Text size="sm">
          {current
            ? t('feed.active', {
                date: format.date(current.createdAt),
              })
            : t('feed.none')}
        </Text>
      )}
      {feed.isSuccess ? (
        <Group gap="sm">
          <Button
            leftSection={<IconCalendarShare size={16} aria-hidden="true" />}
            onClick={() => (current ? setConfirming('replace') : create.mutate())}
            loading={create.isPending && confirming === null}
          >
            {current ? t('feed.replace') : t('feed.create')}
          </Button>
          {current ? (
            <Button
              variant="default"
              leftSection={<IconTrash size={16} aria-hidden="true" />}
              onClick={() => setConfirming('revoke')}
            >
              {t('feed.revoke')}
            </Button>
          ) : null}
        </Group>
      ) : null}
      {failure ? (
        <Alert color="red" variant="outline" role="alert" title={t('feed.failed')}>
          {failure.message}
        </Alert>
      ) : null}
      {shownUrl ? (
        <Stack gap={6}>
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              label={t('feed.urlLabel')}
              description={t('feed.shownOnce')}
              value={shownUrl}
              readOnly
              onFocus={(event) => event.currentTarget.select()}
              style={{ flex: 1, minWidth: 0 }}
            />
            <CopyButton value={shownUrl}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t('feed.copied') : t('feed.copy')} withArrow>
                  <ActionIcon
                    variant="default"
                    size="lg"
                    onClick={copy}
                    aria-label={copied ? t('feed.copied') : t('feed.copy')}
                  >
                    {copied ? (
                      <IconCheck size={16} aria-hidden="true" />
                    ) : (
                      <IconCopy size={16} aria-hidden="true" />
                    )}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
          <Group>
            <Button variant="default" size="xs" onClick={() => setShownUrl(null)}>
              {t('feed.done')}
            </Button>
          </Group>
        </Stack>
      ) : null}
      <Modal
        opened={confirming === 'replace'}
        onClose={() => setConfirming(null)}
        title={t('feed.replaceTitle')}
        closeButtonProps={{ 'aria-label': t('feed.close') }}
        centered
      >
        <Stack>
          <Text>{t('feed.replaceExplain')}</Text>
          <DangerConfirmActions
            label={t('feed.replace')}
            loading={create.isPending}
            onCancel={() => setConfirming(null)}
            onConfirm={() => create.mutate()}
          />
        </Stack>
      </Modal>
      <Modal
        opened={confirming === 'revoke'}
        onClose={() => setConfirming(null)}
        title={t('feed.revokeTitle')}
        closeButtonProps={{ 'aria-label': t('feed.close') }}
        centered
      >
        <Stack>
          <Text>{t('feed.revokeExplain')}</Text>
          <DangerConfirmActions
            label={t('feed.revoke')}
            loading={revoke.isPending}
            onCancel={() => setConfirming(null)}
            onConfirm={() => revoke.mutate()}
          />
        </Stack>
      </Modal>
    </Stack>
  );
}
