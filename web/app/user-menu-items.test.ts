import { describe, expect, it } from 'vitest';
import { type ProfileAbilities, type UserAbilities, userAbilities } from '../../common/abilities';
import { shortcutsFor } from './user-menu-items';

/** A member's profile abilities: all false but their own configuration, and what is given. */
function abilities(given: Partial<ProfileAbilities> = {}): ProfileAbilities {
  return {
    ...(Object.fromEntries(userAbilities.map((ability) => [ability, false])) as UserAbilities),
    viewAuditLog: false,
    manageMail: false,
    manageCustomFields: false,
    editOrganizationMenus: false,
    configure: { user: true, organization: false, system: false },
    ...given,
  };
}

const keys = (given?: Partial<ProfileAbilities>) => shortcutsFor(abilities(given)).map((item) => item.key);

describe("the home page's shortcuts follow my profile's abilities, not permission strings", () => {
  it('a plain member sees My User and My Configuration only', () => {
    expect(keys()).toEqual(['my_user', 'my_configuration']);
  });

  it('each administration card needs its own ability', () => {
    expect(keys({ manageCustomFields: true })).toEqual(['my_user', 'my_configuration', 'custom_fields']);
    expect(keys({ configure: { user: true, organization: true, system: false } })).toEqual([
      'my_user',
      'my_configuration',
      'password_policy',
    ]);
    expect(keys({ manageMail: true })).toEqual(['my_user', 'my_configuration', 'outbox']);
  });

  it('an administrator sees every card', () => {
    expect(
      keys({
        manageCustomFields: true,
        manageMail: true,
        configure: { user: true, organization: true, system: false },
      }),
    ).toEqual(['my_user', 'my_configuration', 'custom_fields', 'password_policy', 'outbox']);
  });
});
