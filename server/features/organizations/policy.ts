import type { OrganizationListAbilities } from '../../../common/abilities';
import type { Permission } from '../../../common/permissions';
import { type Actor, can } from '../../platform/http/access';
import { forbidden } from '../../platform/http/errors';

/**
 * Creating an organization (the actor becomes its Administrator) and renaming one need
 * `organizations.manage` in the current organization; checked before any lookup.
 */
export function canManageOrganizations(actor: Actor): boolean {
  return can(actor, 'organizations.manage');
}

export function authorizeOrganizationManagement(actor: Actor): void {
  if (!canManageOrganizations(actor)) throw forbidden();
}

/**
 * Renaming one of my organizations needs `organizations.manage` held in that organization, not only
 * in the current one: `permissionsThere` are the actor's permissions in the organization renamed
 * when it is another one (undefined when it is the current one, or they have none there).
 */
export function canRenameOrganization(
  actor: Actor,
  organizationId: string,
  permissionsThere: ReadonlySet<Permission> | undefined,
): boolean {
  const granted = organizationId === actor.organizationId ? actor.permissions : permissionsThere;
  return Boolean(granted?.has('organizations.manage'));
}

export function authorizeOrganizationRename(
  actor: Actor,
  organizationId: string,
  permissionsThere: ReadonlySet<Permission> | undefined,
): void {
  if (!canRenameOrganization(actor, organizationId, permissionsThere)) throw forbidden();
}

/**
 * `meta.abilities` of my organizations: create one, rename the current one (the session's
 * permissions are those of the current organization; renaming another needs switching to it).
 */
export function organizationListAbilitiesOf(actor: Actor): OrganizationListAbilities {
  return {
    create: canManageOrganizations(actor),
    rename: canRenameOrganization(actor, actor.organizationId, undefined),
  };
}
