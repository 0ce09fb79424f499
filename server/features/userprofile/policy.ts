import type { UserAbilities } from '../../../common/abilities';
import type { Actor } from '../../platform/http/access';
import { isInstanceAdministrator } from '../access/policy';
import { abilitiesOf } from '../users/abilities';

/*
 * `GET /api/userprofile` is one's own profile: anyone signed in reads it, also while a password
 * change is due (the route declares `authenticated`); there is nothing else to decide.
 */

/** What I may do to myself (`meta.abilities` of my profile): the users policies, on me. */
export function ownAbilities(actor: Actor): UserAbilities {
  return abilitiesOf(actor, { id: actor.userId, isInstanceAdministrator: isInstanceAdministrator(actor) });
}
