import { TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration, parseDuration } from '../../../common/duration';
import '../../i18n/lazy/activities';

/**
 * **Duration**: typed as seconds (`90`), `1h 30m 5s` or `hh:mm:ss`, shown as `hh:mm:ss` once the
 * field is left (common/duration.ts reads it). `value` is whole seconds, or null while the text
 * cannot be read (the message shows under the field).
 */
export function DurationInput({
  value,
  onChange,
  error,
}: {
  value: number | null;
  onChange: (seconds: number | null) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('activities');
  const [text, setText] = useState(value === null ? '' : formatDuration(value));
  const [problem, setProblem] = useState<string | undefined>();
  const emitted = useRef(value);
  // A value set from outside (an edited call, a reset form) replaces the text.
  useEffect(() => {
    if (value !== emitted.current && value !== null) setText(formatDuration(value));
    emitted.current = value;
  }, [value]);
  return (
    <TextInput
      label={t('duration.label')}
      description={t('duration.description')}
      value={text}
      autoComplete="off"
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        const parsed = parseDuration(next);
        setProblem(undefined);
        emitted.current = parsed.ok ? parsed.seconds : null;
        onChange(emitted.current);
      }}
      onBlur={() => {
        const parsed = parseDuration(text);
        if (parsed.ok) setText(formatDuration(parsed.seconds));
        else setProblem(parsed.message);
      }}
      error={problem ?? error}
    />
  );
}
