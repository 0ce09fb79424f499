import type { Kysely } from 'kysely';
import { seededRoles } from '../../../common/permissions';
import type { Clock } from '../../platform/clock';
import type { DB, Organization } from '../../platform/db/schema';
import { newId } from '../../platform/ids';

export const organizationColumns = ['id', 'name', 'createdAt', 'updatedAt'] as const;

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
