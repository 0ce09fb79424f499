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

/** What the section's filters are set to: the kinds ticked, and a range of whole days (`YYYY-MM-DD`). */
export type ActivityFilterChoice = { kinds: ActivityKind[]; fromDate: string | null; toDate: string | null };

/**
 * The filter the API takes for the section's choice: always the kinds this section draws (none
 * ticked: all of them), and the days from the start of the first to the end of the last in the
 * viewer's zone.
 */
export function activityFilterOf(choice: ActivityFilterChoice, timeZone: string | undefined): ActivityFilter {
  const { kinds, fromDate, toDate } = choice;
  return {
    types: kinds.length === 0 ? KINDS.map((entry) => entry.kind) : kinds,
    from: fromDate ? fromZonedWallTime(`${fromDate}T00:00`, timeZone) : undefined,
    to: toDate ? fromZonedWallTime(`${nextDay(toDate)}T00:00`, timeZone) : undefined,
  };
}

/** The viewer's Activity page size (their setting, else 10), and whether it is still loading. */
function useActivityPageSize() {
  const settings = useSettings('user');
  const configured = settings.data?.find((setting) => setting.key === ACTIVITY_PAGE_SIZE_SETTING)?.value;
  const pageSize = typeof configured === 'number' && PAGE_SIZES.includes(configured) ? configured : 10;
  return { pageSize, isPending: settings.isPending };
}

/** **Type** (a checkbox per kind), **From** and **To**; a date the field cannot read is not taken. */
function ActivityFilterBar({
  value,
  onChange,
  fetching,
}: {
  value: ActivityFilterChoice;
  onChange: (value: ActivityFilterChoice) => void;
  fetching: boolean;
}) {
  const { t } = useTranslation('activities');
  const format = useFormatter();
  return (
    <Group align="flex-end" gap="md" mb="sm" wrap="wrap">
      <Checkbox.Group
        label={t('section.type')}
        value={value.kinds}
        onChange={(kinds) => onChange({ ...value, kinds: kinds as ActivityKind[] })}
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
        value={value.fromDate}
        onChange={(fromDate, problem) => !problem && onChange({ ...value, fromDate })}
        clearable
        clearLabel={t('section.clearFrom')}
        w={170}
      />
      <DateField
        label={t('section.to')}
        locale={format.locale}
        value={value.toDate}
        onChange={(toDate, problem) => !problem && onChange({ ...value, toDate })}
        clearable
        clearLabel={t('section.clearTo')}
        w={170}
      />
      <FetchingIndicator active={fetching} />
    </Group>
  );
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
  const { data: me } = useCurrentUser();
  const { pageSize, isPending: isPageSizePending } = useActivityPageSize();
  const [choice, setChoice] = useState<ActivityFilterChoice>({
    kinds: KINDS.map((entry) => entry.kind),
    fromDate: null,
    toDate: null,
  });
  const { kinds, fromDate, toDate } = choice;
  const activities = useActivities(
    isSelf ? 'me' : user.id,
    activityFilterOf(choice, format.timeZone),
    pageSize,
    !isPageSizePending && kinds.length > 0,
  );
  const items = activities.data?.pages.flatMap((page) => page.items) ?? [];
  const included = activities.data?.pages.flatMap((page) => page.included) ?? [];

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('section.title')}>
      <Title order={2} size="h4" mb="sm">
        {t('section.title')}
      </Title>
      <ActivityFilterBar
        value={choice}
        onChange={setChoice}
        fetching={activities.isFetching && !activities.isPending && !activities.isFetchingNextPage}
      />
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
