import type { MenuScope } from '../../../common/menus';
import type { Actor } from '../../platform/http/access';
import { can } from '../../platform/http/access';
import { forbidden } from '../../platform/http/errors';

/**
 * Reading my own merged menus needs nothing more than being signed in (every page renders them);
 * changing them needs `manage_menus`. An organization's default menus are read and changed with
 * `organization.settings`, as its other defaults are. Checked before any lookup.
 */
export function canReadMenus(actor: Actor, scope: MenuScope): boolean {
  return scope === 'user' || can(actor, 'organization.settings');
}

export function canChangeMenus(actor: Actor, scope: MenuScope): boolean {
  return scope === 'user' ? can(actor, 'manage_menus') : can(actor, 'organization.settings');
}

export function authorizeMenuRead(actor: Actor, scope: MenuScope): void {
  if (!canReadMenus(actor, scope)) {
    throw forbidden(
      "You need the permission to change the organization's settings to see its default menus.",
    );
  }
}

export function authorizeMenuChange(actor: Actor, scope: MenuScope): void {
  if (!canChangeMenus(actor, scope)) {
    throw forbidden(
      scope === 'user'
        ? 'You need the permission to configure your menus.'
        : "You need the permission to change the organization's settings to change its default menus.",
    );
  }
}
