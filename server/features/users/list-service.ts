import type { Deps } from '../../platform/deps';
import { type Actor, authorize } from '../../platform/http/access';
import type { ListPage, ListQuery } from '../../platform/http/jsonapi';
import { findRolesByIds, type RoleRecord } from '../access/store';
import { getListedUser, type ListedUser, listOrganizationUsers } from './list-store';

/** A page of users, and their roles when `include=roles` asked for them (by name). */
export type UserListPage = ListPage<ListedUser> & { roles?: RoleRecord[] };

/** `GET /api/users`: the members of the actor's organization (needs `users.view`). */
export async function listUsers(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  listQuery: ListQuery,
): Promise<UserListPage> {
  authorize(actor, 'users.view');
  const page = await listOrganizationUsers(deps.db, actor.organizationId, listQuery);
  if (!listQuery.include.includes('roles')) return page;
  const roleIds = [...new Set(page.rows.flatMap((row) => row.roleIds))];
  const roles = await findRolesByIds(deps.db, actor.organizationId, roleIds);
  return { ...page, roles: roles.sort((a, b) => a.name.localeCompare(b.name)) };
}

/** A member of the actor's organization as the users list shows them (404 for anyone else). */
export function getOrganizationUser(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  userId: string,
): Promise<ListedUser> {
  return getListedUser(deps.db, actor.organizationId, userId);
}
