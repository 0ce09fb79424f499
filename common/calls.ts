import { z } from 'zod';
import { instantText } from './instant';
import { limitedText, lineText } from './profile';

/**
 * Calls as the API accepts them (`POST`/`PATCH /api/calls`), shared by the server and the SPA's
 * Log Call dialog. Fields, defaults and limits follow OroCRM's Call (OroCRMCallBundle
 * Entity/Call.php, validation.yml, CallController::createAction): subject ≤ 255, phone number
 * ≤ 255, status `in_progress`|`completed` (default completed), direction `incoming`|`outgoing`
 * (default outgoing), duration in whole seconds — here 0 to 24 h (issue 13).
 */

export const CALL_SUBJECT_MAX = 255;
export const CALL_PHONE_MAX = 255;
export const CALL_NOTES_MAX = 10_000;
/** 24 hours, in seconds. */
export const CALL_DURATION_MAX = 86_400;
/** Activity targets of one call at most. */
export const CALL_TARGETS_MAX = 100;

export const callStatuses = ['in_progress', 'completed'] as const;
export type CallStatusName = (typeof callStatuses)[number];
export const callDirections = ['incoming', 'outgoing'] as const;
export type CallDirectionName = (typeof callDirections)[number];

/** OroCRM's labels (LoadCallStatusData, LoadCallDirectionData). */
export const callStatusLabels: Record<CallStatusName, string> = {
  in_progress: 'In progress',
  completed: 'Completed',
};
export const callDirectionLabels: Record<CallDirectionName, string> = {
  incoming: 'Incoming',
  outgoing: 'Outgoing',
};

const notes = limitedText('Additional comments', CALL_NOTES_MAX);

/** An instant with its offset (`2026-11-30T09:15:00Z`, `…+01:00`); stored in UTC. */
const callDateTime = instantText('The call date & time');

const duration = z
  .number()
  .int('The duration is a whole number of seconds.')
  .meta({ format: 'int32' })
  .min(0, `The duration must be between 0 and ${CALL_DURATION_MAX} seconds (24 hours).`)
  .max(CALL_DURATION_MAX, `The duration must be between 0 and ${CALL_DURATION_MAX} seconds (24 hours).`);

/** The attributes of `POST /api/calls`: subject and phone number required, the rest defaulted. */
export const callCreateSchema = z.strictObject({
  subject: lineText('The subject', CALL_SUBJECT_MAX, 1),
  phoneNumber: lineText('The phone number', CALL_PHONE_MAX, 1),
  notes: notes.nullable().optional(),
  callDateTime: callDateTime.optional(),
  callStatus: z.enum(callStatuses).optional(),
  direction: z.enum(callDirections).optional(),
  duration: duration.optional(),
});
export type CallCreate = z.infer<typeof callCreateSchema>;

/** The attributes of `PATCH /api/calls/{id}`: any of them. */
export const callUpdateSchema = z.strictObject({
  subject: lineText('The subject', CALL_SUBJECT_MAX, 1).optional(),
  phoneNumber: lineText('The phone number', CALL_PHONE_MAX, 1).optional(),
  notes: notes.nullable().optional(),
  callDateTime: callDateTime.optional(),
  callStatus: z.enum(callStatuses).optional(),
  direction: z.enum(callDirections).optional(),
  duration: duration.optional(),
});
export type CallUpdate = z.infer<typeof callUpdateSchema>;

const UNIT_SECONDS: Record<string, number> = { h: 3600, m: 60, s: 1 };

/**
 * A duration as people type it (OroCRM's OroDurationType): whole seconds (`5405`), "JIRA style"
 * (`1h 30m 5s`, any of the parts, in that order; also `1h30m`), or "column style" (`hh:mm:ss`,
 * `mm:ss`; `1:30:05`). Returns seconds, or null when the text is none of these or is beyond
 * 24 h (CALL_DURATION_MAX). Surrounding spaces are ignored; '' is null.
 */
export function parseDuration(input: string): number | null {
  const text = input.trim().toLowerCase();
  let seconds: number | null = null;
  if (/^\d{1,6}$/.test(text)) {
    seconds = Number(text);
  } else if (/^\d{1,3}(?::[0-5]?\d){1,2}$/.test(text)) {
    seconds = text
      .split(':')
      .map(Number)
      .reduce((total, part) => total * 60 + part, 0);
  } else {
    const match = /^(?:(\d{1,3})\s*h)?\s*(?:(\d{1,5})\s*m)?\s*(?:(\d{1,6})\s*s)?$/.exec(text);
    if (match && text !== '') {
      seconds = ['h', 'm', 's'].reduce(
        (total, unit, index) => total + Number(match[index + 1] ?? 0) * (UNIT_SECONDS[unit] as number),
        0,
      );
    }
  }
  return seconds !== null && seconds <= CALL_DURATION_MAX ? seconds : null;
}

/** Seconds as OroCRM shows a duration: `hh:mm:ss` (`00:01:00`, `24:00:00`). */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(Math.floor(whole / 3600))}:${pad(Math.floor((whole % 3600) / 60))}:${pad(whole % 60)}`;
}
