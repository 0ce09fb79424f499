import {
  Badge,
  Button,
  Collapse,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconCalendarEvent, IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { lazy, type ReactNode, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Formatter } from '../../../common/format';
import { EmailBodyFrame } from '../../ui/email-body-frame';
import { useFormatter } from '../../ui/format';
import type { CalendarEventResource } from './api';
import { EventResponse, viewerGuestStatus } from './event-response';
import { fromRRule, summarizeRepeat, useRepeatWords } from './recurrence';
import { type ReminderUnit, splitMinutes } from './reminders-field';
import '../../i18n/lazy/calendar';
import direction from '../../ui/direction.module.css';

const EventDialog = lazy(() => import('./event-dialog').then((m) => ({ default: m.EventDialog })));

/**
 * An event's time span as the viewer reads it (their locale, zone, date and time format): dates
 * for all-day events, else date and time in their zone.
 */
export function formatEventSpan(
  attributes: Pick<CalendarEventResource['attributes'], 'start' | 'end' | 'allDay'>,
  format: Formatter,
): string {
  if (attributes.allDay) {
    const start = format.calendarDate(attributes.start);
    return attributes.start === attributes.end ? start : `${start} – ${format.calendarDate(attributes.end)}`;
  }
  return format.dateTimeRange(attributes.start, attributes.end);
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={600} c="gray.8">
        {label}
      </Text>
      <div style={{ overflowWrap: 'anywhere' }}>{children}</div>
    </div>
  );
}

/** An expanded event: when, its repetition, guests with their answers, reminders, description, **Edit**. */
function EventDetails({ event, onEdit }: { event: CalendarEventResource; onEdit: () => void }) {
  const { t } = useTranslation('calendar');
  const repeatWords = useRepeatWords();
  const format = useFormatter();
  const a = event.attributes;
  const repeat = fromRRule(a.recurrence, a.timeZone);
  const startDate = a.allDay ? a.start : a.start.slice(0, 10);
  const repeats = summarizeRepeat(repeat, startDate, format.locale, repeatWords, (date) =>
    format.calendarDate(date),
  );
  const reminderText = (minutes: number) => {
    const { amount, unit } = splitMinutes(minutes);
    return t('activity.minutesBefore', { text: `${amount} ${t(`reminders.units.${unit as ReminderUnit}`)}` });
  };
  return (
    <Stack gap="sm" pt={8}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Field label={t('activity.when')}>{formatEventSpan(a, format)}</Field>
        <Field label={t('repeat.label')}>{repeats}</Field>
        <Field label={t('activity.guests')}>
          {a.attendees.length === 0
            ? '—'
            : a.attendees.map((guest) => `${guest.displayName ?? guest.email} (${guest.status})`).join(', ')}
        </Field>
        <Field label={t('activity.reminders')}>
          {a.reminders.length === 0
            ? '—'
            : a.reminders.map((reminder) => reminderText(reminder.minutesBefore)).join(', ')}
        </Field>
      </SimpleGrid>
      {a.description ? (
        <EmailBodyFrame body={{ type: 'html', content: a.description }} title={t('dialog.description')} />
      ) : null}
      <Group gap="xs">
        <Button size="xs" variant="default" onClick={onEdit}>
          {t('view.edit')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * A calendar event on the Activity timeline of its owner: icon, colour, title, time; expanded, its
 * description, repetition, guests with their answers, reminders, and **Edit** (the event dialog).
 */
export function EventActivityItem({
  event,
  owner,
  viewerId,
}: {
  event: CalendarEventResource;
  owner: { id: string; name: string };
  /** The signed-in user: a guest of the event answers it here. */
  viewerId?: string;
}) {
  const { t } = useTranslation('calendar');
  const format = useFormatter();
  const [expanded, setExpanded] = useState(false);
  const [editing, setEditing] = useState(false);
  const detailsId = useId();
  const a = event.attributes;
  // An event the viewer is invited to: their Accept / Tentative / Decline under its header.
  const guestStatus = viewerGuestStatus(event, viewerId);
  return (
    <Paper component="li" withBorder radius="sm" p="xs">
      <UnstyledButton
        onClick={() => setExpanded((open) => !open)}
        aria-expanded={expanded}
        aria-controls={detailsId}
        style={{ display: 'block', width: '100%' }}
      >
        <Group gap="sm" wrap="nowrap" align="flex-start">
          {expanded ? (
            <IconChevronDown size={16} aria-hidden="true" style={{ marginTop: 3 }} />
          ) : (
            <IconChevronRight
              size={16}
              aria-hidden="true"
              style={{ marginTop: 3 }}
              className={direction.mirrored}
            />
          )}
          <IconCalendarEvent
            size={18}
            aria-label={t('activity.event')}
            role="img"
            color={a.backgroundColor ?? undefined}
          />
          <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {a.title}
            </Text>
            <Text size="sm" c="gray.8">
              {t('activity.event')} · {formatEventSpan(a, format)}
            </Text>
          </Stack>
          {a.recurrence ? <Badge color="indigo.9">{t('activity.repeats')}</Badge> : null}
        </Group>
      </UnstyledButton>
      {guestStatus ? (
        <div style={{ paddingTop: 8 }}>
          <EventResponse eventId={event.id} status={guestStatus} />
        </div>
      ) : null}
      <Collapse expanded={expanded} id={detailsId}>
        {expanded ? <EventDetails event={event} onEdit={() => setEditing(true)} /> : null}
      </Collapse>
      {editing ? (
        <Suspense fallback={null}>
          <EventDialog opened onClose={() => setEditing(false)} owner={owner} event={event} />
        </Suspense>
      ) : null}
    </Paper>
  );
}
