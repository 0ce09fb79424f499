import type { Kysely } from 'kysely';
import { isPermission, type Permission } from '../../../common/permissions';
import type { DB } from '../../platform/db/schema';

/**
 * The user's permissions in one organization: the union of their roles' permissions there, read
 * on every request so that a change of roles applies on the next one. `undefined` when the user is
 * not a member of the organization (any more).
 */
export async function loadPermissions(
  db: Kysely<DB>,
  userId: string,
  organizationId: string,
): Promise<Set<Permission> | undefined> {
  const rows = await db
    .selectFrom('memberships')
    .leftJoin('membershipRoles', 'membershipRoles.membershipId', 'memberships.id')
    .leftJoin('roles', (join) =>
      join.onRef('roles.id', '=', 'membershipRoles.roleId').on('roles.organizationId', '=', organizationId),
    )
    .select('roles.permissions')
    .where('memberships.userId', '=', userId)
    .where('memberships.organizationId', '=', organizationId)
    .execute();
  if (rows.length === 0) return undefined;
  const granted = new Set<Permission>();
  for (const row of rows) {
    if (!row.permissions) continue;
    for (const name of JSON.parse(row.permissions) as string[]) {
      if (isPermission(name)) granted.add(name);
    }
  }
  return granted;
}
