import { z } from 'zod';
import { taskAbilities } from '../../../common/abilities';
import {
  DESCRIPTION_MAX,
  REMINDER_MINUTES_MAX,
  REMINDERS_MAX,
  TASK_SUBJECT_MAX,
  taskPriorities,
  taskStatuses,
} from '../../../common/calendar';
import type { Actor } from '../../platform/http/access';
import type { ResourceObject } from '../../platform/http/jsonapi';
import {
  abilitiesSchema,
  apiPath,
  integer,
  resourceSchema,
  text,
  timestamp,
  toOneRelationship,
} from '../../platform/http/openapi';
import { taskAbilitiesOf } from './policy';
import type { TaskRecord } from './store';

export const taskPath = (id: string) => `/api/tasks/${id}`;

/** A `tasks` resource (OroCRM's Task), with what the actor may do to it in `meta.abilities`. */
export function presentTask(task: TaskRecord, actor: Actor): ResourceObject {
  return {
    type: 'tasks',
    id: task.id,
    attributes: {
      subject: task.subject,
      description: task.description,
      dueDate: task.dueAt,
      priority: task.priority,
      status: task.status,
      reminders: task.reminders,
      createdAt: task.createdAt,
      updatedAt: task.updatedAt,
    },
    relationships: {
      owner: { data: { type: 'users', id: task.ownerId } },
      createdBy: { data: task.createdById ? { type: 'users', id: task.createdById } : null },
    },
    links: { self: taskPath(task.id) },
    meta: { abilities: taskAbilitiesOf(actor, task) },
  };
}

export const taskResource = resourceSchema('tasks', {
  attributes: {
    subject: text(TASK_SUBJECT_MAX * 2 + 16),
    description: text(DESCRIPTION_MAX * 2)
      .nullable()
      .describe('Sanitized HTML'),
    dueDate: timestamp.nullable(),
    priority: z.enum(taskPriorities),
    status: z.enum(taskStatuses),
    reminders: z
      .array(z.strictObject({ method: z.literal('email'), minutesBefore: integer(0, REMINDER_MINUTES_MAX) }))
      .max(REMINDERS_MAX),
    createdAt: timestamp,
    updatedAt: timestamp,
  },
  relationships: {
    owner: toOneRelationship('users'),
    createdBy: toOneRelationship('users', { nullable: true }),
  },
  links: { self: apiPath },
  meta: z.strictObject({
    abilities: abilitiesSchema(taskAbilities)
      .describe('What I may do to this task (common/abilities.ts)')
      .meta({ id: 'TaskAbilities' }),
  }),
}).meta({ id: 'Task' });
