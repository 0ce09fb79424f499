import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import './calendar-view.css';
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import listPlugin from '@fullcalendar/react/list';
import classicThemePlugin from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import { Button, Group, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OccurrenceScope } from '../../../common/calendar';
import { toZonedWallTime } from '../../../common/zoned-time';
import { apiFetch } from '../../app/api';
import { FailureAlert, FetchingIndicator } from '../../ui/feedback';
import { useFirstDayOfWeek, useFormatter, useViewerSettings } from '../../ui/format';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import {
  type CalendarEventResource,
  type OccurrenceResource,
  useDueTasks,
  useOccurrences,
  useUpdateCalendarEvent,
} from './api';
import type { EditedOccurrence } from './event-dialog';
import { ScopeDialog } from './scope-dialog';
import { addDays, apiTimeOf, shiftedSeriesTimes } from './times';
import '../../i18n/lazy/calendar';
import { apiPaths } from '../../app/api-paths';
import { InvitationDialog } from './invitation-dialog';

const EventDialog = lazy(() => import('./event-dialog').then((m) => ({ default: m.EventDialog })));

const views = { month: 'dayGridMonth', week: 'timeGridWeek', day: 'timeGridDay' } as const;
/** What the calendar needs to open or change an occurrence. */
type OccurrenceRef = { occurrence: OccurrenceResource };
type Opened =
  | { event: CalendarEventResource; occurrence?: EditedOccurrence }
  | { range: { start: string; end: string; allDay: boolean } };
type PendingMove = {
  occurrence: OccurrenceResource;
  start: string;
  end: string;
  allDay: boolean;
  revert: () => void;
};

/**
 * The calendar of one user: month, week, day and the agenda list (FullCalendar 7), in the viewer's
 * time zone, first day of week and default view (their settings); the occurrences of the visible
 * range in their colours (`/api/calendar-occurrences`) and the tasks due in it on their day. Click
 * an event to open it; drag to move, drag its end to resize (a repeating event asks this /
 * following / all); choose a range (or **New Event**) to add one. Loaded lazily: the page that
 * shows it carries none of it until it is opened.
 */
export default function CalendarView({
  owner,
  isSelf = false,
  canAdd,
}: {
  owner: { id: string; name: string };
  /** The viewer's own calendar: it also shows, read-only, the events they are invited to. */
  isSelf?: boolean;
  /** May the viewer put events into this calendar (their own, or with `calendar_events.assign`). */
  canAdd: boolean;
}) {
  const { t } = useTranslation('calendar');
  const settings = useViewerSettings();
  const timeZone = settings['localization.timezone'];
  const locale = settings['localization.locale'];
  // The viewer's Time format (12- or 24-hour) when they chose one; else the locale's clock.
  const { hour12 } = useFormatter();
  const clock = hour12 === undefined ? {} : { hour12 };
  const firstDay = useFirstDayOfWeek();
  const defaultView = (settings as Record<string, unknown>)['calendar.default_view'] as
    | keyof typeof views
    | undefined;
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const occurrences = useOccurrences(owner.id, range, isSelf);
  const [invitation, setInvitation] = useState<CalendarEventResource | null>(null);
  const tasks = useDueTasks(owner.id, range);
  const update = useUpdateCalendarEvent();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [opening, setOpening] = useState(false);
  const [pending, setPending] = useState<PendingMove | null>(null);

  const events = useMemo(
    () => [
      ...(occurrences.data ?? []).map((occurrence) => {
        const a = occurrence.attributes;
        const color = a.backgroundColor ?? undefined;
        // Another calendar's event I am a guest of: shown, answered, never moved from here.
        const invited = occurrence.relationships.owner.data.id !== owner.id;
        return {
          id: occurrence.id,
          title: a.title,
          start: a.start,
          // FullCalendar's all-day end is exclusive; the API's is the last day.
          end: a.allDay ? addDays(a.end, 1) : a.end,
          allDay: a.allDay,
          color,
          ...(invited ? { editable: false, classNames: ['atrium-invitation'] } : {}),
          extendedProps: { occurrence } satisfies OccurrenceRef,
        };
      }),
      ...(tasks.data ?? [])
        .filter((task) => task.attributes.dueDate)
        .map((task) => ({
          id: `task-${task.id}`,
          title: t('view.task', { subject: task.attributes.subject }),
          start: toZonedWallTime(task.attributes.dueDate ?? '', timeZone).slice(0, 10),
          allDay: true,
          editable: false,
          classNames: ['atrium-task'],
          extendedProps: { task },
        })),
    ],
    [occurrences.data, tasks.data, t, timeZone, owner.id],
  );

  const fetchEvent = (id: string) =>
    queryClient.fetchQuery({
      queryKey: ['calendarevents', id],
      queryFn: async () => (await apiFetch<{ data: CalendarEventResource }>(apiPaths.calendarEvent(id))).data,
    });

  const open = async (occurrence: OccurrenceResource) => {
    setOpening(true);
    try {
      if (occurrence.relationships.owner.data.id !== owner.id) {
        setInvitation(await fetchEvent(occurrence.relationships.event.data.id));
        return;
      }
      const seriesId = occurrence.relationships.recurringEvent.data?.id;
      const originalStart = occurrence.attributes.originalStart;
      if (seriesId && originalStart) {
        const series = await fetchEvent(seriesId);
        setOpened({
          event: series,
          occurrence: {
            seriesId,
            originalStart,
            start: occurrence.attributes.start,
            end: occurrence.attributes.end,
          },
        });
      } else setOpened({ event: await fetchEvent(occurrence.relationships.event.data.id) });
    } catch (error) {
      notifyFailure(t('view.failed'), error);
    } finally {
      setOpening(false);
    }
  };

  const move = async (change: PendingMove, scope: OccurrenceScope | undefined) => {
    const { occurrence } = change;
    const seriesId = occurrence.relationships.recurringEvent.data?.id;
    const originalStart = occurrence.attributes.originalStart;
    try {
      if (seriesId && originalStart && scope) {
        let times = { start: change.start, end: change.end, allDay: change.allDay };
        if (scope === 'all') {
          times = shiftedSeriesTimes(
            await fetchEvent(seriesId),
            occurrence.attributes,
            { start: change.start, end: change.end },
            change.allDay,
          );
        }
        await update.mutateAsync({
          target: { id: seriesId, occurrence: originalStart, scope },
          attributes: times,
        });
      } else {
        await update.mutateAsync({
          target: { id: occurrence.relationships.event.data.id },
          attributes: { start: change.start, end: change.end, allDay: change.allDay },
        });
      }
      notifySuccess(t('view.moved'));
    } catch (error) {
      change.revert();
      notifyFailure(t('view.moveFailed'), error);
    }
  };

  const changed = (info: {
    event: { startStr: string; endStr: string; allDay: boolean; extendedProps: Record<string, unknown> };
    revert: () => void;
  }) => {
    const occurrence = (info.event.extendedProps as OccurrenceRef).occurrence;
    const allDay = info.event.allDay;
    const start = apiTimeOf(info.event.startStr, allDay, timeZone);
    let end: string;
    if (info.event.endStr) {
      end = apiTimeOf(info.event.endStr, allDay, timeZone);
      if (allDay) end = addDays(end, -1);
    } else end = allDay ? start : new Date(Date.parse(start) + 60 * 60_000).toISOString();
    const change: PendingMove = { occurrence, start, end, allDay, revert: info.revert };
    if (occurrence.attributes.isRecurring) setPending(change);
    else void move(change, undefined);
  };

  return (
    <Stack gap="sm" className="atrium-calendar">
      <Group justify="space-between" wrap="wrap">
        <FetchingIndicator active={occurrences.isFetching || opening} />
        {canAdd ? (
          <Button
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
            onClick={() =>
              setOpened({
                range: {
                  start: new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000).toISOString(),
                  end: new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 3_600_000).toISOString(),
                  allDay: false,
                },
              })
            }
          >
            {t('view.newEvent')}
          </Button>
        ) : null}
      </Group>
      <FailureAlert
        title={t('view.failed')}
        message={occurrences.isError ? occurrences.error.message : null}
      />
      <FullCalendar
        plugins={[classicThemePlugin, dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin]}
        initialView={views[defaultView ?? 'month'] ?? 'dayGridMonth'}
        timeZone={timeZone ?? 'local'}
        locale={locale}
        firstDay={firstDay}
        eventTimeFormat={{
          hour: 'numeric',
          minute: '2-digit',
          meridiem: 'short',
          ...clock,
        }}
        slotHeaderFormat={{
          hour: 'numeric',
          minute: '2-digit',
          omitZeroMinute: true,
          meridiem: 'short',
          ...clock,
        }}
        height="auto"
        headerToolbar={{
          start: 'prev,next today',
          center: 'title',
          end: 'dayGridMonth,timeGridWeek,timeGridDay,listWeek',
        }}
        buttons={{
          today: { text: t('view.today') },
          prev: { text: t('view.previous'), hint: t('view.previous') },
          next: { text: t('view.next'), hint: t('view.next') },
          dayGridMonth: { text: t('view.month') },
          timeGridWeek: { text: t('view.week') },
          timeGridDay: { text: t('view.day') },
          listWeek: { text: t('view.list') },
        }}
        noEventsText={t('view.noEvents')}
        nowIndicator
        editable={canAdd}
        eventInteractive
        selectable={canAdd}
        selectMirror
        dayMaxEvents
        events={events}
        datesSet={(info) => {
          const from = info.start.toISOString();
          const to = info.end.toISOString();
          setRange((current) => (current?.from === from && current.to === to ? current : { from, to }));
        }}
        eventClick={(info) => {
          info.jsEvent.preventDefault();
          const ref = info.event.extendedProps as Partial<OccurrenceRef>;
          if (ref.occurrence) void open(ref.occurrence);
        }}
        eventDrop={changed}
        eventResize={changed}
        select={(info) => {
          const start = apiTimeOf(info.startStr, info.allDay, timeZone);
          const end = info.allDay
            ? addDays(info.endStr.slice(0, 10), -1)
            : apiTimeOf(info.endStr, false, timeZone);
          setOpened({ range: { start, end, allDay: info.allDay } });
        }}
      />
      {opened ? (
        <Suspense fallback={null}>
          <EventDialog
            opened
            onClose={() => setOpened(null)}
            owner={owner}
            {...('event' in opened
              ? { event: opened.event, occurrence: opened.occurrence }
              : { initialRange: opened.range })}
          />
        </Suspense>
      ) : null}
      {invitation ? (
        <InvitationDialog event={invitation} viewerId={owner.id} onClose={() => setInvitation(null)} />
      ) : null}
      {pending ? (
        <ScopeDialog
          opened
          busy={update.isPending}
          onCancel={() => {
            pending.revert();
            setPending(null);
          }}
          onApply={async (scope) => {
            await move(pending, scope);
            setPending(null);
          }}
        />
      ) : null}
    </Stack>
  );
}
