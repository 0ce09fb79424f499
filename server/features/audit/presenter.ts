import type { ResourceObject } from '../../platform/http/jsonapi';
import type { AuditEventRecord } from './list';

/** The `auditevents` resource. Details never hold a secret (see recordAuditEvent). */
export function presentAuditEvent(event: AuditEventRecord): ResourceObject {
  const user = (id: string | null) => ({ data: id ? { type: 'users', id } : null });
  return {
    type: 'auditevents',
    id: event.id,
    attributes: {
      action: event.action,
      occurredAt: event.occurredAt,
      ip: event.ip,
      details: event.details,
    },
    relationships: {
      actor: user(event.actorUserId),
      subject: user(event.subjectUserId),
      organization: {
        data: event.organizationId ? { type: 'organizations', id: event.organizationId } : null,
      },
    },
  };
}
