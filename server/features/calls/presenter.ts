import { z } from 'zod';
import { callAbilities } from '../../../common/abilities';
import {
  CALL_DURATION_MAX,
  CALL_NOTES_MAX,
  CALL_PHONE_MAX,
  CALL_SUBJECT_MAX,
  CALL_TARGETS_MAX,
  callDirections,
  callStatuses,
} from '../../../common/calls';
import type { Actor } from '../../platform/http/access';
import type { ResourceObject } from '../../platform/http/jsonapi';
import {
  abilitiesSchema,
  apiPath,
  integer,
  resourceSchema,
  text,
  timestamp,
  toManyRelationship,
  toOneRelationship,
} from '../../platform/http/openapi';
import { callAbilitiesOf } from './policy';
import type { CallRecord } from './store';

export function callPath(id: string): string {
  return `/api/calls/${id}`;
}

/**
 * The `calls` resource (OroCRM's Call): its attributes, the author who logged it and the users it
 * is an activity of (`activityTargets`, in user-id order), and what the actor may do to it
 * (`meta.abilities`).
 */
export function presentCall(
  call: CallRecord,
  targetUserIds: readonly string[],
  actor: Actor,
): ResourceObject {
  return {
    type: 'calls',
    id: call.id,
    attributes: {
      subject: call.subject,
      phoneNumber: call.phoneNumber,
      notes: call.notes,
      callDateTime: call.callDateTime,
      callStatus: call.callStatus,
      direction: call.direction,
      duration: call.duration,
      createdAt: call.createdAt,
      updatedAt: call.updatedAt,
    },
    relationships: {
      author: { data: call.authorId ? { type: 'users', id: call.authorId } : null },
      activityTargets: { data: targetUserIds.map((id) => ({ type: 'users', id })) },
    },
    links: { self: callPath(call.id) },
    meta: { abilities: callAbilitiesOf(actor, call) },
  };
}

/** The `calls` resource (sparse fieldsets allowed). */
export const callResource = resourceSchema('calls', {
  attributes: {
    subject: text(CALL_SUBJECT_MAX * 2),
    phoneNumber: text(CALL_PHONE_MAX * 2).describe('E.164 (with `;ext=`) when it parsed, else as typed'),
    notes: text(CALL_NOTES_MAX * 2)
      .nullable()
      .describe('"Additional comments"'),
    callDateTime: timestamp,
    callStatus: z.enum(callStatuses),
    direction: z.enum(callDirections),
    duration: integer(0, CALL_DURATION_MAX).describe('Seconds'),
    createdAt: timestamp,
    updatedAt: timestamp,
  },
  relationships: {
    author: toOneRelationship('users', { nullable: true }).describe('Who logged it (null once deleted)'),
    activityTargets: toManyRelationship('users', CALL_TARGETS_MAX).describe(
      'The users whose Activity shows the call',
    ),
  },
  links: { self: apiPath },
  meta: z.strictObject({
    abilities: abilitiesSchema(callAbilities)
      .describe('What I may do to this call (common/abilities.ts)')
      .meta({ id: 'CallAbilities' }),
  }),
  sparse: true,
}).meta({ id: 'Call' });
