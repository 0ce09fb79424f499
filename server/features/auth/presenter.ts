import type { ResourceObject } from '../../platform/http/jsonapi';
import type { SessionRecord } from './store';

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
