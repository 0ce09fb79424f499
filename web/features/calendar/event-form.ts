import { useForm } from '@mantine/form';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_TITLE_MAX } from '../../../common/calendar';
import { addressOf } from '../../ui/addresses';
import type { EventFormValues } from './event-plan';
import { eventTimes } from './times';

/**
 * The event dialog's form and its validation. `dateProblems` holds what the date fields could not
 * read (they report it as they change), which the start and end dates' rules answer first.
 */
export function useEventForm(initial: EventFormValues, viewerZone: string | undefined) {
  const { t } = useTranslation('calendar');
  const dateProblems = useRef<Record<string, string | null>>({});
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
  return { form, dateProblems };
}
