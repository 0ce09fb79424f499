import { z } from 'zod';
import { permissions } from '../../../common/permissions';
import type { ResourceObject } from '../../platform/http/jsonapi';
import { apiPath, resourceSchema, text, timestamp } from '../../platform/http/openapi';
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

/** The `roles` resource (sparse fieldsets allowed). */
export const roleResource = resourceSchema('roles', {
  attributes: {
    name: text(255),
    permissions: z.array(z.enum(permissions)).max(permissions.length),
    isSystem: z.boolean().describe('One of the roles every organization starts with'),
    createdAt: timestamp,
    updatedAt: timestamp,
  },
  links: { self: apiPath },
  sparse: true,
}).meta({ id: 'Role' });
