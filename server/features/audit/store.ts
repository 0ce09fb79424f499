import type { Kysely } from 'kysely';
import type { AuditAction } from '../../../common/audit-actions';
import type { Clock } from '../../platform/clock';
import type { DB } from '../../platform/db/schema';
import { newId } from '../../platform/ids';

/** The actions recorded, with their labels for people, are listed in common/audit-actions.ts. */
export type { AuditAction } from '../../../common/audit-actions';

export type AuditEventInput = {
  action: AuditAction;
  organizationId: string | null;
  actorUserId: string | null;
  subjectUserId?: string | null;
  ip?: string | null;
  /** Non-secret details only: never a password, token or key. */
  details?: Record<string, unknown>;
};

/**
 * Appends one row to the security audit log. Call it with the transaction of the action it
 * records, so that the log and the change commit (or roll back) together.
 */
export async function recordAuditEvent(db: Kysely<DB>, clock: Clock, event: AuditEventInput): Promise<void> {
  await db
    .insertInto('auditEvents')
    .values({
      id: newId(),
      organizationId: event.organizationId,
      actorUserId: event.actorUserId,
      subjectUserId: event.subjectUserId ?? null,
      action: event.action,
      ip: event.ip ?? null,
      details: JSON.stringify(event.details ?? {}),
      occurredAt: clock.now().toISOString(),
    })
    .execute();
}
