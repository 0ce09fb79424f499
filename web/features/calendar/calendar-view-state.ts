import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OccurrenceScope } from '../../../common/calendar';
import { toZonedWallTime } from '../../../common/zoned-time';
import { apiFetch } from '../../app/api';
import { apiPaths } from '../../app/api-paths';
import { useFirstDayOfWeek, useFormatter, useViewerSettings } from '../../ui/format';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import {
  type CalendarEventResource,
  type DueTask,
  type OccurrenceResource,
  useUpdateCalendarEvent,
} from './api';
import type { EditedOccurrence } from './event-dialog';
import { addDays, apiTimeOf, shiftedSeriesTimes } from './times';

export const views = { month: 'dayGridMonth', week: 'timeGridWeek', day: 'timeGridDay' } as const;
/** What the calendar needs to open or change an occurrence. */
export type OccurrenceRef = { occurrence: OccurrenceResource };
export type Opened =
  | { event: CalendarEventResource; occurrence?: EditedOccurrence }
  | { range: { start: string; end: string; allDay: boolean } };
export type PendingMove = {
  occurrence: OccurrenceResource;
  start: string;
  end: string;
  allDay: boolean;
  revert: () => void;
};

/**
 * How the calendar looks for the viewer: their time zone, locale, clock (their Time format when
 * they chose one, else the locale's), first day of week, default view, and the toolbar's words.
 */
export function useCalendarLook() {
  const { t } = useTranslation('calendar');
  const settings = useViewerSettings();
  const { hour12 } = useFormatter();
  const clock = hour12 === undefined ? {} : { hour12 };
  const firstDay = useFirstDayOfWeek();
  const defaultView = (settings as Record<string, unknown>)['calendar.default_view'] as
    | keyof typeof views
    | undefined;
  const timeZone = settings['localization.timezone'];
  return {
    timeZone,
    props: {
      initialView: views[defaultView ?? 'month'] ?? 'dayGridMonth',
      timeZone: timeZone ?? 'local',
      locale: settings['localization.locale'],
      firstDay,
      eventTimeFormat: { hour: 'numeric', minute: '2-digit', meridiem: 'short', ...clock },
      slotHeaderFormat: {
        hour: 'numeric',
        minute: '2-digit',
        omitZeroMinute: true,
        meridiem: 'short',
        ...clock,
      },
      headerToolbar: {
        start: 'prev,next today',
        center: 'title',
        end: 'dayGridMonth,timeGridWeek,timeGridDay,listWeek',
      },
      buttons: {
        today: { text: t('view.today') },
        prev: { text: t('view.previous'), hint: t('view.previous') },
        next: { text: t('view.next'), hint: t('view.next') },
        dayGridMonth: { text: t('view.month') },
        timeGridWeek: { text: t('view.week') },
        timeGridDay: { text: t('view.day') },
        listWeek: { text: t('view.list') },
      },
      noEventsText: t('view.noEvents'),
    } as const,
  };
}

/** The occurrences in their colours and the tasks due, on their day, as FullCalendar's events. */
export function useCalendarEntries(
  occurrences: OccurrenceResource[] | undefined,
  tasks: DueTask[] | undefined,
  ownerId: string,
  timeZone: string | undefined,
) {
  const { t } = useTranslation('calendar');
  return useMemo(
    () => [
      ...(occurrences ?? []).map((occurrence) => {
        const a = occurrence.attributes;
        const color = a.backgroundColor ?? undefined;
        // Another calendar's event I am a guest of: shown, answered, never moved from here.
        const invited = occurrence.relationships.owner.data.id !== ownerId;
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
      ...(tasks ?? [])
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
    [occurrences, tasks, t, timeZone, ownerId],
  );
}

/** An event of the calendar, read once and kept in the query cache. */
function useFetchEvent() {
  const queryClient = useQueryClient();
  return (id: string) =>
    queryClient.fetchQuery({
      queryKey: ['calendarevents', id],
      queryFn: async () => (await apiFetch<{ data: CalendarEventResource }>(apiPaths.calendarEvent(id))).data,
    });
}

/**
 * Opening a clicked occurrence: an invitation (another calendar's event) in the invitation dialog;
 * an occurrence of a series with its series; a single event as it is.
 */
export function useOccurrenceOpener(ownerId: string) {
  const { t } = useTranslation('calendar');
  const fetchEvent = useFetchEvent();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [opening, setOpening] = useState(false);
  const [invitation, setInvitation] = useState<CalendarEventResource | null>(null);

  const open = async (occurrence: OccurrenceResource) => {
    setOpening(true);
    try {
      if (occurrence.relationships.owner.data.id !== ownerId) {
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
  return { open, opened, setOpened, opening, invitation, setInvitation };
}

/**
 * Dragging or resizing an occurrence: a single event moves at once; an occurrence of a series
 * waits in `pending` for the scope (this, following, all). A failed move puts it back.
 */
export function useOccurrenceMover(timeZone: string | undefined) {
  const { t } = useTranslation('calendar');
  const fetchEvent = useFetchEvent();
  const update = useUpdateCalendarEvent();
  const [pending, setPending] = useState<PendingMove | null>(null);

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
  return { move, changed, pending, setPending, isMoving: update.isPending };
}
