import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock';
import type { DB } from '../../platform/db/schema';
import { newId } from '../../platform/ids';

/** Makes a user a member of an organization with the given roles; answers the membership's id. */
export async function addMembership(
  db: Kysely<DB>,
  clock: Clock,
  userId: string,
  organizationId: string,
  roleIds: string[],
): Promise<string> {
  const membershipId = newId();
  await db
    .insertInto('memberships')
    .values({ id: membershipId, userId, organizationId, createdAt: clock.now().toISOString() })
    .execute();
  if (roleIds.length > 0) {
    await db
      .insertInto('membershipRoles')
      .values(roleIds.map((roleId) => ({ membershipId, roleId })))
      .execute();
  }
  return membershipId;
}

/** The ids of the roles a user holds in one organization (empty when not a member). */
export async function listMemberRoleIds(
  db: Kysely<DB>,
  userId: string,
  organizationId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('membershipRoles', 'membershipRoles.membershipId', 'memberships.id')
    .select('membershipRoles.roleId')
    .where('memberships.userId', '=', userId)
    .where('memberships.organizationId', '=', organizationId)
    .execute();
  return rows.map((row) => row.roleId);
}

/** Replaces the roles of a membership. */
export async function replaceMembershipRoles(
  db: Kysely<DB>,
  membershipId: string,
  roleIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('membershipRoles').where('membershipId', '=', membershipId).execute();
  if (roleIds.length > 0) {
    await db
      .insertInto('membershipRoles')
      .values(roleIds.map((roleId) => ({ membershipId, roleId })))
      .execute();
  }
}

/** Whether the user is a member of the organization. */
export async function isMember(db: Kysely<DB>, userId: string, organizationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('memberships')
    .select('memberships.id')
    .where('memberships.userId', '=', userId)
    .where('memberships.organizationId', '=', organizationId)
    .executeTakeFirst();
  return row !== undefined;
}
