import type { FastifyInstance } from 'fastify';
import type { Deps } from '../platform/deps';
import { accessRoutes } from './access/routes';
import { registerActivityKind } from './activities/kinds';
import { activityRoutes } from './activities/routes';
import { apiKeyRoutes } from './api-keys/routes';
import { auditRoutes } from './audit/routes';
import { authRoutes } from './auth/routes';
import { avatarRoutes } from './avatars/routes';
import { calendarEventActivityKind } from './calendar/activity';
import { calendarRoutes } from './calendar/routes';
import { callActivityKind } from './calls/activity-kind';
import { callRoutes } from './calls/routes';
import { customFieldRoutes } from './custom-fields/routes';
import { emailTemplateRoutes } from './email-templates/routes';
import { emailActivityKind } from './emails/activity-kind';
import { emailRoutes } from './emails/routes';
import { fileRoutes } from './files/routes';
import { mailRoutes } from './mail/routes';
import { menuRoutes } from './menus/routes';
import { organizationRoutes } from './organizations/routes';
import { passwordRoutes } from './passwords/routes';
import { settingsRoutes } from './settings/routes';
import { taskActivityKind } from './tasks/activity';
import { taskRoutes } from './tasks/routes';
import { userEmailRoutes } from './user-emails/routes';
import { userProfileRoutes } from './userprofile/routes';
import { profileRoutes } from './users/profile-routes';
import { userAdminRoutes } from './users/routes';

/**
 * The table of contents of the API: every feature's routes, registered under /api. A route that
 * does not declare its access (`config.access`) stops the app from starting.
 */
export async function registerFeatures(app: FastifyInstance, deps: Deps): Promise<void> {
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
