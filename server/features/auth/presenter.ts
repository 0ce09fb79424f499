import type { ResourceObject } from '../../platform/http/jsonapi';
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
