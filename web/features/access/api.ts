import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Permission } from '../../../common/permissions';
import { apiFetch, currentUserQueryKey } from '../../app/api';

export type Role = { id: string; name: string; permissions: Permission[]; isSystem: boolean };

type RoleResource = {
  id: string;
  attributes: { name: string; permissions: Permission[]; isSystem: boolean };
};

export const rolesQueryKey = ['roles'] as const;

function toRole(resource: RoleResource): Role {
  return { id: resource.id, ...resource.attributes };
}

/** `GET /api/roles`: the roles of my organization, with their permissions. */
export function useRoles() {
  return useQuery({
    queryKey: rolesQueryKey,
    queryFn: async () => {
      const { data } = await apiFetch<{ data: RoleResource[] }>('/api/roles?page[size]=100');
      return data.map(toRole);
    },
    staleTime: 60_000,
  });
}

/** `PATCH /api/roles/{id}`: replaces the role's permissions (needs `roles.manage`). */
export function useUpdateRolePermissions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, permissions }: { id: string; permissions: Permission[] }) => {
      const { data } = await apiFetch<{ data: RoleResource }>(`/api/roles/${encodeURIComponent(id)}`, {
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
