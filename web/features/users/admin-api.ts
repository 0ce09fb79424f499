import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserListAbilities } from '../../../common/abilities';
import type { NewUserAttributes } from '../../../common/identity';
import { apiFetch, cursorOf } from '../../app/api';
import { apiPaths } from '../../app/api-paths';
import type { ApiAttributes, ApiDocument, ApiResource } from '../../app/api-types';

/** One row of the users grid, from `GET /api/users`. */
export type UserRow = { id: string } & Pick<
  ApiAttributes<'User'>,
  | 'username'
  | 'fullName'
  | 'namePrefix'
  | 'firstName'
  | 'middleName'
  | 'lastName'
  | 'nameSuffix'
  | 'email'
  | 'status'
  | 'enabled'
  | 'lastSignInAt'
  | 'avatarUrl'
> & { roleIds: string[] };

export type UserSortField = 'username' | 'firstName' | 'lastName' | 'email' | 'createdAt' | 'lastSignInAt';

export type UsersListParams = {
  /** Where the page starts: a cursor of the previous answer's links; none for the first page */
  after?: string;
  before?: string;
  size: number;
  sort: { field: UserSortField; direction: 'asc' | 'desc' };
  name?: string;
  email?: string;
  role?: string;
  status?: UserRow['status'];
};

export type UsersListPage = {
  users: UserRow[];
  totalCount: number;
  /** `page[after]` of the next page, `page[before]` of the previous one (cursor paging) */
  nextCursor?: string | undefined;
  prevCursor?: string | undefined;
  /** What I may do from the grid (`meta.abilities`). */
  abilities: UserListAbilities;
};

/** Everything under `['users']` is refreshed by the profile pages too. */
export const usersListQueryKey = (params: UsersListParams) => ['users', 'admin-list', params] as const;

function listUrl(params: UsersListParams): string {
  const query = new URLSearchParams();
  if (params.after) query.set('page[after]', params.after);
  else if (params.before) query.set('page[before]', params.before);
  query.set('page[size]', String(params.size));
  query.set('sort', `${params.sort.direction === 'desc' ? '-' : ''}${params.sort.field}`);
  if (params.name?.trim()) query.set('filter[name][contains]', params.name.trim());
  if (params.email?.trim()) query.set('filter[email][contains]', params.email.trim());
  if (params.role) query.set('filter[role]', params.role);
  if (params.status) query.set('filter[status]', params.status);
  return `${apiPaths.users}?${query}`;
}

/** `GET /api/users` with paging, sorting and filters; the total comes with it. */
export function useUsersList(params: UsersListParams) {
  return useQuery({
    queryKey: usersListQueryKey(params),
    queryFn: async ({ signal }): Promise<UsersListPage> => {
      const document = await apiFetch<{
        data: ApiResource<'User'>[];
        meta: { totalCount?: number; abilities: UserListAbilities };
        links?: { next?: string; prev?: string };
      }>(listUrl(params), { signal, headers: { 'X-Include': 'totalCount' } });
      return {
        users: document.data.map((resource) => ({
          id: resource.id,
          ...resource.attributes,
          avatarUrl: resource.attributes.avatarUrl ?? null,
          roleIds: resource.relationships.roles?.data.map((role) => role.id) ?? [],
        })),
        totalCount: document.meta.totalCount ?? document.data.length,
        abilities: document.meta.abilities,
        nextCursor: cursorOf(document.links?.next, 'page[after]'),
        prevCursor: cursorOf(document.links?.prev, 'page[before]'),
      };
    },
    placeholderData: keepPreviousData,
  });
}

export type CreateUserInput = NewUserAttributes & { roleIds: string[] };

/** `POST /api/users` ("Create User"): answers the new user's id. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ roleIds, ...attributes }: CreateUserInput) => {
      const { data } = await apiFetch<ApiDocument<'/api/users', 'post'>>(apiPaths.users, {
        method: 'POST',
        body: {
          data: {
            type: 'users',
            attributes,
            relationships: { roles: { data: roleIds.map((id) => ({ type: 'roles', id })) } },
          },
        },
      });
      return data.id;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

/**
 * Enables or disables users one after the other (`PATCH /api/users/{id}` with `enabled`); a
 * disabled user is signed out everywhere at once. Answers the users the server refused, with why.
 */
export function useSetUsersEnabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ users, enabled }: { users: { id: string; name: string }[]; enabled: boolean }) => {
      const failures: { name: string; message: string }[] = [];
      for (const user of users) {
        try {
          await apiFetch(apiPaths.user(user.id), {
            method: 'PATCH',
            body: { data: { type: 'users', id: user.id, attributes: { enabled } } },
          });
        } catch (error) {
          failures.push({ name: user.name, message: error instanceof Error ? error.message : String(error) });
        }
      }
      return failures;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
