import { IconForms, IconLock, IconMail, IconSettings, IconUser, type TablerIcon } from '@tabler/icons-react';
import type { Permission } from '../../common/permissions';
import { paths } from './paths';

/**
 * The user menu (upper right), as a definition with stable keys: personal menu updates (order,
 * hidden, renamed) will be stored against these keys and applied over this list. Logout is not
 * an item here: it always closes the menu.
 */
export type UserMenuItem = {
  key: string;
  label: string;
  to: string;
  icon: TablerIcon;
  /** Shown only to users holding this permission. */
  permission?: Permission;
};

export const userMenuItems: UserMenuItem[] = [
  { key: 'my_user', label: 'My User', to: paths.myUser, icon: IconUser },
  { key: 'my_configuration', label: 'My Configuration', to: paths.myConfiguration, icon: IconSettings },
  {
    key: 'custom_fields',
    label: 'Custom User Fields',
    to: '/settings/custom-fields',
    icon: IconForms,
    permission: 'custom_fields.manage',
  },
  {
    key: 'password_policy',
    label: 'Password policy',
    to: paths.passwordPolicySettings,
    icon: IconLock,
    permission: 'organization.settings',
  },
  { key: 'outbox', label: 'Outbox', to: paths.outbox, icon: IconMail, permission: 'mail.manage' },
];
