import { Combobox, TextInput, useCombobox } from '@mantine/core';
import { type FocusEvent, type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Clock, formatLocaleTime, parseLocaleTime, timesOfDay } from '../../common/times';
import { useViewerSettings } from './format';

/** The times the list offers: every half hour. */
const LISTED_TIMES = timesOfDay(30);

type TimeFieldProps = {
  label: string;
  description?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  miw?: number;
  /** The locale the time is written and read in (the viewer's setting, never just the browser's). */
  locale: string;
  /** `HH:mm` (24-hour, ASCII digits), or '' for none. */
  value: string;
  /**
   * Called as the person types or picks: the time as `HH:mm`, or '' while the text is empty or
   * not a time (the form's own rule then refuses to save; the field says what is wrong).
   */
  onChange: (value: string) => void;
  /** A problem found by the form (on Save, or by the server). */
  error?: ReactNode;
  onFocus?: (event: FocusEvent<HTMLInputElement>) => void;
  onBlur?: (event: FocusEvent<HTMLInputElement>) => void;
};

/**
 * A time of day typed or picked, in the viewer's locale: written in its clock (the viewer's Time
 * format when they chose one, else the locale's hour cycle), day-period words and digits
 * (common/times.ts: `17:30` de, `5:30 PM` en-US, `5:30 م` ar), whatever the browser's language —
 * unlike `<input type=time>`, which follows the browser. A click or the down arrow opens a list of
 * every half hour (arrow keys, Enter, Escape; the current time selected); any minute can be typed. Text that is
 * not a time is kept beside its problem once the person leaves the field, and the form gets ''.
 */
export function TimeField(props: TimeFieldProps) {
  const timeFormat = useViewerSettings()['localization.time_format'];
  const clock: Clock | undefined = timeFormat === 'h12' || timeFormat === 'h23' ? timeFormat : undefined;
  // Another locale or clock starts the field over, its text written the new way.
  return <LocaleTimeInput key={`${props.locale}|${clock ?? ''}`} {...props} clock={clock} />;
}

function LocaleTimeInput({
  label,
  description,
  required,
  disabled,
  miw,
  locale,
  clock,
  value,
  onChange,
  error,
  onFocus,
  onBlur,
}: TimeFieldProps & { clock: Clock | undefined }) {
  const { t } = useTranslation();
  const write = (time: string) => formatLocaleTime(time, locale, clock);
  const [text, setText] = useState(() => write(value));
  const [typing, setTyping] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const combobox = useCombobox({
    onDropdownOpen: () => combobox.updateSelectedOptionIndex('active', { scrollIntoView: true }),
    onDropdownClose: () => combobox.resetSelectedOption(),
  });
  // A value set from outside (the form reset, another field moving it) shows written the
  // locale's way, unless the text on screen already means it or is being typed.
  const shownText = typing || (parseLocaleTime(text, locale) ?? '') === value ? text : write(value);
  const times = useMemo(
    () => (value && !LISTED_TIMES.includes(value) ? [...LISTED_TIMES, value].sort() : LISTED_TIMES),
    [value],
  );
  const example = write('17:30');

  const take = (next: string) => {
    setText(next);
    setTyping(true);
    setProblem(null);
    combobox.resetSelectedOption();
    onChange(parseLocaleTime(next, locale) ?? '');
  };
  const pick = (time: string) => {
    setText(write(time));
    setTyping(false);
    setProblem(null);
    onChange(time);
    combobox.closeDropdown();
  };

  return (
    <Combobox store={combobox} onOptionSubmit={pick} withinPortal disabled={disabled}>
      <Combobox.Target withExpandedAttribute>
        <TextInput
          label={label}
          description={description}
          required={required}
          disabled={disabled}
          miw={miw}
          value={shownText}
          inputMode="text"
          autoComplete="off"
          spellCheck={false}
          // The field's own problem is the more exact one; the form's otherwise.
          error={problem ?? error}
          rightSection={<Combobox.Chevron />}
          rightSectionPointerEvents="none"
          onChange={(event) => {
            // The list (in time order, not filtered) gives way to the person's own text, so
            // Enter then saves the form with it.
            combobox.closeDropdown();
            take(event.currentTarget.value);
          }}
          onClick={() => combobox.openDropdown()}
          onFocus={(event) => onFocus?.(event)}
          onBlur={(event) => {
            combobox.closeDropdown();
            setTyping(false);
            const typed = shownText.trim();
            const time = parseLocaleTime(typed, locale);
            if (time) setText(write(time));
            setProblem(typed !== '' && !time ? t('timeField.notATime', { example }) : null);
            onBlur?.(event);
          }}
        />
      </Combobox.Target>
      <TimeOptions times={times} value={value} write={write} label={t('timeField.times')} />
    </Combobox>
  );
}

/** The list of times under the field, the current one selected. */
function TimeOptions(props: {
  times: string[];
  value: string;
  write: (time: string) => string;
  label: string;
}) {
  const { times, value, write, label } = props;
  return (
    <Combobox.Dropdown>
      {/* The listbox scrolls itself and can take focus (axe scrollable-region-focusable); the
          keys stay on the field, which points at the selected time (aria-activedescendant). */}
      <Combobox.Options aria-label={label} mah={220} style={{ overflowY: 'auto' }} tabIndex={-1}>
        {times.map((time) => (
          <Combobox.Option
            key={time}
            value={time}
            active={time === value}
            aria-selected={time === value}
            fw={time === value ? 700 : undefined}
          >
            {write(time)}
          </Combobox.Option>
        ))}
      </Combobox.Options>
    </Combobox.Dropdown>
  );
}
