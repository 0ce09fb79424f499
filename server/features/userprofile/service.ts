import type { Permission } from '../../../common/permissions';
import { permissions as allPermissions } from '../../../common/permissions';
import type { Deps } from '../../platform/deps';
import type { Actor } from '../../platform/http/access';
import { unauthenticated } from '../../platform/http/errors';
import type { PresentableUser } from '../users/presenter';
import { avatarVersion } from '../users/profile-store';

export type UserProfile = {
  user: PresentableUser;
  avatar: { version: string } | null;
  /** The user's roles in the current organization */
  roleIds: string[];
  organization: { id: string; name: string };
  organizations: { id: string; name: string }[];
  permissions: Permission[];
};

/**
 * The signed-in user with what the SPA needs around them: the current organization, the others
 * they can switch to, and their permissions here (the actor already carries those). Two indexed
 * queries, run together: it is called on every page load and benchmarked.
 */
export async function getUserProfile(deps: Pick<Deps, 'db'>, actor: Actor): Promise<UserProfile> {
  const { db } = deps;
  const [user, memberships] = await Promise.all([
    db
      .selectFrom('users')
      .leftJoin('avatars', 'avatars.userId', 'users.id')
      .select([
        'users.id',
        'users.username',
        'users.email',
        'users.namePrefix',
        'users.firstName',
        'users.middleName',
        'users.lastName',
        'users.nameSuffix',
        'users.birthday',
        'users.phone',
        'users.status',
        'users.mustChangePassword',
        'users.lastSignInAt',
        'users.signInCount',
        'users.createdAt',
        'users.updatedAt',
        'avatars.storageKey as avatarKey',
      ])
      .where('users.id', '=', actor.userId)
      .executeTakeFirst(),
    db
      .selectFrom('memberships')
      .innerJoin('organizations', 'organizations.id', 'memberships.organizationId')
      .leftJoin('membershipRoles', (join) =>
        join
          .onRef('membershipRoles.membershipId', '=', 'memberships.id')
          .on('memberships.organizationId', '=', actor.organizationId),
      )
      .select([
        'organizations.id',
        'organizations.name',
        'organizations.nameNormalized',
        'membershipRoles.roleId',
      ])
      .where('memberships.userId', '=', actor.userId)
      .execute(),
  ]);
  const current = memberships.find((row) => row.id === actor.organizationId);
  // Deleted or removed from the organization between authentication and now.
  if (!user || !current) throw unauthenticated();
  const { avatarKey, ...presentable } = user;

  const organizations = new Map<string, { id: string; name: string; sortKey: string }>();
  const roleIds: string[] = [];
  for (const row of memberships) {
    organizations.set(row.id, { id: row.id, name: row.name, sortKey: row.nameNormalized });
    if (row.roleId) roleIds.push(row.roleId);
  }
  return {
    user: presentable,
    avatar: avatarKey ? { version: avatarVersion(avatarKey) } : null,
    roleIds,
    organization: { id: current.id, name: current.name },
    organizations: [...organizations.values()]
      .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : 1))
      .map(({ id, name }) => ({ id, name })),
    permissions: allPermissions.filter((name) => actor.permissions.has(name)),
  };
}
