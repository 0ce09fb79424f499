import type { InferResult, Kysely, SelectQueryBuilder } from 'kysely';
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

/** The tables whose rows are credentials: each names a user and the organization it acts in. */
type CredentialTable = 'sessions' | 'apiKeys';

/** The tables `credentialAccessQuery` reads, besides the credential's own. */
type CredentialAccessTables = 'users' | 'memberships' | 'membershipRoles' | 'roles';

/**
 * A credential (a session or an API key), its user, the membership in the credential's
 * organization and that membership's roles — a row each, one row with nulls when there is no
 * membership or no role. The caller selects the credential's own columns and names it by its hash;
 * every request authenticates with it, so the callers compile it once (preparedQuery).
 */
export function credentialAccessQuery(
  db: Kysely<DB>,
  table: 'sessions',
): SelectQueryBuilder<DB, 'sessions' | CredentialAccessTables, CredentialAccess>;
export function credentialAccessQuery(
  db: Kysely<DB>,
  table: 'apiKeys',
): SelectQueryBuilder<DB, 'apiKeys' | CredentialAccessTables, CredentialAccess>;
export function credentialAccessQuery(db: Kysely<DB>, table: CredentialTable) {
  return selectCredentialAccess(db, table);
}

// Written once for both tables: Kysely checks each reference against either one.
function selectCredentialAccess(db: Kysely<DB>, table: CredentialTable) {
  return db
    .selectFrom(table)
    .innerJoin('users', 'users.id', `${table}.userId`)
    .leftJoin('memberships', (join) =>
      join
        .onRef('memberships.userId', '=', `${table}.userId`)
        .onRef('memberships.organizationId', '=', `${table}.organizationId`),
    )
    .leftJoin('membershipRoles', 'membershipRoles.membershipId', 'memberships.id')
    .leftJoin('roles', (join) =>
      join
        .onRef('roles.id', '=', 'membershipRoles.roleId')
        .onRef('roles.organizationId', '=', `${table}.organizationId`),
    )
    .select([
      'users.status',
      'users.mustChangePassword',
      'users.isInstanceAdministrator',
      'memberships.id as membershipId',
      'roles.permissions',
    ]);
}

/** What `credentialAccessQuery` selects besides the credential's own columns. */
type CredentialAccess = InferResult<ReturnType<typeof selectCredentialAccess>>[number];
