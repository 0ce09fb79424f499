import type {
  UserAbilities,
  UserAbility,
  UserListAbilities,
  UserListAbility,
} from '../../../common/abilities';
import { userAbilities, userListAbilities } from '../../../common/abilities';
import type { Actor } from '../../platform/http/access';

/** The user an ability is about: who, and whether they hold instance-wide power. */
export type AbilityTarget = { id: string; isInstanceAdministrator: boolean };

/** One ability's rule: a pure `can…` function of a feature's policy. */
export type UserAbilityRule = (actor: Actor, target: AbilityTarget) => boolean;

let rules: Record<UserAbility, UserAbilityRule> | undefined;

/**
 * The policies that answer `meta.abilities` of a user resource, one per ability. The features that
 * own them (calls, tasks, passwords …) depend on users, so users cannot import them: the table of
 * contents (features/index.ts) hands them over, as it does the Activity's kinds.
 */
export function registerUserAbilities(all: Record<UserAbility, UserAbilityRule>): void {
  rules = all;
}

/** What the actor may do to the user, every ability answered (`meta.abilities`). */
export function abilitiesOf(actor: Actor, target: AbilityTarget): UserAbilities {
  if (!rules) throw new Error('registerUserAbilities was not called (features/index.ts)');
  // A loop, not Object.fromEntries over a mapped array: every user resource answered runs this.
  const abilities = {} as UserAbilities;
  for (const ability of userAbilities) abilities[ability] = rules[ability](actor, target);
  return abilities;
}

let listRules: Record<UserListAbility, (actor: Actor) => boolean> | undefined;

/** The policies that answer `meta.abilities` of the users list (handed over as the user's are). */
export function registerUserListAbilities(all: Record<UserListAbility, (actor: Actor) => boolean>): void {
  listRules = all;
}

/** What the actor may do from the users grid, every ability answered (`meta.abilities` of the list). */
export function userListAbilitiesOf(actor: Actor): UserListAbilities {
  if (!listRules) throw new Error('registerUserListAbilities was not called (features/index.ts)');
  const registered = listRules;
  return Object.fromEntries(
    userListAbilities.map((ability) => [ability, registered[ability](actor)]),
  ) as UserListAbilities;
}
