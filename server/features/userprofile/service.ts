import type { Permission } from '../../../common/permissions';
import { permissions as allPermissions } from '../../../common/permissions';
import type { Deps } from '../../platform/deps';
import type { Actor } from '../../platform/http/access';
import { unauthenticated } from '../../platform/http/errors';
import type { PresentableUser } from '../users/presenter';
import { avatarVersion } from '../users/profile-store';
import { listProfileRows } from './store';

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
 * they can switch to, their roles here and their permissions here (the actor already carries
 * those). One indexed query: a row per organization of the user (and per role in the current one).
 */
export async function getUserProfile(deps: Pick<Deps, 'db'>, actor: Actor): Promise<UserProfile> {
  const rows = await listProfileRows(deps.db, actor.userId, actor.organizationId);
  const current = rows.find((row) => row.organizationId === actor.organizationId);
  // Deleted or removed from the organization between authentication and now.
  if (!current) throw unauthenticated();
  const {
    avatarKey,
    organizationId: _organizationId,
    organizationName: _organizationName,
    organizationSortKey: _organizationSortKey,
    roleId: _roleId,
    ...user
  } = current;

  const organizations = new Map<string, { id: string; name: string; sortKey: string }>();
  const roleIds: string[] = [];
  for (const row of rows) {
    organizations.set(row.organizationId, {
      id: row.organizationId,
      name: row.organizationName,
      sortKey: row.organizationSortKey,
    });
    if (row.roleId) roleIds.push(row.roleId);
  }
  return {
    user,
    avatar: avatarKey ? { version: avatarVersion(avatarKey) } : null,
    roleIds,
    organization: { id: current.organizationId, name: current.organizationName },
    organizations: [...organizations.values()]
      .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : 1))
      .map(({ id, name }) => ({ id, name })),
    permissions: allPermissions.filter((name) => actor.permissions.has(name)),
  };
}
