import type { Permission } from '../../../common/permissions';
import type { SettingScope } from '../../../common/settings';
import type { Actor } from '../../platform/http/access';

/** Who reads and sets values at each level: the system, the organization, oneself. */
export const permissionForScope: Record<SettingScope, Permission> = {
  system: 'system.settings',
  organization: 'organization.settings',
  user: 'update_own_configuration',
};

export function canManageSettings(actor: Actor, scope: SettingScope): boolean {
  return actor.permissions.has(permissionForScope[scope]);
}
