import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock';
import type { DB } from '../../platform/db/schema';
import { newId } from '../../platform/ids';

export type AuditAction =
  | 'session.signed_in'
  | 'session.sign_in_failed'
  | 'session.signed_out'
  | 'session.ended'
  | 'session.organization_switched'
  | 'account.locked'
  | 'user.created'
  | 'user.updated'
  | 'user.enabled'
  | 'user.disabled'
  | 'user.roles_changed'
  | 'user.instance_administrator_appointed'
  | 'user.instance_administrator_dismissed'
  | 'role.permissions_changed'
  | 'organization.created'
  | 'organization.renamed'
  | 'profile.updated'
  | 'profile.email_changed'
  | 'avatar.changed'
  | 'avatar.removed'
  | 'email.verified'
  | 'custom_field.created'
  | 'custom_field.updated'
  | 'custom_field.deleted'
  | 'password.changed'
  | 'password.change_failed'
  | 'password.set_by_admin'
  | 'password.reset_by_admin'
  | 'password.reset_requested'
  | 'password.reset_completed'
  | 'api_key.generated'
  | 'api_key.revoked'
  | 'settings.changed'
  | 'mail.retried';

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
