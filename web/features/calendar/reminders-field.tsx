import { ActionIcon, Button, Fieldset, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REMINDER_MINUTES_MAX, REMINDERS_MAX, type Reminder } from '../../../common/calendar';
import '../../i18n/lazy/calendar';

/** The units a reminder is chosen in, in minutes. */
export const reminderUnits = { minutes: 1, hours: 60, days: 1440, weeks: 10_080 } as const;
export type ReminderUnit = keyof typeof reminderUnits;

type Row = { key: number; amount: number | null; unit: ReminderUnit };

/**
 * A number of minutes as the largest unit that divides it (`1440` → 1 day, `90` → 90 minutes,
 * `0` → 0 minutes), as the field shows a stored reminder.
 */
export function splitMinutes(minutes: number): { amount: number; unit: ReminderUnit } {
  for (const unit of ['weeks', 'days', 'hours'] as const) {
    const size = reminderUnits[unit];
    if (minutes > 0 && minutes % size === 0) return { amount: minutes / size, unit };
  }
  return { amount: minutes, unit: 'minutes' };
}

function minutesOf(row: Row): number | null {
  return row.amount === null ? null : row.amount * reminderUnits[row.unit];
}

function sameReminders(rows: Row[], value: readonly Reminder[]): boolean {
  return (
    rows.length === value.length && rows.every((row, index) => minutesOf(row) === value[index]?.minutesBefore)
  );
}

/**
 * The minutes of a sensible next reminder not listed yet: 15 minutes, 1 hour, 1 day, 1 week,
 * 30 minutes, 5 minutes, else 10 minutes.
 */
export function nextReminderMinutes(listed: readonly (number | null)[]): number {
  const used = new Set(listed);
  return [15, 60, 1440, 10_080, 30, 5].find((candidate) => !used.has(candidate)) ?? 10;
}

/**
 * The field's rows (each with a key of its own), kept in step with `value`: a value set from
 * outside (a reset form, an event opened for editing) replaces them, and every change of a row
 * sends the whole list to `onChange`.
 */
function useReminderRows(value: readonly Reminder[], onChange: (value: Reminder[]) => void) {
  const nextKey = useRef(0);
  const toRows = (reminders: readonly Reminder[]): Row[] =>
    reminders.map((reminder) => ({ key: nextKey.current++, ...splitMinutes(reminder.minutesBefore) }));
  const [rows, setRows] = useState<Row[]>(() => toRows(value));
  // biome-ignore lint/correctness/useExhaustiveDependencies: rows are compared, not followed
  useEffect(() => {
    if (!sameReminders(rows, value)) setRows(toRows(value));
  }, [value]);

  const emit = (next: Row[]) => {
    setRows(next);
    onChange(next.map((row) => ({ method: 'email', minutesBefore: minutesOf(row) ?? Number.NaN })));
  };
  return {
    rows,
    change: (index: number, patch: Partial<Row>) =>
      emit(rows.map((row, at) => (at === index ? { ...row, ...patch } : row))),
    add: () =>
      emit([...rows, { key: nextKey.current++, ...splitMinutes(nextReminderMinutes(rows.map(minutesOf))) }]),
    remove: (index: number) => emit(rows.filter((_, at) => at !== index)),
  };
}

/** One reminder: "Email · N · unit · before the start", its remove button, and its error. */
function ReminderRow(props: {
  row: Row;
  number: number;
  error: string | undefined;
  relativeTo: 'start' | 'dueDate';
  onChange: (patch: Partial<Row>) => void;
  onRemove: () => void;
}) {
  const { row, number, error, relativeTo, onChange, onRemove } = props;
  const { t } = useTranslation('calendar');
  const max = Math.floor(REMINDER_MINUTES_MAX / reminderUnits[row.unit]);
  const unitOptions = (Object.keys(reminderUnits) as ReminderUnit[]).map((unit) => ({
    value: unit,
    label: t(`reminders.units.${unit}`),
  }));
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="wrap" align="center">
        <Text size="sm" component="span">
          {t('reminders.email')}
        </Text>
        <NumberInput
          aria-label={t('reminders.amountLabel', { number })}
          value={row.amount ?? ''}
          onChange={(next) => onChange({ amount: typeof next === 'number' ? next : null })}
          min={0}
          max={max}
          clampBehavior="none"
          allowDecimal={false}
          allowNegative={false}
          w={80}
          error={Boolean(error)}
        />
        <Select
          aria-label={t('reminders.unitLabel', { number })}
          data={unitOptions}
          value={row.unit}
          onChange={(next) => next && onChange({ unit: next as ReminderUnit })}
          allowDeselect={false}
          w={110}
          comboboxProps={{ withinPortal: true }}
        />
        <Text size="sm" component="span">
          {relativeTo === 'start' ? t('reminders.beforeStart') : t('reminders.beforeDue')}
        </Text>
        <ActionIcon
          variant="subtle"
          color="gray.8"
          aria-label={t('reminders.remove', { number })}
          onClick={onRemove}
        >
          <IconTrash size={16} aria-hidden="true" />
        </ActionIcon>
      </Group>
      {error ? (
        <Text size="sm" c="red.8">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}

export type RemindersFieldProps = {
  /** The reminders (`[{ method: 'email', minutesBefore }]`), as the API takes them. */
  value: readonly Reminder[];
  /**
   * Every change: the whole list. A row whose number is being typed and cannot be read yet is
   * sent as `minutesBefore: NaN`, so the form's validation (an integer ≥ 0) names it.
   */
  onChange: (value: Reminder[]) => void;
  /** The list's error (e.g. "At most 5 reminders."), under the legend. */
  error?: string | undefined;
  /** A row's error by its index (e.g. `{ 1: 'This reminder is listed twice.' }`). */
  rowErrors?: Readonly<Record<number, string | undefined>>;
  /** E.g. "Add a due date first" for a task without one; the field is then disabled. */
  disabledReason?: string | undefined;
  /** "before the start" (events, the default) or "before the due date" (tasks). */
  relativeTo?: 'start' | 'dueDate';
};

/**
 * **Reminders** (OroCRM's reminders of events and tasks): a list of rows "Email · N · minutes /
 * hours / days / weeks before", **Add reminder** (up to `REMINDERS_MAX`, at most four weeks before)
 * and a remove button per row. A controlled field for `@mantine/form`:
 * `<RemindersField {...form.getInputProps('reminders')} />` works (its `error` lands under the
 * legend); errors of rows come through `rowErrors`. Every control has a name for screen readers
 * that says which reminder it belongs to.
 */
export function RemindersField({
  value,
  onChange,
  error,
  rowErrors,
  disabledReason,
  relativeTo = 'start',
}: RemindersFieldProps) {
  const { t } = useTranslation('calendar');
  const { rows, change, add, remove } = useReminderRows(value, onChange);
  const descriptionId = useId();
  const disabled = disabledReason !== undefined;

  return (
    <Fieldset legend={t('reminders.legend')} variant="unstyled" disabled={disabled}>
      <Stack gap={6}>
        {disabledReason ? (
          <Text size="sm" c="gray.8" id={descriptionId}>
            {disabledReason}
          </Text>
        ) : rows.length === 0 ? (
          <Text size="sm" c="gray.8">
            {t('reminders.none')}
          </Text>
        ) : null}
        {error ? (
          <Text size="sm" c="red.8" role="alert">
            {error}
          </Text>
        ) : null}
        {rows.map((row, index) => (
          <ReminderRow
            key={row.key}
            row={row}
            number={index + 1}
            error={rowErrors?.[index]}
            relativeTo={relativeTo}
            onChange={(patch) => change(index, patch)}
            onRemove={() => remove(index)}
          />
        ))}
        {rows.length < REMINDERS_MAX ? (
          <Group>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPlus size={14} aria-hidden="true" />}
              onClick={add}
              aria-describedby={disabledReason ? descriptionId : undefined}
            >
              {t('reminders.add')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Fieldset>
  );
}

/**
 * The row errors of a `@mantine/form` error map for the reminders field at `path`
 * (`reminders.1.minutesBefore` → `{ 1: message }`).
 */
export function reminderRowErrors(
  errors: Record<string, unknown>,
  path = 'reminders',
): Record<number, string | undefined> {
  const rows: Record<number, string | undefined> = {};
  const pattern = new RegExp(`^${path}\\.(\\d+)(\\.|$)`);
  for (const [key, message] of Object.entries(errors)) {
    const match = pattern.exec(key);
    if (match && typeof message === 'string') rows[Number(match[1])] = message;
  }
  return rows;
}
