import type { Kysely } from 'kysely';
import { errorMeta } from '../../../common/error-particulars';
import {
  permissions as allPermissions,
  isInstancePermission,
  isPermission,
  type Permission,
} from '../../../common/permissions';
import { recordAuditEvent } from '../../platform/audit';
import type { DB } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import type { Actor } from '../../platform/http/access';
import { AppError, notFound } from '../../platform/http/errors';
import type { ListPage, ListQuery } from '../../platform/http/jsonapi';
import type { RequestContext } from '../../platform/http/request-context';
import { ADMINISTRATOR_PERMISSION, authorizeRoleChange } from './policy';
import { countActiveHolders, findRole, listRolesPage, type RoleRecord, updateRolePermissions } from './store';

export async function listOrganizationRoles(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  listQuery: ListQuery,
): Promise<ListPage<RoleRecord>> {
  return listRolesPage(deps.db, actor.organizationId, listQuery);
}

/** A role of the actor's organization; another organization's role answers 404. */
export async function getRole(deps: Pick<Deps, 'db'>, actor: Actor, roleId: string): Promise<RoleRecord> {
  const role = await findRole(deps.db, actor.organizationId, roleId);
  if (!role) throw notFound('role');
  return role;
}

const PERMISSIONS_POINTER = '/data/attributes/permissions';

/**
 * Replaces a role's permissions (needs `roles.manage`). Unknown names are 422 pointing at the
 * entry; nobody grants a permission they do not hold themselves (no escalation through a role);
 * the organization keeps at least one active member who can manage roles. Members of the role get
 * the new set on their next request (permissions are read per request).
 */
export async function changeRolePermissions(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  roleId: string,
  requested: readonly string[],
  context: RequestContext = {},
): Promise<RoleRecord> {
  authorizeRoleChange(actor);
  const unknownIndex = requested.findIndex((name) => !isPermission(name));
  if (unknownIndex >= 0) {
    throw new AppError(
      'validation',
      'unknown_permission',
      `"${requested[unknownIndex]}" is not a permission.`,
      {
        source: { pointer: `${PERMISSIONS_POINTER}/${unknownIndex}` },
        meta: errorMeta('unknown_permission', { permission: requested[unknownIndex] ?? '' }),
      },
    );
  }
  const instanceIndex = requested.findIndex((name) => isInstancePermission(name));
  if (instanceIndex >= 0) {
    throw new AppError(
      'validation',
      'instance_permission',
      `"${requested[instanceIndex]}" belongs to instance administrators: no role inside an organization grants it.`,
      {
        source: { pointer: `${PERMISSIONS_POINTER}/${instanceIndex}` },
        meta: errorMeta('instance_permission', { permission: requested[instanceIndex] ?? '' }),
      },
    );
  }
  // Kept in the registry's order, without duplicates.
  const wanted = allPermissions.filter((name) => requested.includes(name));
  const { db, clock } = deps;
  return db.transaction().execute(async (trx) => {
    const role = await findRole(trx, actor.organizationId, roleId);
    if (!role) throw notFound('role');
    const added = wanted.filter((name) => !role.permissions.includes(name));
    const removed = role.permissions.filter((name) => !wanted.includes(name));
    const notHeld = [...added, ...removed].find((name) => !actor.permissions.has(name));
    if (notHeld) {
      throw new AppError(
        'validation',
        'permission_not_held',
        `You cannot grant or take away "${notHeld}": you do not hold that permission yourself.`,
        {
          source: { pointer: `${PERMISSIONS_POINTER}/${Math.max(0, requested.indexOf(notHeld))}` },
          meta: errorMeta('permission_not_held', { permission: notHeld }),
        },
      );
    }
    if (added.length === 0 && removed.length === 0) return role;
    const updatedAt = clock.now().toISOString();
    await updateRolePermissions(trx, role, wanted, updatedAt);
    await recordAuditEvent(trx, clock, {
      action: 'role.permissions_changed',
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      subjectUserId: null,
      ip: context.ip ?? null,
      details: { roleId: role.id, roleName: role.name, added, removed },
    });
    if (removed.includes('roles.manage')) {
      await ensureAnAdministratorRemains(trx, actor.organizationId, PERMISSIONS_POINTER);
    }
    return { ...role, permissions: wanted as Permission[], updatedAt };
  });
}

/**
 * Refuses a change (inside its transaction, so it rolls back) that would leave the organization
 * without an active member who can manage roles: nobody could repair that from the application.
 */
export async function ensureAnAdministratorRemains(
  trx: Kysely<DB>,
  organizationId: string,
  pointer: string,
): Promise<void> {
  if ((await countActiveHolders(trx, organizationId, ADMINISTRATOR_PERMISSION)) > 0) return;
  throw new AppError(
    'validation',
    'last_administrator',
    'This would leave the organization without an active administrator.',
    { source: { pointer } },
  );
}
