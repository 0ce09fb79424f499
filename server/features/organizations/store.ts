import type { Kysely } from 'kysely';
import { seededRoles } from '../../../common/permissions';
import type { Clock } from '../../platform/clock';
import type { DB, Organization } from '../../platform/db/schema';
import {
  fetchListPage,
  type ListPage,
  type ListQuery,
  type ListSpec,
  listReadsOf,
} from '../../platform/http/jsonapi';
import { newId } from '../../platform/ids';
import { organizationFields } from './presenter';

export function normalizeName(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}

/** Creates an organization with the seeded roles (Administrator, Manager, User). */
export async function insertOrganization(
  db: Kysely<DB>,
  clock: Clock,
  name: string,
): Promise<
  Pick<Organization, 'id' | 'name' | 'createdAt' | 'updatedAt'> & { roleIds: Record<string, string> }
> {
  const now = clock.now().toISOString();
  const id = newId();
  await db
    .insertInto('organizations')
    .values({ id, name, nameNormalized: normalizeName(name), createdAt: now, updatedAt: now })
    .execute();
  const roleIds: Record<string, string> = {};
  for (const role of seededRoles) {
    const roleId = newId();
    roleIds[role.name] = roleId;
    await db
      .insertInto('roles')
      .values({
        id: roleId,
        organizationId: id,
        name: role.name,
        permissions: JSON.stringify(role.permissions),
        isSystem: true,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
  }
  return { id, name, createdAt: now, updatedAt: now, roleIds };
}

export type OrganizationRecord = Pick<Organization, 'id' | 'name' | 'createdAt' | 'updatedAt'>;

const memberOrganizationColumns = [
  'organizations.id',
  'organizations.name',
  'organizations.createdAt',
  'organizations.updatedAt',
] as const;

/** `GET /api/organizations`: by name by default; `filter[name][contains]`; `fields[organizations]`. */
export const organizationListSpec: ListSpec = {
  type: 'organizations',
  sort: { name: 'organizations.nameNormalized', createdAt: 'organizations.createdAt' },
  defaultSort: 'name',
  sortValues: { createdAt: 'timestamp' },
  filters: { name: { column: 'organizations.nameNormalized', kind: 'string', ops: ['eq', 'contains'] } },
  fieldsets: { organizations: organizationFields },
};

/** One page of the organizations a user is a member of. */
export async function listMemberOrganizationsPage(
  db: Kysely<DB>,
  userId: string,
  listQuery: ListQuery,
): Promise<ListPage<OrganizationRecord>> {
  const base = listReadsOf(db, listQuery)
    .selectFrom('organizations')
    .innerJoin('memberships', 'memberships.organizationId', 'organizations.id')
    .select(memberOrganizationColumns)
    .where('memberships.userId', '=', userId);
  const filters = listQuery.filters.map((filter) =>
    filter.field === 'name' && filter.op === 'eq'
      ? { ...filter, value: normalizeName(String(filter.value)) }
      : filter,
  );
  return fetchListPage(base, { ...listQuery, filters }, 'organizations.id');
}

/** One organization, only if the user is a member of it. */
export async function findMemberOrganization(
  db: Kysely<DB>,
  userId: string,
  organizationId: string,
): Promise<OrganizationRecord | undefined> {
  return db
    .selectFrom('organizations')
    .innerJoin('memberships', 'memberships.organizationId', 'organizations.id')
    .select(memberOrganizationColumns)
    .where('memberships.userId', '=', userId)
    .where('organizations.id', '=', organizationId)
    .executeTakeFirst();
}

/** The id of the organization with this name (case-insensitively), if any. */
export async function findOrganizationIdByName(db: Kysely<DB>, name: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('organizations')
    .select('id')
    .where('nameNormalized', '=', normalizeName(name))
    .executeTakeFirst();
  return row?.id;
}

/** The id of the oldest organization (the one the first start created), if there is any. */
export async function findFirstOrganizationId(db: Kysely<DB>): Promise<string | undefined> {
  const row = await db
    .selectFrom('organizations')
    .select('id')
    .orderBy('createdAt')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

export async function renameOrganization(
  db: Kysely<DB>,
  organizationId: string,
  name: string,
  updatedAt: string,
): Promise<void> {
  await db
    .updateTable('organizations')
    .set({ name, nameNormalized: normalizeName(name), updatedAt })
    .where('id', '=', organizationId)
    .execute();
}

/**
 * A user's home organization outside a session — where sign-in opens, whose password policy
 * applies to a reset: the last used if they are still a member of it, else their first.
 */
export async function findHomeOrganizationId(
  db: Kysely<DB>,
  userId: string,
  lastOrganizationId: string | null,
): Promise<string | undefined> {
  const rows = await db
    .selectFrom('memberships')
    .select('organizationId')
    .where('userId', '=', userId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  const ids = rows.map((row) => row.organizationId);
  return lastOrganizationId && ids.includes(lastOrganizationId) ? lastOrganizationId : ids[0];
}

/** The name of an organization, if it exists. */
export async function findOrganizationName(db: Kysely<DB>, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('organizations').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name;
}
