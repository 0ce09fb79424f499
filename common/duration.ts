/**
 * Call durations as people type them (OroCRM's `OroDurationType`): plain seconds (`90`), "JIRA
 * style" units (`1h 30m 5s`, `2m`, `1.5h`) or "column style" clock time (`hh:mm:ss`, `mm:ss`).
 * Stored and sent as whole seconds; shown as `hh:mm:ss`. A call lasts 0 to 24 hours.
 */

/** The longest call: 24 hours, in seconds. */
export const MAX_CALL_DURATION_SECONDS = 24 * 60 * 60;

export type DurationParseResult = { ok: true; seconds: number } | { ok: false; message: string };

const SECONDS_ONLY = /^\d+$/;
const COLUMNS = /^(?:(\d+):)?(\d{1,2}):(\d{1,2})$/;
const UNIT = /(\d+(?:[.,]\d+)?)\s*(h|hr|hrs|hours?|m|min|mins|minutes?|s|sec|secs|seconds?)(?![a-z])/gi;
const UNITS_ONLY =
  /^(?:\s*\d+(?:[.,]\d+)?\s*(?:h|hr|hrs|hours?|m|min|mins|minutes?|s|sec|secs|seconds?)(?![a-z]))+\s*$/i;

const UNIT_SECONDS: Record<string, number> = { h: 3600, m: 60, s: 1 };

/**
 * Reads a typed duration. `''` is 0 (a call logged without a duration). Accepts `5400`,
 * `1h 30m 5s` (units h/m/s or their words, in any order, decimals allowed: `1.5h`), and
 * `01:30:05` or `30:05` (minutes and seconds below 60). Fractions of a second are rounded.
 * Fails with a message on anything else or outside 0..24 h ({@link MAX_CALL_DURATION_SECONDS}).
 */
export function parseDuration(input: string): DurationParseResult {
  const text = input.trim();
  let seconds: number;
  if (text === '') {
    seconds = 0;
  } else if (SECONDS_ONLY.test(text)) {
    seconds = Number(text);
  } else if (COLUMNS.test(text)) {
    const [, hours = '0', minutes = '0', secs = '0'] = COLUMNS.exec(text) ?? [];
    if (Number(minutes) >= 60 || Number(secs) >= 60) {
      return { ok: false, message: 'Minutes and seconds in hh:mm:ss must be below 60.' };
    }
    seconds = Number(hours) * 3600 + Number(minutes) * 60 + Number(secs);
  } else if (UNITS_ONLY.test(text)) {
    seconds = 0;
    for (const match of text.matchAll(UNIT)) {
      const amount = Number((match[1] ?? '0').replace(',', '.'));
      const unit = (match[2] ?? 's').toLowerCase().charAt(0);
      seconds += amount * (UNIT_SECONDS[unit] ?? 1);
    }
    seconds = Math.round(seconds);
  } else {
    return { ok: false, message: 'Type the duration as seconds (90), 1h 30m 5s or hh:mm:ss.' };
  }
  if (!Number.isSafeInteger(seconds) || seconds > MAX_CALL_DURATION_SECONDS) {
    return { ok: false, message: 'Duration should be between 00:00:00 and 24:00:00.' };
  }
  return { ok: true, seconds };
}

/** Shows whole seconds as `hh:mm:ss` (`5405` → `01:30:05`); hours grow past two digits if needed. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  return [hours, minutes, rest].map((part) => String(part).padStart(2, '0')).join(':');
}
