import {
  Button,
  Checkbox,
  Chip,
  ColorSwatch,
  Group,
  Loader,
  Modal,
  NumberInput,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconCheck } from '@tabler/icons-react';
import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EVENT_TITLE_MAX,
  eventColorPalette,
  type OccurrenceScope,
  type Reminder,
} from '../../../common/calendar';
import { formatLocaleDate } from '../../../common/dates';
import { toZonedWallTime } from '../../../common/zoned-time';
import { useCurrentUser } from '../../app/api';
import { addressOf, namedAddress } from '../../ui/addresses';
import { DateField } from '../../ui/date-field';
import { DangerConfirmActions, FailureAlert } from '../../ui/feedback';
import { FormDialog } from '../../ui/form-dialog';
import { useViewerLocale, useViewerTimeZone } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { PeoplePicker } from '../../ui/people-picker';
import {
  type CalendarEventInput,
  type CalendarEventResource,
  type EventTarget,
  useCreateCalendarEvent,
  useDeleteCalendarEvent,
  useUpdateCalendarEvent,
} from './api';
import {
  fromRRule,
  type MonthlyBy,
  type RepeatValue,
  summarizeRepeat,
  toRRule,
  type WeekdayCode,
  weekdayCodes,
  weekdayPosition,
} from './recurrence';
import { RemindersField, reminderRowErrors } from './reminders-field';
import { eventTimes, shiftedSeriesTimes } from './times';
import '../../i18n/lazy/calendar';

const RichTextEditor = lazy(() => import('../../ui/rich-text-editor'));

/** The palette's names, in the order of `eventColorPalette`. */
const colorNames = ['blue', 'green', 'red', 'purple', 'orange', 'teal', 'brown', 'slate'] as const;

/** An occurrence of a series being edited: which one, and where it is now. */
export type EditedOccurrence = {
  /** the series' id */
  seriesId: string;
  /** its original start (`?occurrence=`) */
  originalStart: string;
  /** its start and end now, as the occurrences list gives them */
  start: string;
  end: string;
};

export type EventDialogProps = {
  opened: boolean;
  onClose: () => void;
  /** The user whose calendar gets the event (its owner). */
  owner: { id: string; name: string };
  /** Edit this event (a series, a single event, or a changed occurrence) instead of creating one. */
  event?: CalendarEventResource | undefined;
  /** With `event` a series: the occurrence opened (the dialog asks this / following / all). */
  occurrence?: EditedOccurrence | undefined;
  /** A new event's start and end (e.g. a range chosen in the calendar). */
  initialRange?: { start: string; end: string; allDay: boolean } | undefined;
};

export type EventFormValues = {
  title: string;
  description: string;
  allDay: boolean;
  /** `YYYY-MM-DD` in the viewer's zone */
  startDate: string | null;
  /** `HH:mm` in the viewer's zone */
  startTime: string;
  endDate: string | null;
  endTime: string;
  backgroundColor: string | null;
  repeat: RepeatValue;
  reminders: Reminder[];
  /** `Name <address>` or `address` */
  guests: string[];
  scope: OccurrenceScope;
};

function splitWallTime(value: string, allDay: boolean, timeZone: string | undefined) {
  if (allDay || /^\d{4}-\d{2}-\d{2}$/.test(value)) return { date: value.slice(0, 10), time: '09:00' };
  const wall = toZonedWallTime(value, timeZone);
  return { date: wall.slice(0, 10), time: wall.slice(11, 16) };
}

function nextHour(): Date {
  const date = new Date();
  date.setMinutes(0, 0, 0);
  date.setHours(date.getHours() + 1);
  return date;
}

/** The form's first values: the event (or the occurrence) opened, or a new event at the next full hour. */
export function initialEventValues(props: EventDialogProps, timeZone: string | undefined): EventFormValues {
  const a = props.event?.attributes;
  const allDay = a?.allDay ?? props.initialRange?.allDay ?? false;
  const start = props.occurrence?.start ?? a?.start ?? props.initialRange?.start ?? nextHour().toISOString();
  const end =
    props.occurrence?.end ??
    a?.end ??
    props.initialRange?.end ??
    new Date(Date.parse(start) + 60 * 60_000).toISOString();
  const s = splitWallTime(start, allDay, timeZone);
  const e = splitWallTime(end, allDay, timeZone);
  return {
    title: a?.title ?? '',
    description: a?.description ?? '',
    allDay,
    startDate: s.date,
    startTime: s.time,
    endDate: e.date,
    endTime: allDay ? '10:00' : e.time,
    backgroundColor: a?.backgroundColor ?? null,
    repeat: fromRRule(a?.recurrence ?? null, a?.timeZone ?? timeZone),
    reminders: a?.reminders ?? [],
    guests: (a?.attendees ?? []).map((guest) =>
      guest.displayName ? namedAddress(guest.displayName, guest.email) : guest.email,
    ),
    scope: 'this',
  };
}

function guestOf(text: string): { email: string; displayName: string | null } {
  const email = addressOf(text) ?? text.trim();
  const named = /^(.*)<[^<>]+>$/.exec(text.trim());
  const displayName = named?.[1]?.trim() || null;
  return { email, displayName };
}

/**
 * **Add New Event** into my own calendar (as OroCRM's calendar names it), **Assign Event To**
 * into another user's (More Actions → Assign Event on their page), and the event's edit dialog
 * (opened from the calendar): **Title**, **Description** (rich text), **Start** and **End** (date
 * and time in the viewer's locale and time zone), **All-day** (dates only), **Colour** (the
 * palette), **Repeat** (daily, weekly on chosen days, monthly on a day or the nth/last weekday,
 * yearly; every N; ending never / after N / on a date; an RFC 5545 RRULE in the event's IANA zone,
 * summarized in words), **Reminders**, **Guests** (organization users by the people picker, or any
 * address), **Save**. Editing an occurrence of a series asks which occurrences the change is for:
 * this one, this and the following, or all. Mount it when it opens: the form starts from its props.
 */
export function EventDialog(props: EventDialogProps) {
  const { opened, onClose, owner, event, occurrence } = props;
  const { t } = useTranslation('calendar');
  const { data: me } = useCurrentUser();
  const locale = useViewerLocale();
  const viewerZone = useViewerTimeZone();
  // An event repeats in its own zone; a new one in the viewer's.
  const eventZone = event?.attributes.timeZone ?? viewerZone ?? 'UTC';
  const [initial] = useState(() => initialEventValues(props, viewerZone));
  const dateProblems = useRef<Record<string, string | null>>({});
  const create = useCreateCalendarEvent();
  const update = useUpdateCalendarEvent();
  const isSeriesOccurrence = occurrence !== undefined;
  const remove = useDeleteCalendarEvent();
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  const form = useForm<EventFormValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: {
      title: (value) =>
        !value.trim()
          ? t('dialog.titleRequired')
          : value.length > EVENT_TITLE_MAX
            ? t('dialog.titleTooLong', { max: EVENT_TITLE_MAX })
            : null,
      startDate: (value) => dateProblems.current.startDate ?? (value ? null : t('dialog.startRequired')),
      endDate: (value, values) => {
        if (dateProblems.current.endDate) return dateProblems.current.endDate;
        if (!value) return t('dialog.endRequired');
        const times = eventTimes(values, viewerZone);
        if (!times) return null;
        if (values.allDay ? times.end < times.start : Date.parse(times.end) <= Date.parse(times.start))
          return values.allDay ? t('dialog.endOnOrAfterStart') : t('dialog.endAfterStart');
        return null;
      },
      startTime: (value, values) =>
        values.allDay || /^\d{2}:\d{2}$/.test(value) ? null : t('dialog.timeRequired'),
      endTime: (value, values) =>
        values.allDay || /^\d{2}:\d{2}$/.test(value) ? null : t('dialog.timeRequired'),
      repeat: {
        interval: (value) =>
          Number.isInteger(value) && value >= 1 && value <= 999 ? null : t('repeat.intervalRange'),
        count: (value, values) =>
          values.repeat.ends !== 'count' || (Number.isInteger(value) && value >= 1 && value <= 999)
            ? null
            : t('repeat.countRange'),
        until: (value, values) => {
          if (values.repeat.frequency === 'none' || values.repeat.ends !== 'until') return null;
          if (!value) return t('repeat.untilRequired');
          return values.startDate && value < values.startDate ? t('repeat.untilBeforeStart') : null;
        },
      },
      reminders: {
        minutesBefore: (value) => (Number.isInteger(value) && value >= 0 ? null : t('reminders.invalid')),
      },
      guests: (value) => {
        const unreadable = value.filter((guest) => !addressOf(guest));
        return unreadable.length > 0 ? t('dialog.guestsUnreadable', { list: unreadable.join(', ') }) : null;
      },
    },
  });
  const values = form.getValues();

  const submit = async (submitted: EventFormValues) => {
    const times = eventTimes(submitted, viewerZone);
    if (!times) throw new Error(t('dialog.startRequired'));
    const recurrence = toRRule(submitted.repeat, submitted.startDate ?? '', eventZone, submitted.allDay);
    const attributes: CalendarEventInput = {
      title: submitted.title.trim(),
      description: submitted.description.replace(/<p><\/p>/g, '').trim() ? submitted.description : null,
      start: times.start,
      end: times.end,
      allDay: submitted.allDay,
      timeZone: eventZone,
      backgroundColor: submitted.backgroundColor,
      recurrence,
      reminders: submitted.reminders,
      attendees: submitted.guests.map(guestOf),
    };
    if (!event) return create.mutateAsync({ ownerId: owner.id, attributes });
    const changes = changedAttributes(attributes, initial, submitted, event, viewerZone);
    let target: EventTarget = { id: event.id };
    if (occurrence) {
      target = { id: occurrence.seriesId, occurrence: occurrence.originalStart, scope: submitted.scope };
      // One occurrence does not repeat on its own.
      if (submitted.scope === 'this') delete changes.recurrence;
      // All of the series: its own times move by as much as this occurrence moved.
      if (submitted.scope === 'all' && (changes.start || changes.end)) {
        Object.assign(changes, shiftedSeriesTimes(event, occurrence, times, submitted.allDay));
      }
    }
    return update.mutateAsync({ target, attributes: changes });
  };

  const startDate = values.startDate ?? '';
  const position = startDate ? weekdayPosition(startDate) : { nth: 1, isLast: false };
  const repeat = values.repeat;
  const summary = summarizeRepeat(
    repeat,
    startDate || new Date().toISOString().slice(0, 10),
    locale,
    {
      never: t('repeat.never'),
      every: (unit, count) => t(`repeat.every.${unit}`, { count }),
      onDays: (days) => t('repeat.onDays', { days }),
      onMonthDay: (day) => t('repeat.onMonthDay', { day }),
      onNthWeekday: (nth, weekday) =>
        t('repeat.onNthWeekday', { nth: t(`repeat.nth.${nth}` as 'repeat.nth.1'), weekday }),
      onLastWeekday: (weekday) => t('repeat.onLastWeekday', { weekday }),
      times: (count) => t('repeat.times', { count }),
      until: (date) => t('repeat.untilDate', { date }),
    },
    (date) => formatLocaleDate(date, locale),
  );
  const weekdayName = (code: WeekdayCode, style: 'long' | 'short') =>
    new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' }).format(
      new Date(Date.UTC(2026, 2, 2 + weekdayCodes.indexOf(code))),
    );
  const startWeekday = startDate
    ? weekdayName(
        weekdayCodes[(new Date(`${startDate}T00:00:00Z`).getUTCDay() + 6) % 7] as WeekdayCode,
        'long',
      )
    : '';
  const zoneNote = viewerZone ? t('dialog.zoneNamed', { zone: viewerZone }) : t('dialog.zoneYours');

  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={event ? t('dialog.editTitle') : me?.id === owner.id ? t('dialog.newTitle') : t('dialog.title')}
      form={form}
      onSubmit={submit}
      onSuccess={() => notifySuccess(event ? t('dialog.saved') : t('dialog.assigned', { name: owner.name }))}
      failureTitle={t('dialog.failed')}
      pointers={{
        '/data/attributes/start': 'startDate',
        '/data/attributes/end': 'endDate',
        '/data/attributes/recurrence': 'repeat',
        '/data/attributes/attendees': 'guests',
        '/data/attributes/timeZone': 'startDate',
      }}
    >
      {!event ? (
        <Text size="sm" c="gray.8">
          {t('dialog.calendarOf', { name: owner.name })}
        </Text>
      ) : null}
      {isSeriesOccurrence ? (
        <Radio.Group label={t('scope.label')} {...form.getInputProps('scope')}>
          <Stack gap={6} mt={6}>
            <Radio value="this" label={t('scope.this')} />
            <Radio value="following" label={t('scope.following')} />
            <Radio value="all" label={t('scope.all')} />
          </Stack>
        </Radio.Group>
      ) : null}
      <TextInput
        label={t('dialog.titleField')}
        required
        maxLength={EVENT_TITLE_MAX}
        data-autofocus
        {...form.getInputProps('title')}
      />
      <Suspense fallback={<Loader size="sm" aria-label={t('dialog.loadingEditor')} />}>
        <RichTextEditor
          label={t('dialog.description')}
          value={initial.description}
          version={0}
          onChange={(html) => form.setFieldValue('description', html)}
          error={form.errors.description as string | undefined}
        />
      </Suspense>
      <Checkbox label={t('dialog.allDay')} {...form.getInputProps('allDay', { type: 'checkbox' })} />
      <Group grow align="flex-start" wrap="wrap">
        <DateField
          label={t('dialog.start')}
          required
          locale={locale}
          value={values.startDate}
          onChange={(value, problem) => {
            dateProblems.current.startDate = problem;
            // The end keeps its distance to the start.
            const before = values.startDate;
            form.setFieldValue('startDate', value);
            if (value && before && values.endDate && !problem) {
              const shift = Date.parse(`${value}T00:00:00Z`) - Date.parse(`${before}T00:00:00Z`);
              form.setFieldValue(
                'endDate',
                new Date(Date.parse(`${values.endDate}T00:00:00Z`) + shift).toISOString().slice(0, 10),
              );
            }
          }}
          error={form.errors.startDate}
          clearLabel={t('dialog.clearStart')}
          miw={160}
        />
        {!values.allDay ? (
          <TimeInput
            label={t('dialog.startTime')}
            description={zoneNote}
            required
            {...form.getInputProps('startTime')}
            miw={120}
          />
        ) : null}
      </Group>
      <Group grow align="flex-start" wrap="wrap">
        <DateField
          label={t('dialog.end')}
          required
          locale={locale}
          value={values.endDate}
          onChange={(value, problem) => {
            dateProblems.current.endDate = problem;
            form.setFieldValue('endDate', value);
          }}
          error={form.errors.endDate}
          clearLabel={t('dialog.clearEnd')}
          miw={160}
        />
        {!values.allDay ? (
          <TimeInput
            label={t('dialog.endTime')}
            description={zoneNote}
            required
            {...form.getInputProps('endTime')}
            miw={120}
          />
        ) : null}
      </Group>
      <div>
        <Text size="sm" fw={500} id="event-colour-label">
          {t('dialog.colour')}
        </Text>
        <Group gap={6} mt={4} role="radiogroup" aria-labelledby="event-colour-label">
          {[null, ...eventColorPalette].map((color, index) => {
            const checked = values.backgroundColor === color;
            const name =
              color === null ? t('colours.default') : t(`colours.${colorNames[index - 1] ?? 'blue'}`);
            return (
              <ColorSwatch
                key={color ?? 'default'}
                component="button"
                type="button"
                role="radio"
                aria-checked={checked}
                aria-label={name}
                title={name}
                color={color ?? '#3788d8'}
                onClick={() => form.setFieldValue('backgroundColor', color)}
                style={{
                  cursor: 'pointer',
                  color: '#fff',
                  outline: checked ? '2px solid #1a1b1e' : undefined,
                  outlineOffset: 2,
                }}
              >
                {checked ? <IconCheck size={14} aria-hidden="true" /> : null}
              </ColorSwatch>
            );
          })}
        </Group>
      </div>
      {!(isSeriesOccurrence && values.scope === 'this') ? (
        <Stack gap={6}>
          <Group grow align="flex-start" wrap="wrap">
            <Select
              label={t('repeat.label')}
              data={[
                { value: 'none', label: t('repeat.none') },
                { value: 'daily', label: t('repeat.daily') },
                { value: 'weekly', label: t('repeat.weekly') },
                { value: 'monthly', label: t('repeat.monthly') },
                { value: 'yearly', label: t('repeat.yearly') },
              ]}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('repeat.frequency')}
              error={typeof form.errors.repeat === 'string' ? form.errors.repeat : undefined}
            />
            {repeat.frequency !== 'none' ? (
              <NumberInput
                label={t('repeat.interval')}
                description={t(`repeat.intervalUnit.${repeat.frequency}`)}
                min={1}
                max={999}
                allowDecimal={false}
                allowNegative={false}
                {...form.getInputProps('repeat.interval')}
              />
            ) : null}
          </Group>
          {repeat.frequency === 'weekly' ? (
            <Chip.Group
              multiple
              value={
                repeat.weekdays.length > 0
                  ? repeat.weekdays
                  : startDate
                    ? [weekdayCodes[(new Date(`${startDate}T00:00:00Z`).getUTCDay() + 6) % 7] as string]
                    : []
              }
              onChange={(next) => form.setFieldValue('repeat.weekdays', next as WeekdayCode[])}
            >
              <Group gap={4} role="group" aria-label={t('repeat.onWeekdays')}>
                {weekdayCodes.map((code) => (
                  <Chip key={code} value={code} size="xs" aria-label={weekdayName(code, 'long')}>
                    {weekdayName(code, 'short')}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          ) : null}
          {repeat.frequency === 'monthly' ? (
            <Select
              label={t('repeat.monthlyOn')}
              data={[
                { value: 'day', label: t('repeat.onMonthDay', { day: Number(startDate.slice(8, 10)) || 1 }) },
                {
                  value: 'nth',
                  label: t('repeat.onNthWeekday', {
                    nth: t(`repeat.nth.${Math.min(position.nth, 5)}` as 'repeat.nth.1'),
                    weekday: startWeekday,
                  }),
                },
                ...(position.isLast
                  ? [{ value: 'last', label: t('repeat.onLastWeekday', { weekday: startWeekday }) }]
                  : []),
              ]}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              value={repeat.monthlyBy}
              onChange={(next) => next && form.setFieldValue('repeat.monthlyBy', next as MonthlyBy)}
            />
          ) : null}
          {repeat.frequency !== 'none' ? (
            <Group grow align="flex-start" wrap="wrap">
              <Select
                label={t('repeat.ends')}
                data={[
                  { value: 'never', label: t('repeat.endsNever') },
                  { value: 'count', label: t('repeat.endsAfter') },
                  { value: 'until', label: t('repeat.endsOn') },
                ]}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('repeat.ends')}
              />
              {repeat.ends === 'count' ? (
                <NumberInput
                  label={t('repeat.occurrences')}
                  min={1}
                  max={999}
                  allowDecimal={false}
                  allowNegative={false}
                  {...form.getInputProps('repeat.count')}
                />
              ) : null}
              {repeat.ends === 'until' ? (
                <DateField
                  label={t('repeat.endDate')}
                  locale={locale}
                  value={repeat.until}
                  onChange={(value) => form.setFieldValue('repeat.until', value)}
                  error={form.errors['repeat.until']}
                  clearLabel={t('repeat.clearEndDate')}
                />
              ) : null}
            </Group>
          ) : null}
          <Text size="sm" c="gray.8" aria-live="polite" data-testid="repeat-summary">
            {summary}
          </Text>
        </Stack>
      ) : null}
      <RemindersField
        value={values.reminders}
        onChange={(next) => form.setFieldValue('reminders', next)}
        error={typeof form.errors.reminders === 'string' ? form.errors.reminders : undefined}
        rowErrors={reminderRowErrors(form.errors)}
      />
      <PeoplePicker
        label={t('dialog.guests')}
        value={values.guests}
        onChange={(next) => form.setFieldValue('guests', next)}
        error={form.errors.guests as string | undefined}
      />
      {event ? (
        <Group>
          <Button variant="default" color="red.8" onClick={() => setConfirmingDelete(true)}>
            {t('view.delete')}
          </Button>
        </Group>
      ) : null}
      {event && confirmingDelete ? (
        <Modal
          opened
          onClose={() => setConfirmingDelete(false)}
          title={t('deletion.title')}
          centered
          closeButtonProps={{ 'aria-label': t('deletion.close') }}
        >
          <Stack gap="md">
            <Text>
              {isSeriesOccurrence
                ? t('deletion.scoped', {
                    title: values.title || event.attributes.title,
                    scope: t(`scope.${values.scope}`),
                  })
                : t('deletion.single', { title: event.attributes.title })}
            </Text>
            <FailureAlert
              title={t('deletion.failed')}
              message={remove.error instanceof Error ? remove.error.message : null}
            />
            <DangerConfirmActions
              label={t('view.delete')}
              loading={remove.isPending}
              onCancel={() => setConfirmingDelete(false)}
              onConfirm={() =>
                remove.mutate(
                  occurrence
                    ? { id: occurrence.seriesId, occurrence: occurrence.originalStart, scope: values.scope }
                    : { id: event.id },
                  {
                    onSuccess: () => {
                      notifySuccess(t('view.deleted'));
                      setConfirmingDelete(false);
                      onClose();
                    },
                  },
                )
              }
            />
          </Stack>
        </Modal>
      ) : null}
    </FormDialog>
  );
}

/** What changed against the opened event (a PATCH sends only that; timing fields go together). */
function changedAttributes(
  next: CalendarEventInput,
  initial: EventFormValues,
  submitted: EventFormValues,
  event: CalendarEventResource,
  viewerZone: string | undefined,
): Partial<CalendarEventInput> {
  const a = event.attributes;
  const changes: Partial<CalendarEventInput> = {};
  if (next.title !== a.title) changes.title = next.title;
  if ((next.description ?? '') !== (a.description ?? '')) changes.description = next.description;
  if (next.backgroundColor !== a.backgroundColor) changes.backgroundColor = next.backgroundColor;
  if (next.recurrence !== a.recurrence) changes.recurrence = next.recurrence;
  if (JSON.stringify(next.reminders) !== JSON.stringify(a.reminders)) changes.reminders = next.reminders;
  const guests = a.attendees.map((guest) => guest.email.toLowerCase()).join(',');
  if (next.attendees.map((guest) => guest.email.toLowerCase()).join(',') !== guests)
    changes.attendees = next.attendees;
  const before = eventTimes(initial, viewerZone);
  const after = eventTimes(submitted, viewerZone);
  if (submitted.allDay !== initial.allDay || before?.start !== after?.start || before?.end !== after?.end) {
    changes.start = next.start;
    changes.end = next.end;
    changes.allDay = next.allDay;
  }
  return changes;
}
