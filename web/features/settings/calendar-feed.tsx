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
import type { ApiResource } from '../../app/api-types';
import { DangerConfirmActions } from '../../ui/feedback';
import { useFormatter } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';

const FEED_URL = apiPaths.myCalendarFeed;
const feedQueryKey = ['calendar-feed'] as const;

/** `CalendarFeed` of the OpenAPI document. */
type Feed = ApiResource<'CalendarFeed'>;
type FeedResource = { data: Feed };

/** My feed in the current organization (never its URL): null when there is none (`data: null`). */
function useCalendarFeed() {
  return useQuery({
    queryKey: feedQueryKey,
    queryFn: async () => (await apiFetch<{ data: Feed | null }>(FEED_URL)).data?.attributes ?? null,
  });
}

/**
 * Create and revoke, and what the field shows around them: the address just created (shown once)
 * and the confirmation open, if any. Either mutation closes the confirmation when it settles.
 */
function useCalendarFeedActions() {
  const { t } = useTranslation('calendarSharing');
  const queryClient = useQueryClient();
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
  return { shownUrl, setShownUrl, confirming, setConfirming, create, revoke };
}

/** Whether I have a feed (and since when), or that it is loading or failed to load. */
function CalendarFeedStatus({ feed }: { feed: ReturnType<typeof useCalendarFeed> }) {
  const { t } = useTranslation('calendarSharing');
  const format = useFormatter();
  if (feed.isPending)
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" aria-hidden="true" />
        <Text size="sm">{t('feed.loading')}</Text>
      </Group>
    );
  if (feed.isError)
    return (
      <Text c="red.9" role="alert">
        {feed.error.message}
      </Text>
    );
  return (
    <Text size="sm">
      {feed.data
        ? t('feed.active', {
            date: format.date(feed.data.createdAt),
          })
        : t('feed.none')}
    </Text>
  );
}

/** The address just created, with **Copy**, until **Done**: it is never shown again. */
function ShownFeedUrl({ url, onDone }: { url: string; onDone: () => void }) {
  const { t } = useTranslation('calendarSharing');
  return (
    <Stack gap={6}>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          label={t('feed.urlLabel')}
          description={t('feed.shownOnce')}
          value={url}
          readOnly
          onFocus={(event) => event.currentTarget.select()}
          style={{ flex: 1, minWidth: 0 }}
        />
        <CopyButton value={url}>
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
        <Button variant="default" size="xs" onClick={onDone}>
          {t('feed.done')}
        </Button>
      </Group>
    </Stack>
  );
}

type FeedConfirmationProps = {
  opened: boolean;
  title: string;
  explain: string;
  label: string;
  loading: boolean;
  onCancel: () => void;
  onConfirm: () => void;
};

/** The confirmation of replacing or revoking the feed: either way the old address stops working. */
function FeedConfirmation({
  opened,
  title,
  explain,
  label,
  loading,
  onCancel,
  onConfirm,
}: FeedConfirmationProps) {
  const { t } = useTranslation('calendarSharing');
  return (
    <Modal
      opened={opened}
      onClose={onCancel}
      title={title}
      closeButtonProps={{ 'aria-label': t('feed.close') }}
      centered
    >
      <Stack>
        <Text>{explain}</Text>
        <DangerConfirmActions label={label} loading={loading} onCancel={onCancel} onConfirm={onConfirm} />
      </Stack>
    </Modal>
  );
}

/**
 * **My calendar feed** in Configuration → Integrations (issue 14 item 4): **Create** a private
 * iCalendar address of my calendar in this organization (the address is shown once, with
 * **Copy**), create a new one (confirmed: the old one stops working), or **Revoke** it
 * (confirmed). The address lives in this component's state only.
 */
export function CalendarFeedField() {
  const { t } = useTranslation('calendarSharing');
  const labelId = useId();
  const feed = useCalendarFeed();
  const { shownUrl, setShownUrl, confirming, setConfirming, create, revoke } = useCalendarFeedActions();
  const failure = create.error ?? revoke.error;
  const current = feed.data ?? null;
  const cancel = () => setConfirming(null);

  return (
    <Stack gap="xs" role="group" aria-labelledby={labelId}>
      <Text id={labelId} fw={600}>
        {t('feed.title')}
      </Text>
      <Text size="sm" c="gray.8">
        {t('feed.explain')}
      </Text>
      <CalendarFeedStatus feed={feed} />
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
      {shownUrl ? <ShownFeedUrl url={shownUrl} onDone={() => setShownUrl(null)} /> : null}
      <FeedConfirmation
        opened={confirming === 'replace'}
        title={t('feed.replaceTitle')}
        explain={t('feed.replaceExplain')}
        label={t('feed.replace')}
        loading={create.isPending}
        onCancel={cancel}
        onConfirm={() => create.mutate()}
      />
      <FeedConfirmation
        opened={confirming === 'revoke'}
        title={t('feed.revokeTitle')}
        explain={t('feed.revokeExplain')}
        label={t('feed.revoke')}
        loading={revoke.isPending}
        onCancel={cancel}
        onConfirm={() => revoke.mutate()}
      />
    </Stack>
  );
}
