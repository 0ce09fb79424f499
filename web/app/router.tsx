import { type RouteObject, useRoutes } from 'react-router';
import { paths } from '../../common/paths';
import { HomePage } from './home-page';
import { AppLayout, PublicLayout } from './layout';
import { lazyPage, RouteOutlet, ScrollRestoration } from './navigation';
import { NotFoundPage } from './not-found-page';
import { RequireUser } from './require-user';

/**
 * Pages for signed-in users: each feature adds its routes here, lazily loaded so the first page
 * stays small, e.g.
 * `{ path: paths.myUser, element: lazyPage(async () => (await import('../features/users/my-user-page')).MyUserPage) }`.
 */
const userRoutes: RouteObject[] = [
  { index: true, element: <HomePage /> },
  {
    path: paths.myUser,
    element: lazyPage(async () => (await import('../features/users/my-user-page')).MyUserPage),
  },
  {
    path: paths.myUserEdit,
    element: lazyPage(async () => (await import('../features/users/edit-user-page')).MyUserEditPage),
  },
  {
    path: paths.user,
    element: lazyPage(async () => (await import('../features/users/user-view-page')).UserViewPage),
  },
  {
    path: paths.userEdit,
    element: lazyPage(async () => (await import('../features/users/edit-user-page')).EditUserPage),
  },
  {
    path: paths.customFieldSettings,
    element: lazyPage(
      async () => (await import('../features/custom-fields/custom-fields-page')).CustomFieldsPage,
    ),
  },
  {
    path: paths.users,
    element: lazyPage(async () => (await import('../features/users/users-grid-page')).UsersGridPage),
  },
  {
    path: paths.roles,
    element: lazyPage(async () => (await import('../features/access/roles-page')).RolesPage),
  },
  {
    path: paths.auditLog,
    element: lazyPage(async () => (await import('../features/audit/audit-log-page')).AuditLogPage),
  },
  {
    path: paths.organizations,
    element: lazyPage(
      async () => (await import('../features/organizations/organizations-page')).OrganizationsPage,
    ),
  },
  {
    path: paths.passwordChangeRequired,
    element: lazyPage(async () => (await import('../features/passwords/pages')).PasswordChangeRequiredPage),
  },
  {
    path: paths.myCalendar,
    element: lazyPage(async () => (await import('../features/calendar/calendar-page')).MyCalendarPage),
  },
  {
    path: paths.myMenus,
    element: lazyPage(async () => (await import('../features/menus/my-menus-page')).MyMenusPage),
  },
  {
    path: paths.myConfiguration,
    element: lazyPage(
      async () => (await import('../features/settings/my-configuration-page')).MyConfigurationPage,
    ),
  },
  {
    path: paths.organizationConfiguration,
    element: lazyPage(
      async () => (await import('../features/settings/my-configuration-page')).OrganizationConfigurationPage,
    ),
  },
  {
    path: paths.systemConfiguration,
    element: lazyPage(
      async () => (await import('../features/settings/my-configuration-page')).SystemConfigurationPage,
    ),
  },
  {
    path: paths.passwordPolicySettings,
    element: lazyPage(
      async () => (await import('../features/settings/password-policy-page')).PasswordPolicySettingsPage,
    ),
  },
  {
    path: paths.myTasks,
    element: lazyPage(async () => (await import('../features/tasks/my-tasks-page')).MyTasksPage),
  },
  {
    path: paths.emailTemplates,
    element: lazyPage(
      async () => (await import('../features/email-templates/email-templates-page')).EmailTemplatesPage,
    ),
  },
  {
    path: paths.outbox,
    element: lazyPage(async () => (await import('../features/mail/outbox-page')).OutboxPage),
  },
  {
    path: paths.outboxMessage,
    element: lazyPage(async () => (await import('../features/mail/message-page')).MailMessagePage),
  },
];

/** Pages for visitors who are not signed in (sign-in, password reset), in the plain frame. */
const publicRoutes: RouteObject[] = [
  {
    path: paths.verifyEmail,
    element: lazyPage(async () => (await import('../features/users/verify-email-page')).VerifyEmailPage),
  },
  {
    path: paths.signIn,
    element: lazyPage(async () => (await import('../features/auth/sign-in-page')).SignInPage),
  },
  {
    path: paths.forgotPassword,
    element: lazyPage(async () => (await import('../features/passwords/pages')).ForgotPasswordPage),
  },
  {
    path: paths.passwordReset,
    element: lazyPage(async () => (await import('../features/passwords/pages')).PasswordResetPage),
  },
];

const routes: RouteObject[] = [
  {
    element: (
      <>
        <ScrollRestoration />
        <RouteOutlet />
      </>
    ),
    children: [
      {
        element: <AppLayout />,
        children: [
          {
            // Inside the layout, so a failing page keeps the top bar and the user menu.
            element: <RouteOutlet />,
            children: [
              { element: <RequireUser />, children: userRoutes },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
      { element: <PublicLayout />, children: [{ element: <RouteOutlet />, children: publicRoutes }] },
    ],
  },
];

/** The page of the current location, in its layout (rendered inside web/app/navigation.tsx's AppRouter). */
export function AppRoutes() {
  return useRoutes(routes);
}
