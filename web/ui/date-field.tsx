import { DateInput, type DateInputProps } from '@mantine/dates';
import type { TFunction } from 'i18next';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type DateRange,
  formatLocaleDate,
  localeDateFormat,
  readTypedDate,
  type TypedDateProblem,
} from '../../common/dates';
import classes from './date-field.module.css';
import { useFirstDayOfWeek } from './format';

/**
 * dayjs's month and weekday names for the interface languages other than English (its default),
 * loaded when a date field first shows in that language.
 */
const calendarLocales: Record<string, () => Promise<unknown>> = {
  de: () => import('dayjs/locale/de'),
  fr: () => import('dayjs/locale/fr'),
  ar: () => import('dayjs/locale/ar'),
};

/** The interface language for the picker's month and weekday names, once dayjs has it ('en' until then). */
function useCalendarLanguage(): string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const [loaded, setLoaded] = useState('en');
  useEffect(() => {
    const load = calendarLocales[language];
    if (!load) {
      setLoaded('en');
      return;
    }
    let current = true;
    void load().then(() => {
      if (current) setLoaded(language);
    });
    return () => {
      current = false;
    };
  }, [language]);
  return loaded;
}

type DateFieldProps = Omit<
  DateInputProps,
  'value' | 'defaultValue' | 'onChange' | 'valueFormat' | 'dateParser' | 'minDate' | 'maxDate' | 'error'
> & {
  /** The locale the date is written and read in (the viewer's setting, never just the browser's). */
  locale: string;
  /** `YYYY-MM-DD` or null. */
  value: string | null;
  /** The dates allowed, each bound with the sentence shown when a typed date passes it. */
  range?: DateRange;
  /**
   * Called with the date (`YYYY-MM-DD`, null when cleared) and, while the typed text is not a
   * date or out of range, the problem (the form must not save then; `value` stays as it was).
   */
  onChange: (value: string | null, problem: string | null) => void;
  /** A problem found elsewhere (on Save, or by the server); shown in place of the field's own. */
  error?: ReactNode;
  /** The clear button's accessible name, e.g. "Clear the birthday". */
  clearLabel: string;
};

/** Names for the calendar's arrows and headings (axe `button-name`). */
/** A typed date's problem in the interface language (a range's bound brings its own words). */
function problemText(t: TFunction<'common'>, problem: TypedDateProblem): string {
  return problem.kind === 'not_a_date'
    ? t('dateField.notADate', { format: problem.format })
    : problem.message;
}

function useCalendarAriaLabels() {
  const { t } = useTranslation();
  return {
    previousMonth: t('dateField.previousMonth'),
    nextMonth: t('dateField.nextMonth'),
    previousYear: t('dateField.previousYear'),
    nextYear: t('dateField.nextYear'),
    previousDecade: t('dateField.previousDecade'),
    nextDecade: t('dateField.nextDecade'),
    monthLevelControl: t('dateField.chooseMonth'),
    yearLevelControl: t('dateField.chooseYear'),
  };
}

/**
 * A date typed or picked, in the viewer's locale: written and read the way that locale writes
 * dates (its calendar and digits, common/dates.ts), whatever the browser's language. Text that is
 * not a date, or a date outside `range`, is never dropped silently: the field says what is wrong
 * (once the person leaves it) and reports the problem, so the form can refuse to save.
 */
export function DateField(props: DateFieldProps) {
  // A new locale (e.g. the viewer's setting arriving after the first render) starts the field
  // over, so the text is written in that locale's format.
  return <LocaleDateInput key={props.locale} {...props} />;
}

function LocaleDateInput({
  locale,
  value,
  range = {},
  onChange,
  error,
  clearLabel,
  description,
  onBlur,
  ...rest
}: DateFieldProps) {
  const { t } = useTranslation();
  const calendarAriaLabels = useCalendarAriaLabels();
  const calendarLanguage = useCalendarLanguage();
  const firstDayOfWeek = useFirstDayOfWeek();
  const format = localeDateFormat(locale);
  const [problem, setProblem] = useState<string | null>(null);
  const [left, setLeft] = useState(false);
  const shown = (error || null) ?? (left ? problem : null) ?? undefined;
  return (
    <DateInput
      {...rest}
      description={description ?? t('dateField.hint', { format: format.placeholder })}
      placeholder={format.placeholder}
      value={value}
      valueFormat={(date) => formatLocaleDate(date, locale)}
      dateParser={(text) => {
        const typed = readTypedDate(text, locale, range);
        return typed.problem ? null : typed.value;
      }}
      minDate={range.min?.date}
      maxDate={range.max?.date}
      onChange={(next) => {
        setProblem(null);
        onChange(next, null);
      }}
      onInput={(event) => {
        const typed = readTypedDate(event.currentTarget.value, locale, range);
        const words = typed.problem ? problemText(t, typed.problem) : null;
        setProblem(words);
        setLeft(false);
        onChange(typed.problem ? value : typed.value, words);
      }}
      onBlur={(event) => {
        setLeft(true);
        onBlur?.(event);
      }}
      // Text that is not a date stays as typed, beside its error, instead of vanishing on blur.
      fixOnBlur={problem === null}
      error={shown}
      clearable
      clearButtonProps={{ 'aria-label': clearLabel }}
      ariaLabels={calendarAriaLabels}
      // The picker's month and weekday names in the interface language, its weeks from the
      // viewer's first day (their setting, else their locale's).
      locale={calendarLanguage}
      firstDayOfWeek={firstDayOfWeek as 0 | 1 | 2 | 3 | 4 | 5 | 6}
      classNames={{ day: classes.day }}
    />
  );
}
