import { z } from 'zod';
import type { ResourceObject } from '../../platform/http/jsonapi';
import { resourceSchema, text, timestamp, toOneRelationship } from '../../platform/http/openapi';
import type { SessionRecord } from './store';

/** The fields of a `sessions` resource, for `fields[sessions]` (sparse fieldsets). */
export const sessionFields = [
  'createdAt',
  'lastSeenAt',
  'expiresAt',
  'ip',
  'userAgent',
  'current',
  'user',
  'organization',
] as const;

export function presentSession(
  session: SessionRecord,
  options: { currentSessionId?: string | undefined; csrfToken?: string } = {},
): ResourceObject {
  const current = session.id === options.currentSessionId;
  return {
    type: 'sessions',
    id: session.id,
    attributes: {
      createdAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
      expiresAt: session.expiresAt,
      ip: session.ip,
      userAgent: session.userAgent,
      current,
      ...(options.csrfToken ? { csrfToken: options.csrfToken } : {}),
    },
    relationships: {
      user: { data: { type: 'users', id: session.userId } },
      organization: { data: { type: 'organizations', id: session.organizationId } },
    },
  };
}

/** The `sessions` resource; `csrfToken` only on the caller's own current session. */
export const sessionResource = resourceSchema('sessions', {
  attributes: {
    createdAt: timestamp,
    lastSeenAt: timestamp,
    expiresAt: timestamp,
    ip: text(64).nullable(),
    userAgent: text(512).nullable(),
    current: z.boolean().describe('The session of this request'),
    csrfToken: text(256)
      .optional()
      .describe('Send it as X-CSRF-Token on state-changing requests made with this session'),
  },
  relationships: { user: toOneRelationship('users'), organization: toOneRelationship('organizations') },
  sparse: true,
}).meta({ id: 'Session' });
