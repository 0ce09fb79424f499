import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RoleListAbilities } from '../../../common/abilities';
import type { Permission } from '../../../common/permissions';
import { apiFetch, currentUserQueryKey } from '../../app/api';
import { apiPaths } from '../../app/api-paths';
import type { ApiAttributes, ApiResource } from '../../app/api-types';

/** A role as the Roles page shows it (`Role` of the OpenAPI document). */
export type Role = { id: string } & Pick<ApiAttributes<'Role'>, 'name' | 'permissions' | 'isSystem'>;

type RoleResource = ApiResource<'Role'>;

export const rolesQueryKey = ['roles'] as const;

function toRole({ id, attributes }: RoleResource): Role {
  return { id, name: attributes.name, permissions: attributes.permissions, isSystem: attributes.isSystem };
}

/** The roles, and what I may do from the roles page (`meta.abilities` of the list). */
export type RoleList = { roles: Role[]; abilities: RoleListAbilities };

const roleListQuery = {
  queryKey: rolesQueryKey,
  queryFn: async (): Promise<RoleList> => {
    const document = await apiFetch<{ data: RoleResource[]; meta: { abilities: RoleListAbilities } }>(
      `${apiPaths.roles}?page[size]=100`,
    );
    return { roles: document.data.map(toRole), abilities: document.meta.abilities };
  },
  staleTime: 60_000,
};

/** `GET /api/roles`: the roles of my organization, with their permissions. */
export function useRoles() {
  return useQuery({ ...roleListQuery, select: (list) => list.roles });
}

/** The same list with what I may do from it (the roles page's Save). */
export function useRoleList() {
  return useQuery(roleListQuery);
}

/** `PATCH /api/roles/{id}`: replaces the role's permissions (needs `roles.manage`). */
export function useUpdateRolePermissions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, permissions }: { id: string; permissions: Permission[] }) => {
      const { data } = await apiFetch<{ data: RoleResource }>(apiPaths.role(id), {
        method: 'PATCH',
        body: { data: { type: 'roles', id, attributes: { permissions } } },
      });
      return toRole(data);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: rolesQueryKey });
      // My own permissions may have changed with it.
      await queryClient.invalidateQueries({ queryKey: currentUserQueryKey });
    },
  });
}
