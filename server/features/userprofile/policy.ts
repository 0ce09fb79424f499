import {
  configurationLevels,
  type ProfileAbilities,
  type WorkspaceAbilities,
} from '../../../common/abilities';
import type { Actor } from '../../platform/http/access';
import { isInstanceAdministrator } from '../access/policy';
import { canViewAuditLog } from '../audit/policy';
import { canManageCustomFields } from '../custom-fields/policy';
import { canManageMail } from '../mail/policy';
import { canChangeMenus } from '../menus/policy';
import { canManageSettings } from '../settings/policy';
import { abilitiesOf } from '../users/abilities';

/*
 * `GET /api/userprofile` is one's own profile: anyone signed in reads it, also while a password
 * change is due (the route declares `authenticated`); there is nothing else to decide.
 */

/**
 * What I may do in the workspace at large, each answered by the policy of the feature that
 * enforces it: what the SPA must know before any list loads (navigation, a page's access,
 * Configuration's levels).
 */
export function workspaceAbilitiesOf(actor: Actor): WorkspaceAbilities {
  return {
    viewAuditLog: canViewAuditLog(actor),
    manageMail: canManageMail(actor),
    manageCustomFields: canManageCustomFields(actor),
    editOrganizationMenus: canChangeMenus(actor, 'organization'),
    configure: Object.fromEntries(
      configurationLevels.map((level) => [level, canManageSettings(actor, level)]),
    ) as WorkspaceAbilities['configure'],
  };
}

/** What I may do (`meta.abilities` of my profile): the users policies on me, and the workspace's. */
export function ownAbilities(actor: Actor): ProfileAbilities {
  return {
    ...abilitiesOf(actor, { id: actor.userId, isInstanceAdministrator: isInstanceAdministrator(actor) }),
    ...workspaceAbilitiesOf(actor),
  };
}
