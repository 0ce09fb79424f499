import { z } from 'zod';
import type { ResourceObject } from '../../platform/http/jsonapi';
import { resourceSchema, text, timestamp, toOneRelationship } from '../../platform/http/openapi';
import type { AuditEventRecord } from './store';

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

/** The `auditevents` resource. */
export const auditEventResource = resourceSchema('auditevents', {
  attributes: {
    action: text(100).describe('What happened, e.g. `user.signed_in`'),
    occurredAt: timestamp,
    ip: text(64).nullable(),
    details: z.record(text(100), z.unknown()).describe('Non-secret details of the action'),
  },
  relationships: {
    actor: toOneRelationship('users', { nullable: true }),
    subject: toOneRelationship('users', { nullable: true }),
    organization: toOneRelationship('organizations', { nullable: true }),
  },
}).meta({ id: 'AuditEvent' });
