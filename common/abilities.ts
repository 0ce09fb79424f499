import type { SettingScope } from './settings';

/**
 * What the signed-in user may do to a user (`meta.abilities` of `GET /api/users/{id}` and
 * `GET /api/userprofile`), computed by the server's policies so the SPA shows an action only when
 * the API would allow it, without re-deriving the rules from permission strings. The server
 * computes every name here (a `Record<UserAbility, …>` there), so a new one that no policy answers
 * does not compile.
 */
export const userAbilities = [
  /** Edit the profile (the Edit button). */
  'update',
  /** More Actions → Change Password: set the user's password without knowing it (administrators). */
  'changePassword',
  /** More Actions → Reset Password: send the user a reset link (administrators). */
  'resetPassword',
  /** See and (re)generate the user's API key. */
  'generateApiKey',
  'sendEmail',
  'logCall',
  'assignEvent',
  'assignTask',
  /** Disable (or enable) the account. */
  'disable',
  /** The user's Activity tab. */
  'viewActivity',
  'viewCalendar',
  'viewTasks',
  /** The user's recent security events (their part of the audit log). */
  'viewSecurityEvents',
  /** More Actions → Edit Menus: one's own menus. */
  'editMenus',
  /** The Configuration button: one's own settings. */
  'editConfiguration',
] as const;

export type UserAbility = (typeof userAbilities)[number];

/** `meta.abilities` of a user resource: every ability, true or false. */
export type UserAbilities = Record<UserAbility, boolean>;

/** What the signed-in user may do to a task (`meta.abilities` of a `tasks` resource). */
export const taskAbilities = [
  /** Edit it (the subject opens the Edit Task dialog). */
  'update',
  'delete',
] as const;

export type TaskAbility = (typeof taskAbilities)[number];
export type TaskAbilities = Record<TaskAbility, boolean>;

/** What the signed-in user may do to a logged call (`meta.abilities` of a `calls` resource). */
export const callAbilities = ['update', 'delete'] as const;

export type CallAbility = (typeof callAbilities)[number];
export type CallAbilities = Record<CallAbility, boolean>;

/** What the signed-in user may do to an email (`meta.abilities` of an `emails` resource). */
export const emailAbilities = [
  /** Cancel a scheduled email that has not gone out yet (its author). */
  'cancel',
  /** Reply: send an email in reply to this one. */
  'reply',
] as const;

export type EmailAbility = (typeof emailAbilities)[number];
export type EmailAbilities = Record<EmailAbility, boolean>;

/**
 * What the signed-in user may do from the users grid (`meta.abilities` of `GET /api/users`): its
 * Create User button and its bulk actions on the selected users.
 */
export const userListAbilities = [
  'create',
  /** Bulk Enable / Disable. */
  'disable',
  /** Bulk Reset Password. */
  'resetPassword',
] as const;

export type UserListAbility = (typeof userListAbilities)[number];
export type UserListAbilities = Record<UserListAbility, boolean>;

/** What the signed-in user may do from the roles page (`meta.abilities` of `GET /api/roles`). */
export const roleListAbilities = [
  /** Change a role's permissions (Save on the role's tab). */
  'update',
] as const;

export type RoleListAbility = (typeof roleListAbilities)[number];
export type RoleListAbilities = Record<RoleListAbility, boolean>;

/** What the signed-in user may do from the Email Templates page (`GET /api/email-templates`). */
export const emailTemplateListAbilities = ['create', 'update', 'delete'] as const;

export type EmailTemplateListAbility = (typeof emailTemplateListAbilities)[number];
export type EmailTemplateListAbilities = Record<EmailTemplateListAbility, boolean>;

/** What the signed-in user may do from the Outbox (`meta.abilities` of `GET /api/mail-messages`). */
export const mailMessageListAbilities = [
  /** Retry a failed message. */
  'retry',
] as const;

export type MailMessageListAbility = (typeof mailMessageListAbilities)[number];
export type MailMessageListAbilities = Record<MailMessageListAbility, boolean>;

/** What the signed-in user may do from the Organizations page (`GET /api/organizations`). */
export const organizationListAbilities = [
  /** Create an organization (they become its Administrator). */
  'create',
  /** Rename the current organization (another one needs switching to it first). */
  'rename',
] as const;

export type OrganizationListAbility = (typeof organizationListAbilities)[number];
export type OrganizationListAbilities = Record<OrganizationListAbility, boolean>;

/** What the signed-in user may do from the Custom User Fields page (`GET /api/custom-fields`). */
export const customFieldListAbilities = ['create', 'update', 'delete'] as const;

export type CustomFieldListAbility = (typeof customFieldListAbilities)[number];
export type CustomFieldListAbilities = Record<CustomFieldListAbility, boolean>;

/** What the signed-in user may do from a tasks list (`meta.abilities` of `GET /api/tasks`). */
export const taskListAbilities = [
  /** Create a task of one's own. */
  'create',
  /** Give a task to someone else (Assign Task). */
  'assign',
] as const;

export type TaskListAbility = (typeof taskListAbilities)[number];
export type TaskListAbilities = Record<TaskListAbility, boolean>;

/** What the signed-in user may do from a calls list (`meta.abilities` of `GET /api/calls`). */
export const callListAbilities = [
  /** Log a call. */
  'create',
] as const;

export type CallListAbility = (typeof callListAbilities)[number];
export type CallListAbilities = Record<CallListAbility, boolean>;

/**
 * What the signed-in user may do in the workspace at large: what the SPA must know before any list
 * loads (the home page's shortcuts, a page's access, Configuration's levels). Sent with the user
 * abilities on oneself in `meta.abilities` of `GET /api/userprofile` (see `ProfileAbilities`).
 */
export const workspaceAbilities = [
  /** The Audit Log page. */
  'viewAuditLog',
  /** The Outbox and its messages. */
  'manageMail',
  /** Custom User Fields: add, edit and delete them (everyone reads them). */
  'manageCustomFields',
  /** The organization's default menus, on the Menus page. */
  'editOrganizationMenus',
] as const;

export type WorkspaceAbility = (typeof workspaceAbilities)[number];

/** The levels of Configuration, in the order the page offers them: mine, the organization's, the system's. */
export const configurationLevels = [
  'user',
  'organization',
  'system',
] as const satisfies readonly SettingScope[];

export type WorkspaceAbilities = Record<WorkspaceAbility, boolean> & {
  /** Configuration at each level: mine, the organization's, the system's. */
  configure: Record<SettingScope, boolean>;
};

/** `meta.abilities` of my profile: what I may do to myself, and in the workspace. */
export type ProfileAbilities = UserAbilities & WorkspaceAbilities;
