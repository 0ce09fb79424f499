import { Chip, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { formatLocaleDate } from '../../../common/dates';
import { DateField } from '../../ui/date-field';
import type { EventFormValues } from './event-plan';
import {
  type MonthlyBy,
  summarizeRepeat,
  useRepeatWords,
  type WeekdayCode,
  weekdayCodes,
  weekdayPosition,
} from './recurrence';

function weekdayName(code: WeekdayCode, style: 'long' | 'short', locale: string) {
  return new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' }).format(
    new Date(Date.UTC(2026, 2, 2 + weekdayCodes.indexOf(code))),
  );
}

function weekdayOf(date: string): WeekdayCode {
  return weekdayCodes[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7] as WeekdayCode;
}

/** The summary of the repeat in words, in the viewer's locale ("Weekly on Monday, 5 times"). */
function useRepeatSummary(values: EventFormValues, locale: string): string {
  const words = useRepeatWords();
  return summarizeRepeat(
    values.repeat,
    values.startDate || new Date().toISOString().slice(0, 10),
    locale,
    words,
    (date) => formatLocaleDate(date, locale),
  );
}

/**
 * **Repeat**: daily, weekly on chosen days (the start's weekday until others are chosen), monthly
 * on a day or the nth/last weekday of the start, yearly; every N; ending never / after N / on a
 * date; and the summary in words.
 */
export function RepeatFields({ form, locale }: { form: UseFormReturnType<EventFormValues>; locale: string }) {
  const { t } = useTranslation('calendar');
  const values = form.getValues();
  const repeat = values.repeat;
  const startDate = values.startDate ?? '';
  const summary = useRepeatSummary(values, locale);
  return (
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
            repeat.weekdays.length > 0 ? repeat.weekdays : startDate ? [weekdayOf(startDate) as string] : []
          }
          onChange={(next) => form.setFieldValue('repeat.weekdays', next as WeekdayCode[])}
        >
          <Group gap={4} role="group" aria-label={t('repeat.onWeekdays')}>
            {weekdayCodes.map((code) => (
              <Chip key={code} value={code} size="xs" aria-label={weekdayName(code, 'long', locale)}>
                {weekdayName(code, 'short', locale)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      ) : null}
      {repeat.frequency === 'monthly' ? <MonthlyOnSelect form={form} locale={locale} /> : null}
      {repeat.frequency !== 'none' ? <RepeatEndFields form={form} locale={locale} /> : null}
      <Text size="sm" c="gray.8" aria-live="polite" data-testid="repeat-summary">
        {summary}
      </Text>
    </Stack>
  );
}

/** Monthly on the start's day of the month, its nth weekday, or (in the month's last week) the last one. */
function MonthlyOnSelect({ form, locale }: { form: UseFormReturnType<EventFormValues>; locale: string }) {
  const { t } = useTranslation('calendar');
  const values = form.getValues();
  const startDate = values.startDate ?? '';
  const position = startDate ? weekdayPosition(startDate) : { nth: 1, isLast: false };
  const startWeekday = startDate ? weekdayName(weekdayOf(startDate), 'long', locale) : '';
  return (
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
      value={values.repeat.monthlyBy}
      onChange={(next) => next && form.setFieldValue('repeat.monthlyBy', next as MonthlyBy)}
    />
  );
}

/** **Ends**: never, after a number of occurrences, or on a date. */
function RepeatEndFields({ form, locale }: { form: UseFormReturnType<EventFormValues>; locale: string }) {
  const { t } = useTranslation('calendar');
  const repeat = form.getValues().repeat;
  return (
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
  );
}
