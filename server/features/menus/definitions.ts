import type { MenuAction, MenuName } from '../../../common/menus';
import { type AppPath, paths } from '../../../common/paths';
import type { Permission } from '../../../common/permissions';

/**
 * One item of a menu defined in code. `key` is stable: organization and user updates are stored
 * against it, so never rename one. An item the viewer lacks `permission` for is never sent, nor
 * are its children. A `url` is a page of the app (common/paths.ts); `action` (More Actions) is
 * mapped by the SPA to a dialog or page.
 */
export type MenuItemDefinition = {
  key: string;
  label: string;
  url?: AppPath;
  action?: MenuAction;
  permission?: Permission;
  divider?: boolean;
  children?: MenuItemDefinition[];
};

/**
 * The menus as shipped. A new entry is one line here (and, for an action, one in `menuActions`
 * of common/menus.ts and its dialog in the SPA's More Actions).
 */
export const menuDefinitions: Record<MenuName, MenuItemDefinition[]> = {
  application_menu: [
    { key: 'users', label: 'Users', url: paths.users, permission: 'users.view' },
    { key: 'roles', label: 'Roles', url: paths.roles, permission: 'roles.manage' },
    { key: 'audit_log', label: 'Audit Log', url: paths.auditLog, permission: 'audit.view' },
    {
      key: 'organizations',
      label: 'Organizations',
      url: paths.organizations,
      permission: 'organizations.manage',
    },
  ],
  usermenu: [
    { key: 'my_user', label: 'My User', url: paths.myUser },
    { key: 'my_configuration', label: 'My Configuration', url: paths.myConfiguration },
    { key: 'my_calendar', label: 'My Calendar', url: paths.myCalendar },
    { key: 'my_tasks', label: 'My Tasks', url: paths.myTasks },
    { key: 'my_menus', label: 'My Menus', url: paths.myMenus, permission: 'manage_menus' },
    {
      key: 'custom_fields',
      label: 'Custom User Fields',
      url: paths.customFieldSettings,
      permission: 'custom_fields.manage',
    },
    {
      key: 'password_policy',
      label: 'Password policy',
      url: paths.passwordPolicySettings,
      permission: 'organization.settings',
    },
    {
      key: 'email_templates',
      label: 'Email Templates',
      url: paths.emailTemplates,
      permission: 'email_templates.manage',
    },
    { key: 'outbox', label: 'Outbox', url: paths.outbox, permission: 'mail.manage' },
  ],
  shortcuts: [
    { key: 'my_user', label: 'My User', url: paths.myUser },
    { key: 'users', label: 'Users', url: paths.users, permission: 'users.view' },
    { key: 'audit_log', label: 'Audit Log', url: paths.auditLog, permission: 'audit.view' },
  ],
  more_actions: [
    { key: 'send_email', label: 'Send Email', action: 'send_email', permission: 'emails.send' },
    { key: 'log_call', label: 'Log Call', action: 'log_call', permission: 'calls.log' },
    {
      key: 'assign_event',
      label: 'Assign Event',
      action: 'assign_event',
      permission: 'calendar_events.assign',
    },
    { key: 'assign_task', label: 'Assign Task', action: 'assign_task', permission: 'tasks.assign' },
    {
      key: 'change_password',
      label: 'Change Password',
      action: 'change_password',
      permission: 'password_management',
    },
    {
      key: 'reset_password',
      label: 'Reset Password',
      action: 'reset_password',
      permission: 'password_management',
    },
    { key: 'edit_menus', label: 'Edit Menus', action: 'edit_menus', permission: 'manage_menus' },
  ],
};
