import type { Kysely } from 'kysely';
import type { AuditAction } from '../../common/audit-actions';
import type { Clock } from './clock';
import { preparedQuery } from './db/prepared';
import type { DB } from './db/schema';
import { systemToolOf } from './http/access';
import { newId } from './ids';

/** The actions recorded, with their labels for people, are listed in common/audit-actions.ts. */
export type { AuditAction } from '../../common/audit-actions';

export type AuditEventInput = {
  action: AuditAction;
  organizationId: string | null;
  actorUserId: string | null;
  subjectUserId?: string | null;
  ip?: string | null;
  /** Non-secret details only: never a password, token or key. */
  details?: Record<string, unknown>;
};

/** An `audit_events` row as written: `details` as JSON text, `occurredAt` an ISO 8601 instant (UTC). */
export type AuditEventRow = {
  id: string;
  organizationId: string | null;
  actorUserId: string | null;
  subjectUserId: string | null;
  action: AuditAction;
  ip: string | null;
  details: string;
  occurredAt: string;
};

/**
 * Appends one row to the security audit log. Call it with the transaction of the action it
 * records, so that the log and the change commit (or roll back) together. A system actor's id
 * (`systemActor` of platform/http/access.ts: the CLI, the first start) is recorded as no actor
 * user and `details.via` = its tool (`cli`, `first_start`).
 */
export async function recordAuditEvent(db: Kysely<DB>, clock: Clock, event: AuditEventInput): Promise<void> {
  await insertAuditEvent(db, auditEventRow(clock, event));
}

/**
 * The row `recordAuditEvent` writes for `event` (a new id, the clock's now), for a statement that
 * writes it together with the change it records (`updateProfileColumns` and
 * `updateProfileReturningMember` on PostgreSQL).
 */
export function auditEventRow(clock: Clock, event: AuditEventInput): AuditEventRow {
  const systemTool = systemToolOf(event.actorUserId);
  if (systemTool) event = { ...event, actorUserId: null, details: { ...event.details, via: systemTool } };
  return {
    id: newId(),
    organizationId: event.organizationId,
    actorUserId: event.actorUserId,
    subjectUserId: event.subjectUserId ?? null,
    action: event.action,
    ip: event.ip ?? null,
    details: JSON.stringify(event.details ?? {}),
    occurredAt: clock.now().toISOString(),
  };
}

/** The columns of an `audit_events` row, in the order `AuditEventRow` lists them. */
export const AUDIT_EVENT_COLUMNS = [
  'id',
  'organizationId',
  'actorUserId',
  'subjectUserId',
  'action',
  'ip',
  'details',
  'occurredAt',
] as const satisfies readonly (keyof AuditEventRow)[];

/** Writes a row made by `auditEventRow` (in the transaction of the change it records). */
export async function insertAuditEventRow(db: Kysely<DB>, row: AuditEventRow): Promise<void> {
  await insertAuditEvent(db, row);
}

/** Compiled once: every write records an event (building the INSERT cost more than running it). */
const insertAuditEvent = preparedQuery(AUDIT_EVENT_COLUMNS, (db, p) =>
  db.insertInto('auditEvents').values({
    id: p.id,
    organizationId: p.organizationId,
    actorUserId: p.actorUserId,
    subjectUserId: p.subjectUserId,
    action: p.action,
    ip: p.ip,
    details: p.details,
    occurredAt: p.occurredAt,
  }),
);
