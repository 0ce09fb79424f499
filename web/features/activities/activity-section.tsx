import { Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fromZonedWallTime } from '../../../common/zoned-time';
import { useCurrentUser } from '../../app/api';
import { DateField } from '../../ui/date-field';
import { FailureAlert, FetchingIndicator } from '../../ui/feedback';
import { useFormatter } from '../../ui/format';
import { PageLoader } from '../../ui/page-loader';
import { useSettings } from '../settings/api';
import type { ActivityUser } from './activity-actions';
import { ActivityItem } from './activity-item';
import { type ActivityFilter, type ActivityKind, useActivities } from './api';
import '../../i18n/lazy/activities';

/** The user setting holding the Activity section's page size (10, 25, 50 or 100). */
export const ACTIVITY_PAGE_SIZE_SETTING = 'activities.page_size';
const PAGE_SIZES = [10, 25, 50, 100];

const KINDS: {
  kind: ActivityKind;
  label: 'section.emails' | 'section.calls' | 'section.events' | 'section.tasks';
}[] = [
  { kind: 'emails', label: 'section.emails' },
  { kind: 'calls', label: 'section.calls' },
  { kind: 'calendarevents', label: 'section.events' },
  { kind: 'tasks', label: 'section.tasks' },
];

function nextDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * The **Activity** section of a user's page: the emails and calls whose target is this user in
 * one timeline, newest first, filtered by type and by date range (whole days in the viewer's
 * time zone), a page at a time (**Load more** follows the cursor; the page size is the viewer's
 * setting). Each item expands to its details.
 */
export function ActivitySection({ user, isSelf }: { user: ActivityUser; isSelf: boolean }) {
  const { t } = useTranslation('activities');
  const format = useFormatter();
  const timeZone = format.timeZone;
  const { data: me } = useCurrentUser();
  const settings = useSettings('user');
  const configured = settings.data?.find((setting) => setting.key === ACTIVITY_PAGE_SIZE_SETTING)?.value;
  const pageSize = typeof configured === 'number' && PAGE_SIZES.includes(configured) ? configured : 10;
  const [kinds, setKinds] = useState<ActivityKind[]>(KINDS.map((entry) => entry.kind));
  const [fromDate, setFromDate] = useState<string | null>(null);
  const [toDate, setToDate] = useState<string | null>(null);
  const filter: ActivityFilter = {
    // Always the kinds this section draws (none ticked: all of them).
    types: kinds.length === 0 ? KINDS.map((entry) => entry.kind) : kinds,
    from: fromDate ? fromZonedWallTime(`${fromDate}T00:00`, timeZone) : undefined,
    to: toDate ? fromZonedWallTime(`${nextDay(toDate)}T00:00`, timeZone) : undefined,
  };
  const activities = useActivities(
    isSelf ? 'me' : user.id,
    filter,
    pageSize,
    !settings.isPending && kinds.length > 0,
  );
  const items = activities.data?.pages.flatMap((page) => page.items) ?? [];
  const included = activities.data?.pages.flatMap((page) => page.included) ?? [];

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('section.title')}>
      <Title order={2} size="h4" mb="sm">
        {t('section.title')}
      </Title>
      <Group align="flex-end" gap="md" mb="sm" wrap="wrap">
        <Checkbox.Group
          label={t('section.type')}
          value={kinds}
          onChange={(value) => setKinds(value as ActivityKind[])}
        >
          <Group gap="md" mt={6}>
            {KINDS.map((item) => (
              <Checkbox key={item.kind} value={item.kind} label={t(item.label)} />
            ))}
          </Group>
        </Checkbox.Group>
        <DateField
          label={t('section.from')}
          locale={format.locale}
          value={fromDate}
          onChange={(value, problem) => !problem && setFromDate(value)}
          clearable
          clearLabel={t('section.clearFrom')}
          w={170}
        />
        <DateField
          label={t('section.to')}
          locale={format.locale}
          value={toDate}
          onChange={(value, problem) => !problem && setToDate(value)}
          clearable
          clearLabel={t('section.clearTo')}
          w={170}
        />
        <FetchingIndicator
          active={activities.isFetching && !activities.isPending && !activities.isFetchingNextPage}
        />
      </Group>
      {kinds.length === 0 ? (
        <Text c="gray.8">{t('section.chooseType')}</Text>
      ) : activities.isPending ? (
        <PageLoader label={t('section.loading')} />
      ) : activities.isError ? (
        <FailureAlert title={t('section.failed')} message={activities.error.message} />
      ) : items.length === 0 ? (
        <Text c="gray.8">
          {fromDate || toDate || kinds.length < KINDS.length ? t('section.noMatch') : t('section.empty')}
        </Text>
      ) : (
        <Stack
          gap="xs"
          component="ol"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          aria-label={t('section.items')}
        >
          {items.map((item) => (
            <ActivityItem
              key={`${item.type}-${item.id}`}
              item={item}
              included={included}
              owner={user}
              viewerId={me?.id}
            />
          ))}
        </Stack>
      )}
      {activities.hasNextPage ? (
        <Group justify="center" mt="sm">
          <Button
            variant="default"
            onClick={() => activities.fetchNextPage()}
            loading={activities.isFetchingNextPage}
          >
            {t('section.loadMore')}
          </Button>
        </Group>
      ) : null}
    </Paper>
  );
}
