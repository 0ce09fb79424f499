import type { Kysely } from 'kysely';
import {
  instancePermissions,
  isInstancePermission,
  isPermission,
  type Permission,
} from '../../../common/permissions';
import type { DB, Role } from '../../platform/db/schema';
import {
  fetchListPage,
  type ListPage,
  type ListQuery,
  type ListSpec,
  listReadsOf,
} from '../../platform/http/jsonapi';
import { roleFields } from './presenter';

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
  return permissionsOf(rows);
}

/** Parsed role permissions by their stored JSON: every request reads them (bounded by the roles). */
const parsedPermissions = new Map<string, readonly Permission[]>();
const MAX_PARSED_PERMISSIONS = 1_000;

function cachedPermissions(json: string): readonly Permission[] {
  let parsed = parsedPermissions.get(json);
  if (!parsed) {
    parsed = parsePermissions(json);
    if (parsedPermissions.size >= MAX_PARSED_PERMISSIONS) parsedPermissions.clear();
    parsedPermissions.set(json, parsed);
  }
  return parsed;
}

/**
 * The union of the permissions (JSON arrays) of some roles' rows; unknown names and instance-wide
 * ones (which no role grants) are ignored. An instance administrator's rows add the
 * instance permissions (`instancePermissions`).
 */
export function permissionsOf(
  rows: readonly { permissions: string | null; isInstanceAdministrator?: boolean }[],
): Set<Permission> {
  const granted = new Set<Permission>(rows[0]?.isInstanceAdministrator ? instancePermissions : []);
  for (const row of rows) {
    if (!row.permissions) continue;
    for (const name of cachedPermissions(row.permissions)) granted.add(name);
  }
  return granted;
}

/**
 * A credential lookup's answer (the session or key with its user and membership, one row per
 * role): its first row and the union of the roles' permissions, or undefined when there is none.
 */
export function credentialOf<Row extends { permissions: string | null; isInstanceAdministrator: boolean }>(
  rows: readonly Row[],
): { row: Row; permissions: Set<Permission> } | undefined {
  const row = rows[0];
  return row ? { row, permissions: permissionsOf(rows) } : undefined;
}

/** A role with its permissions parsed (`parsePermissions`). */
export type RoleRecord = Omit<Role, 'permissions'> & { permissions: Permission[] };

const roleColumns = [
  'roles.id',
  'roles.organizationId',
  'roles.name',
  'roles.permissions',
  'roles.isSystem',
  'roles.createdAt',
  'roles.updatedAt',
] as const;

function toRoleRecord(row: Role): RoleRecord {
  return { ...row, permissions: parsePermissions(row.permissions) };
}

/**
 * The known permission names of a role's JSON column (unknown names are ignored, not trusted;
 * so are instance-wide ones, which a role never grants).
 */
export function parsePermissions(json: string): Permission[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed)
    ? parsed.filter(
        (name): name is Permission => isPermission(String(name)) && !isInstancePermission(String(name)),
      )
    : [];
}

/** `GET /api/roles`: by name by default; `filter[name][contains]`; `fields[roles]`. */
export const roleListSpec: ListSpec = {
  type: 'roles',
  sort: { name: 'roles.name', createdAt: 'roles.createdAt', updatedAt: 'roles.updatedAt' },
  defaultSort: 'name',
  sortValues: { createdAt: 'timestamp', updatedAt: 'timestamp' },
  filters: { name: { column: 'roles.name', kind: 'string', ops: ['eq', 'contains'] } },
  fieldsets: { roles: roleFields },
};

export async function listRoles(db: Kysely<DB>, organizationId: string): Promise<RoleRecord[]> {
  const rows = await db
    .selectFrom('roles')
    .select(roleColumns)
    .where('roles.organizationId', '=', organizationId)
    .orderBy('roles.name')
    .orderBy('roles.id')
    .execute();
  return rows.map(toRoleRecord);
}

/** One page of the organization's roles. */
export async function listRolesPage(
  db: Kysely<DB>,
  organizationId: string,
  listQuery: ListQuery,
): Promise<ListPage<RoleRecord>> {
  const base = listReadsOf(db, listQuery)
    .selectFrom('roles')
    .select(roleColumns)
    .where('roles.organizationId', '=', organizationId);
  const page = await fetchListPage(base, listQuery, 'roles.id');
  return { ...page, rows: page.rows.map(toRoleRecord) };
}

/** A role of the organization, or undefined (another organization's role is as good as missing). */
export async function findRole(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
): Promise<RoleRecord | undefined> {
  const row = await db
    .selectFrom('roles')
    .select(roleColumns)
    .where('roles.organizationId', '=', organizationId)
    .where('roles.id', '=', id)
    .executeTakeFirst();
  return row ? toRoleRecord(row) : undefined;
}

/** The roles among `ids` that belong to the organization. */
export async function findRolesByIds(db: Kysely<DB>, organizationId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('roles')
    .select(roleColumns)
    .where('roles.organizationId', '=', organizationId)
    .where('roles.id', 'in', ids)
    .execute();
  return rows.map(toRoleRecord);
}

export async function updateRolePermissions(
  db: Kysely<DB>,
  role: Pick<RoleRecord, 'id' | 'organizationId'>,
  granted: readonly Permission[],
  updatedAt: string,
): Promise<void> {
  await db
    .updateTable('roles')
    .set({ permissions: JSON.stringify(granted), updatedAt })
    .where('id', '=', role.id)
    .where('organizationId', '=', role.organizationId)
    .execute();
}

/**
 * How many active members of the organization hold `permission` through one of their roles.
 * Used to keep every organization with at least one active administrator.
 */
export async function countActiveHolders(
  db: Kysely<DB>,
  organizationId: string,
  permission: Permission,
): Promise<number> {
  const roles = await listRoles(db, organizationId);
  const roleIds = roles.filter((role) => role.permissions.includes(permission)).map((role) => role.id);
  if (roleIds.length === 0) return 0;
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('membershipRoles', 'membershipRoles.membershipId', 'memberships.id')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select('memberships.userId')
    .distinct()
    .where('memberships.organizationId', '=', organizationId)
    .where('membershipRoles.roleId', 'in', roleIds)
    .where('users.status', '=', 'active')
    .execute();
  return rows.length;
}

/** Whether a user holds the instance-wide powers (see `instancePermissions`). */
export async function findIsInstanceAdministrator(db: Kysely<DB>, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('isInstanceAdministrator')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.isInstanceAdministrator === true;
}

/** Appoints or dismisses an instance administrator. */
export async function setInstanceAdministrator(
  db: Kysely<DB>,
  userId: string,
  isInstanceAdministrator: boolean,
  now: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ isInstanceAdministrator, updatedAt: now })
    .where('id', '=', userId)
    .execute();
}
