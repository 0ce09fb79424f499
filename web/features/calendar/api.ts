import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OccurrenceScope, Reminder } from '../../../common/calendar';
import { ApiError, apiFetch } from '../../app/api';
import { apiPaths } from '../../app/api-paths';
import type { ApiResource } from '../../app/api-types';

/** A `calendarevents` resource (`CalendarEvent` of the OpenAPI document). */
export type CalendarEventResource = ApiResource<'CalendarEvent'>;

/** One expanded occurrence (`calendar-occurrences`). */
export type OccurrenceResource = ApiResource<'CalendarOccurrence'>;

/** What a create or change sends (`start`/`end` as instants with an offset, or dates when all-day). */
export type CalendarEventInput = {
  title: string;
  description: string | null;
  start: string;
  end: string;
  allDay: boolean;
  timeZone: string;
  backgroundColor: string | null;
  recurrence: string | null;
  reminders: Reminder[];
  attendees: { email: string; displayName: string | null }[];
};

/** Which event a change goes to: a single event by id, or an occurrence of a series with its scope. */
export type EventTarget = {
  id: string;
  occurrence?: string | undefined;
  scope?: OccurrenceScope | undefined;
};

function targetUrl(target: EventTarget): string {
  const query = new URLSearchParams();
  if (target.occurrence) {
    query.set('occurrence', target.occurrence);
    query.set('scope', target.scope ?? 'this');
  }
  const search = query.size > 0 ? `?${query}` : '';
  return `${apiPaths.calendarEvent(target.id)}${search}`;
}

/** After any change: the calendars, the timelines and the opened events are read again. */
function useInvalidateCalendar() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['calendar-occurrences'] }),
      queryClient.invalidateQueries({ queryKey: ['calendarevents'] }),
      queryClient.invalidateQueries({ queryKey: ['activities'] }),
    ]);
}

/** One event (`GET /api/calendarevents/{id}`); disabled without an id. */
export function useCalendarEvent(id: string | undefined) {
  return useQuery({
    queryKey: ['calendarevents', id],
    enabled: id !== undefined,
    queryFn: async ({ signal }) =>
      (
        await apiFetch<{ data: CalendarEventResource }>(apiPaths.calendarEvent(id ?? ''), {
          signal,
        })
      ).data,
  });
}

/** **Assign Event** / a new event: `POST /api/calendarevents` into `ownerId`'s calendar. */
export function useCreateCalendarEvent() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: async ({ ownerId, attributes }: { ownerId: string; attributes: CalendarEventInput }) =>
      (
        await apiFetch<{ data: CalendarEventResource }>(apiPaths.calendarEvents, {
          method: 'POST',
          body: {
            data: {
              type: 'calendarevents',
              attributes,
              relationships: { owner: { data: { type: 'users', id: ownerId } } },
            },
          },
        })
      ).data,
    onSuccess: invalidate,
  });
}

/** A change: `PATCH /api/calendarevents/{id}[?occurrence=…&scope=this|following|all]`. */
export function useUpdateCalendarEvent() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: async ({
      target,
      attributes,
    }: {
      target: EventTarget;
      attributes: Partial<CalendarEventInput>;
    }) =>
      (
        await apiFetch<{ data: CalendarEventResource }>(targetUrl(target), {
          method: 'PATCH',
          body: { data: { type: 'calendarevents', id: target.id, attributes } },
        })
      ).data,
    onSuccess: invalidate,
  });
}

/** **Delete**: `DELETE /api/calendarevents/{id}[?occurrence=…&scope=…]`. */
export function useDeleteCalendarEvent() {
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: (target: EventTarget) => apiFetch<void>(targetUrl(target), { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

/** The occurrences of a calendar in [from, to) (`GET /api/calendar-occurrences`, at most a year). */
export function useOccurrences(
  ownerId: string,
  range: { from: string; to: string } | null,
  /** My own calendar: also the events of others I am a guest of (`filter[invitations]=include`). */
  invitations = false,
) {
  return useQuery({
    queryKey: ['calendar-occurrences', ownerId, range?.from, range?.to, invitations],
    enabled: range !== null,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const query = new URLSearchParams({
        'filter[owner]': ownerId,
        'filter[start][gte]': range?.from ?? '',
        'filter[start][lt]': range?.to ?? '',
      });
      if (invitations) query.set('filter[invitations]', 'include');
      return (
        await apiFetch<{ data: OccurrenceResource[] }>(`${apiPaths.calendarOccurrences}?${query}`, { signal })
      ).data;
    },
  });
}

/** A task as the calendar shows it: on its due date. */
export type DueTask = ApiResource<'Task'>;

/**
 * The owner's tasks due in [from, to) (`GET /api/tasks?filter[owner]=…&filter[dueDate][gte|lt]=…`),
 * up to 100; a viewer who may not read them gets none.
 */
export function useDueTasks(ownerId: string, range: { from: string; to: string } | null) {
  return useQuery({
    queryKey: ['tasks', 'calendar', ownerId, range?.from, range?.to],
    enabled: range !== null,
    placeholderData: keepPreviousData,
    retry: false,
    queryFn: async ({ signal }) => {
      const query = new URLSearchParams({
        'filter[owner]': ownerId,
        'filter[dueDate][gte]': range?.from ?? '',
        'filter[dueDate][lt]': range?.to ?? '',
        'page[size]': '100',
      });
      try {
        return (await apiFetch<{ data: DueTask[] }>(`${apiPaths.tasks}?${query}`, { signal })).data;
      } catch (error) {
        if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return [];
        throw error;
      }
    },
  });
}
