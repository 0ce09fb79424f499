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
