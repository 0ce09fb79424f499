import type { FastifyInstance } from 'fastify';
import type { Deps } from '../platform/deps';
import { accessRoutes } from './access/routes';
import { registerActivityKind } from './activities/kinds';
import { canViewActivitiesOf } from './activities/policy';
import { activityRoutes } from './activities/routes';
import { canManageApiKeyOf } from './api-keys/policy';
import { apiKeyRoutes } from './api-keys/routes';
import { canViewUserAuditEvents } from './audit/policy';
import { auditRoutes } from './audit/routes';
import { authRoutes } from './auth/routes';
import { avatarRoutes } from './avatars/routes';
import { calendarEventActivityKind } from './calendar/activity';
import { canAssignEventTo, canSeeCalendarOf } from './calendar/policy';
import { calendarRoutes } from './calendar/routes';
import { callActivityKind } from './calls/activity-kind';
import { canLogCalls } from './calls/policy';
import { callRoutes } from './calls/routes';
import { customFieldRoutes } from './custom-fields/routes';
import { emailTemplateRoutes } from './email-templates/routes';
import { emailActivityKind } from './emails/activity-kind';
import { canSendEmails } from './emails/policy';
import { emailRoutes } from './emails/routes';
import { fileRoutes } from './files/routes';
import { mailRoutes } from './mail/routes';
import { canChangeMenus } from './menus/policy';
import { menuRoutes } from './menus/routes';
import { organizationRoutes } from './organizations/routes';
import { canManagePasswordOf, canManagePasswords } from './passwords/policy';
import { passwordRoutes } from './passwords/routes';
import { canManageSettings } from './settings/policy';
import { settingsRoutes } from './settings/routes';
import { taskActivityKind } from './tasks/activity';
import { canAssignTaskTo, canSeeTasksOf } from './tasks/policy';
import { taskRoutes } from './tasks/routes';
import { userEmailRoutes } from './user-emails/routes';
import { userProfileRoutes } from './userprofile/routes';
import { registerUserAbilities, registerUserListAbilities } from './users/abilities';
import { canChangeUserStatus, canCreateUsers, canDisableUser, canUpdateUser } from './users/policy';
import { profileRoutes } from './users/profile-routes';
import { userAdminRoutes } from './users/routes';

/**
 * The table of contents of the API: every feature's routes, registered under /api. A route that
 * does not declare its access (`config.access`) stops the app from starting.
 */
export async function registerFeatures(app: FastifyInstance, deps: Deps): Promise<void> {
  // `meta.abilities` of a user: each answered by the policy of the feature that enforces it.
  registerUserAbilities({
    update: canUpdateUser,
    changePassword: canManagePasswordOf,
    resetPassword: canManagePasswordOf,
    generateApiKey: (actor, user) => canManageApiKeyOf(actor, user.id),
    sendEmail: (actor) => canSendEmails(actor),
    logCall: (actor) => canLogCalls(actor),
    assignEvent: (actor, user) => canAssignEventTo(actor, user.id),
    assignTask: (actor, user) => canAssignTaskTo(actor, user.id),
    disable: canDisableUser,
    viewActivity: (actor, user) => canViewActivitiesOf(actor, user.id),
    viewCalendar: (actor, user) => canSeeCalendarOf(actor, user.id),
    viewTasks: (actor, user) => canSeeTasksOf(actor, user.id),
    viewSecurityEvents: (actor, user) => canViewUserAuditEvents(actor, user.id),
    editMenus: (actor, user) => user.id === actor.userId && canChangeMenus(actor, 'user'),
    editConfiguration: (actor, user) => user.id === actor.userId && canManageSettings(actor, 'user'),
  });
  // `meta.abilities` of the users list: the grid's Create User and bulk actions.
  registerUserListAbilities({
    create: canCreateUsers,
    disable: canChangeUserStatus,
    resetPassword: canManagePasswords,
  });
  await authRoutes(app, deps);
  await userAdminRoutes(app, deps);
  await passwordRoutes(app, deps);
  await settingsRoutes(app, deps);
  await userProfileRoutes(app, deps);
  await organizationRoutes(app, deps);
  await accessRoutes(app, deps);
  await auditRoutes(app, deps);
  await apiKeyRoutes(app, deps);
  await profileRoutes(app, deps);
  await avatarRoutes(app, deps);
  await userEmailRoutes(app, deps);
  await customFieldRoutes(app, deps);
  await mailRoutes(app, deps);
  await calendarRoutes(app, deps);
  await taskRoutes(app, deps);
  await callRoutes(app, deps);
  // The Activity shows these kinds, in this order (filter[type], the OpenAPI union); each kind's
  // feature depends on activities, never the other way.
  for (const kind of [emailActivityKind, callActivityKind, calendarEventActivityKind, taskActivityKind]) {
    registerActivityKind(kind);
  }
  await activityRoutes(app, deps);
  await fileRoutes(app, deps);
  await emailTemplateRoutes(app, deps);
  await emailRoutes(app, deps);
  await menuRoutes(app, deps);
}
