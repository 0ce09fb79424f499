import { ColorSwatch, Group, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconCheck } from '@tabler/icons-react';
import type { MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { eventColorPalette } from '../../../common/calendar';
import { DateField } from '../../ui/date-field';
import { TimeField } from '../../ui/time-field';
import type { EventFormValues } from './event-plan';

/** The palette's names, in the order of `eventColorPalette`. */
const colorNames = ['blue', 'green', 'red', 'purple', 'orange', 'teal', 'brown', 'slate'] as const;

/**
 * **Start** and **End**: dates and times in the viewer's locale, the times in the viewer's zone unless the
 * event is all-day. Moving the start moves the end with it. A date field's own problem (a date it
 * cannot read) goes into `dateProblems`, where the form's validation finds it.
 */
export function EventTimeFields(props: {
  form: UseFormReturnType<EventFormValues>;
  locale: string;
  viewerZone: string | undefined;
  dateProblems: MutableRefObject<Record<string, string | null>>;
}) {
  const { form, locale, viewerZone, dateProblems } = props;
  const { t } = useTranslation('calendar');
  const values = form.getValues();
  const zoneNote = viewerZone ? t('dialog.zoneNamed', { zone: viewerZone }) : t('dialog.zoneYours');
  return (
    <>
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
          <TimeField
            label={t('dialog.startTime')}
            description={zoneNote}
            required
            locale={locale}
            {...form.getInputProps('startTime')}
            value={values.startTime}
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
          <TimeField
            label={t('dialog.endTime')}
            description={zoneNote}
            required
            locale={locale}
            {...form.getInputProps('endTime')}
            value={values.endTime}
            miw={120}
          />
        ) : null}
      </Group>
    </>
  );
}

/** **Colour**: the calendar's default or one of the palette, as a radio group of swatches. */
export function EventColourField({ form }: { form: UseFormReturnType<EventFormValues> }) {
  const { t } = useTranslation('calendar');
  const selected = form.getValues().backgroundColor;
  return (
    <div>
      <Text size="sm" fw={500} id="event-colour-label">
        {t('dialog.colour')}
      </Text>
      <Group gap={6} mt={4} role="radiogroup" aria-labelledby="event-colour-label">
        {[null, ...eventColorPalette].map((color, index) => {
          const checked = selected === color;
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
  );
}
