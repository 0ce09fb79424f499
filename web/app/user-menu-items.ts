import {
  IconCalendar,
  IconForms,
  IconLayoutList,
  IconListCheck,
  IconLock,
  IconMail,
  IconSettings,
  IconUser,
  type TablerIcon,
} from '@tabler/icons-react';
import type { ProfileAbilities } from '../../common/abilities';
import { paths } from '../../common/paths';
import type { app } from '../i18n/en/app';

/**
 * The ways into the workspace the home page shows as cards, with their icons. The user menu itself
 * is data from the server (`usermenu` of GET /api/menus, server/features/menus/definitions.ts); it
 * uses these icons by the same stable keys.
 */
export type UserMenuItem = {
  /** Its words are `app:shortcuts.<key>` in the catalog. */
  key: keyof typeof app.shortcuts;
  to: string;
  icon: TablerIcon;
  /** Shown only to users whose abilities (`meta.abilities` of my profile) allow it. */
  shownTo?: (abilities: ProfileAbilities) => boolean;
};

export const userMenuItems: UserMenuItem[] = [
  { key: 'my_user', to: paths.myUser, icon: IconUser },
  { key: 'my_configuration', to: paths.myConfiguration, icon: IconSettings },
  {
    key: 'custom_fields',
    to: paths.customFieldSettings,
    icon: IconForms,
    shownTo: (abilities) => abilities.manageCustomFields,
  },
  {
    key: 'password_policy',
    to: paths.passwordPolicySettings,
    icon: IconLock,
    shownTo: (abilities) => abilities.configure.organization,
  },
  { key: 'outbox', to: paths.outbox, icon: IconMail, shownTo: (abilities) => abilities.manageMail },
];

/** The cards the home page shows a user with these abilities (`meta.abilities` of my profile). */
export function shortcutsFor(abilities: ProfileAbilities): UserMenuItem[] {
  return userMenuItems.filter((item) => !item.shownTo || item.shownTo(abilities));
}

/** The user menu's icons by item key; custom items and unknown keys get none. */
export const userMenuIcons: Record<string, TablerIcon> = {
  ...Object.fromEntries(userMenuItems.map((item) => [item.key, item.icon])),
  my_menus: IconLayoutList,
  my_tasks: IconListCheck,
  my_calendar: IconCalendar,
};
