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
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert, FetchingIndicator } from '../../ui/feedback';
import { useDueTasks, useOccurrences } from './api';
import {
  type OccurrenceRef,
  useCalendarEntries,
  useCalendarLook,
  useOccurrenceMover,
  useOccurrenceOpener,
} from './calendar-view-state';
import { ScopeDialog } from './scope-dialog';
import { addDays, apiTimeOf } from './times';
import '../../i18n/lazy/calendar';
import { InvitationDialog } from './invitation-dialog';

const EventDialog = lazy(() => import('./event-dialog').then((m) => ({ default: m.EventDialog })));

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
  const look = useCalendarLook();
  const { timeZone } = look;
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const occurrences = useOccurrences(owner.id, range, isSelf);
  const tasks = useDueTasks(owner.id, range);
  const events = useCalendarEntries(occurrences.data, tasks.data, owner.id, timeZone);
  const { open, opened, setOpened, opening, invitation, setInvitation } = useOccurrenceOpener(owner.id);
  const { move, changed, pending, setPending, isMoving } = useOccurrenceMover(timeZone);

  return (
    <Stack gap="sm" className="atrium-calendar">
      <Group justify="space-between" wrap="wrap">
        <FetchingIndicator active={occurrences.isFetching || opening} />
        {canAdd ? (
          <Button
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
            onClick={() => setOpened({ range: nextHour() })}
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
        {...look.props}
        height="auto"
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
        select={(info) => setOpened({ range: selectedRange(info, timeZone) })}
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
          busy={isMoving}
          onCancel={() => {
            pending.revert();
            setPending(null);
          }}
          onApply={(scope) => move(pending, scope).then(() => setPending(null))}
        />
      ) : null}
    </Stack>
  );
}

/** New Event's default: the next whole hour. */
function nextHour() {
  const start = Math.ceil(Date.now() / 3_600_000) * 3_600_000;
  return {
    start: new Date(start).toISOString(),
    end: new Date(start + 3_600_000).toISOString(),
    allDay: false,
  };
}

/** A range chosen on the calendar, in the API's terms (an all-day range ends on its last day). */
function selectedRange(
  info: { startStr: string; endStr: string; allDay: boolean },
  timeZone: string | undefined,
) {
  const start = apiTimeOf(info.startStr, info.allDay, timeZone);
  const end = info.allDay ? addDays(info.endStr.slice(0, 10), -1) : apiTimeOf(info.endStr, false, timeZone);
  return { start, end, allDay: info.allDay };
}
