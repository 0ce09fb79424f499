import type { ResourceObject } from '../../platform/http/jsonapi';
import type { RoleRecord } from './store';

export function rolePath(id: string): string {
  return `/api/roles/${id}`;
}

/** The fields of a `roles` resource, for `fields[roles]` (sparse fieldsets). */
export const roleFields = ['name', 'permissions', 'isSystem', 'createdAt', 'updatedAt'] as const;

/** The `roles` resource: its name and the permission names it grants (common/permissions.ts). */
export function presentRole(role: RoleRecord): ResourceObject {
  return {
    type: 'roles',
    id: role.id,
    attributes: {
      name: role.name,
      permissions: role.permissions,
      isSystem: role.isSystem,
      createdAt: role.createdAt,
      updatedAt: role.updatedAt,
    },
    links: { self: rolePath(role.id) },
  };
}
