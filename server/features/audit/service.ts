import type { Deps } from '../../platform/deps';
import type { Actor } from '../../platform/http/access';
import { authorize, resolveUserId } from '../../platform/http/access';
import { forbidden, notFound } from '../../platform/http/errors';
import type { ListPage, ListQuery } from '../../platform/http/jsonapi';
import { isMember } from '../memberships/store';
import type { PresentableUser } from '../users/presenter';
import { listPresentableMembers } from '../users/store';
import { canViewUserAuditEvents } from './policy';
import { type AuditEventRecord, listAuditEvents } from './store';

export type AuditEventPage = ListPage<AuditEventRecord> & { users: PresentableUser[] };

/** The security audit log of the actor's organization (needs `audit.view`). */
export async function browseAuditLog(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  listQuery: ListQuery,
): Promise<AuditEventPage> {
  authorize(actor, 'audit.view');
  const page = await listAuditEvents(deps.db, actor.organizationId, listQuery);
  return { ...page, users: await includedUsers(deps, actor, page.rows, listQuery.include) };
}

/**
 * A user's own recent security events: always their own (`me`), another member's with
 * `audit.view`; a user outside the actor's organization answers 404.
 */
export async function listUserAuditEvents(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  userId: string,
  listQuery: ListQuery,
): Promise<AuditEventPage> {
  const targetId = resolveUserId(actor, userId);
  if (targetId !== actor.userId) {
    if (!(await isMember(deps.db, targetId, actor.organizationId))) throw notFound('user');
  }
  if (!canViewUserAuditEvents(actor, targetId)) throw forbidden();
  const page = await listAuditEvents(deps.db, actor.organizationId, listQuery, { subjectUserId: targetId });
  return { ...page, users: await includedUsers(deps, actor, page.rows, listQuery.include) };
}

/** The actors/subjects asked for with `include`, limited to members of the actor's organization. */
async function includedUsers(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  rows: AuditEventRecord[],
  include: string[],
): Promise<PresentableUser[]> {
  const ids = new Set<string>();
  for (const row of rows) {
    if (include.includes('actor') && row.actorUserId) ids.add(row.actorUserId);
    if (include.includes('subject') && row.subjectUserId) ids.add(row.subjectUserId);
  }
  if (ids.size === 0) return [];
  return listPresentableMembers(deps.db, actor.organizationId, [...ids]);
}
