import { z } from 'zod';
import { ORGANIZATION_NAME_MAX } from '../../../common/identity';
import type { ResourceObject } from '../../platform/http/jsonapi';
import { apiPath, resourceSchema, text, timestamp } from '../../platform/http/openapi';
import type { OrganizationRecord } from './store';

export function organizationPath(id: string): string {
  return `/api/organizations/${id}`;
}

/** The fields of an `organizations` resource, for `fields[organizations]` (sparse fieldsets). */
export const organizationFields = ['name', 'createdAt', 'updatedAt'] as const;

/** The `organizations` resource; `meta.current` marks the organization of the request. */
export function presentOrganization(
  organization: OrganizationRecord,
  options: { currentOrganizationId?: string } = {},
): ResourceObject {
  return {
    type: 'organizations',
    id: organization.id,
    attributes: {
      name: organization.name,
      createdAt: organization.createdAt,
      updatedAt: organization.updatedAt,
    },
    links: { self: organizationPath(organization.id) },
    ...(options.currentOrganizationId === undefined
      ? {}
      : { meta: { current: organization.id === options.currentOrganizationId } }),
  };
}

/** The `organizations` resource (sparse fieldsets allowed). */
export const organizationResource = resourceSchema('organizations', {
  attributes: { name: text(ORGANIZATION_NAME_MAX * 2), createdAt: timestamp, updatedAt: timestamp },
  links: { self: apiPath },
  meta: z.strictObject({ current: z.boolean().describe('The organization of this request') }).optional(),
  sparse: true,
}).meta({ id: 'Organization' });
