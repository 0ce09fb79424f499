import type { Kysely } from 'kysely';
import { preparedQuery } from '../../platform/db/prepared';
import type { DB } from '../../platform/db/schema';
import { presentableUserColumns } from '../users/store';

/**
 * The profile query, compiled once (see preparedQuery): this route is called on every page load.
 */
const profileQuery = preparedQuery(['userId', 'organizationId'], (db, p) =>
  db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.userId', 'users.id')
    .innerJoin('organizations', 'organizations.id', 'memberships.organizationId')
    .leftJoin('avatars', 'avatars.userId', 'users.id')
    .leftJoin('membershipRoles', (join) =>
      join
        .onRef('membershipRoles.membershipId', '=', 'memberships.id')
        .on('memberships.organizationId', '=', p.organizationId),
    )
    .select(presentableUserColumns)
    .select([
      'avatars.storageKey as avatarKey',
      'organizations.id as organizationId',
      'organizations.name as organizationName',
      'organizations.nameNormalized as organizationSortKey',
      'membershipRoles.roleId',
    ])
    .where('users.id', '=', p.userId),
);

/** The rows of `profileQuery`: one per organization of the user (and per role in the current one). */
export async function listProfileRows(db: Kysely<DB>, userId: string, organizationId: string) {
  const { rows } = await profileQuery(db, { userId, organizationId });
  return rows;
}
