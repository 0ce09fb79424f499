import { z } from 'zod';
import { errorMeta } from './error-particulars';
import { instantText } from './instant';
import {
  addFault,
  boundedText,
  EMAIL_MAX,
  emailFault,
  limitedText,
  lineText,
  lineTextFault,
  requiredFault,
} from './profile';
import { isTimeZone } from './settings';
import { invisibleTextProblem } from './unicode-text';

/**
 * The request attributes of calendar events and tasks (issue 14), shared by the server and the
 * SPA's forms. Names follow OroCRM's API (`calendarevents`, `tasks`) and RFC 5545.
 */

export const EVENT_TITLE_MAX = 255;
export const TASK_SUBJECT_MAX = 255;
/** Rich text (sanitized HTML) of a description, in Unicode code points. */
export const DESCRIPTION_MAX = 50_000;
export const REMINDERS_MAX = 5;
export const ATTENDEES_MAX = 100;
/** Four weeks: the longest "N weeks before" a reminder offers. */
export const REMINDER_MINUTES_MAX = 4 * 7 * 24 * 60;
export const RECURRENCE_MAX = 500;
export const TIME_ZONE_MAX = 64;

/** The palette format of an event's colour: `#rrggbb` (OroCRM's `backgroundColor`). */
export const EVENT_COLOR = /^#[0-9a-fA-F]{6}$/;

/** The colours the Assign Event dialog offers (any `#rrggbb` is accepted through the API). */
export const eventColorPalette = [
  '#1f5fa8',
  '#2e7d32',
  '#c62828',
  '#6a1b9a',
  '#ef6c00',
  '#00838f',
  '#4e342e',
  '#455a64',
] as const;

/** A required single-line text that must show something (titles, subjects). */
function requiredLine(label: string, max: number) {
  return boundedText(label, max, (value, ctx) => {
    if (value === '') {
      addFault(ctx, requiredFault(label));
      return;
    }
    const fault = lineTextFault(value, label, max);
    if (fault) {
      addFault(ctx, fault);
      return;
    }
    const invisible = invisibleTextProblem(value, label);
    if (invisible)
      ctx.addIssue({ code: 'custom', message: invisible.message, params: { code: invisible.code } });
  });
}

/** One reminder: an email N minutes before the start (events) or the due date (tasks). */
export const reminderSchema = z.strictObject({
  method: z.literal('email', { error: 'Reminders are sent by email ("email").' }),
  minutesBefore: z
    .number()
    .int()
    .min(0)
    .max(REMINDER_MINUTES_MAX, `A reminder can be at most ${REMINDER_MINUTES_MAX / 10_080} weeks before.`)
    .meta({ format: 'int32' }),
});
export type Reminder = z.infer<typeof reminderSchema>;

export const remindersSchema = z
  .array(reminderSchema)
  .max(REMINDERS_MAX, `At most ${REMINDERS_MAX} reminders.`)
  .superRefine((reminders, ctx) => {
    const seen = new Set<number>();
    for (const [index, reminder] of reminders.entries()) {
      if (seen.has(reminder.minutesBefore)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'minutesBefore'],
          message: 'This reminder is listed twice.',
          params: errorMeta('custom', { reason: 'listed_twice' }),
        });
      }
      seen.add(reminder.minutesBefore);
    }
  });

/** A guest: an organization user's or anyone's address. Their answer (`status`) is theirs to give. */
export const attendeeInputSchema = z.strictObject({
  email: boundedText("The guest's email address", EMAIL_MAX, (value, ctx) => {
    addFault(ctx, emailFault(value, "The guest's email address"));
  }),
  displayName: lineText("The guest's name", 255).nullable().optional(),
});

/** An IANA time zone name (`Europe/Berlin`), else `invalid_time_zone` (`meta.reason: 'not_iana'`). */
export const timeZoneSchema = limitedText('The time zone', TIME_ZONE_MAX).superRefine((value, ctx) => {
  if (value.length > TIME_ZONE_MAX || isTimeZone(value)) return;
  ctx.addIssue({
    code: 'custom',
    message: 'Choose an IANA time zone such as Europe/Berlin.',
    params: { code: 'invalid_time_zone', reason: 'not_iana', example: 'Europe/Berlin' },
  });
});

/**
 * `start`/`end`: ISO 8601 date-times with an offset (`2026-03-02T09:00:00+01:00`), or dates
 * (`2026-03-02`) when `allDay` — the end date is the last day (inclusive).
 */
const eventTime = (label: string) => limitedText(label, 40);

const eventFields = {
  title: requiredLine('The title', EVENT_TITLE_MAX),
  description: limitedText('The description', DESCRIPTION_MAX).nullable().optional(),
  start: eventTime('The start'),
  end: eventTime('The end'),
  allDay: z.boolean().optional(),
  timeZone: timeZoneSchema.optional(),
  backgroundColor: limitedText('The colour', 7)
    .regex(EVENT_COLOR, 'Use a colour like #1f5fa8.')
    .nullable()
    .optional(),
  recurrence: limitedText('The recurrence rule', RECURRENCE_MAX).nullable().optional(),
  reminders: remindersSchema.optional(),
  attendees: z.array(attendeeInputSchema).max(ATTENDEES_MAX, `At most ${ATTENDEES_MAX} guests.`).optional(),
};

export const calendarEventCreateSchema = z.strictObject(eventFields);
export type CalendarEventCreate = z.infer<typeof calendarEventCreateSchema>;

export const calendarEventUpdateSchema = z.strictObject(eventFields).partial();
export type CalendarEventUpdate = z.infer<typeof calendarEventUpdateSchema>;

/** Which occurrences a change of a recurring event applies to (OroCRM/Odoo: this, following, all). */
export const occurrenceScopes = ['this', 'following', 'all'] as const;
export type OccurrenceScope = (typeof occurrenceScopes)[number];

export const attendeeStatuses = ['none', 'accepted', 'tentative', 'declined'] as const;

// ── Tasks ──────────────────────────────────────────────────────────────────────────────────────

export const taskPriorities = ['low', 'normal', 'high'] as const;
export type TaskPriorityName = (typeof taskPriorities)[number];
export const taskPriorityLabels: Record<TaskPriorityName, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
};

export const taskStatuses = ['open', 'in_progress', 'closed'] as const;
export type TaskStatusName = (typeof taskStatuses)[number];
export const taskStatusLabels: Record<TaskStatusName, string> = {
  open: 'Open',
  in_progress: 'In Progress',
  closed: 'Closed',
};

/**
 * OroCRM's task workflow (`task_flow`): open → in progress (start progress) or closed (close);
 * in progress → open (stop progress) or closed; closed → open (reopen). Staying put is no change.
 */
export const taskTransitions: Record<TaskStatusName, readonly TaskStatusName[]> = {
  open: ['in_progress', 'closed'],
  in_progress: ['open', 'closed'],
  closed: ['open'],
};

export function isTaskTransitionAllowed(from: TaskStatusName, to: TaskStatusName): boolean {
  return from === to || taskTransitions[from].includes(to);
}

const taskFields = {
  subject: requiredLine('The subject', TASK_SUBJECT_MAX),
  description: limitedText('The description', DESCRIPTION_MAX).nullable().optional(),
  dueDate: instantText('The due date').nullable().optional(),
  priority: z.enum(taskPriorities).optional(),
  status: z.enum(taskStatuses).optional(),
  reminders: remindersSchema.optional(),
};

export const taskCreateSchema = z.strictObject(taskFields);
export type TaskCreate = z.infer<typeof taskCreateSchema>;
export const taskUpdateSchema = z.strictObject(taskFields).partial();
export type TaskUpdate = z.infer<typeof taskUpdateSchema>;
