import { createBrowserRouter, Outlet, type RouteObject, ScrollRestoration } from 'react-router';
import { paths } from '../../common/paths';
import { PageLoader } from '../ui/page-loader';
import { ErrorPage } from './error-page';
import { HomePage } from './home-page';
import { AppLayout, PublicLayout } from './layout';
import { NotFoundPage } from './not-found-page';
import { RequireUser } from './require-user';

/**
 * Pages for signed-in users: each feature adds its routes here, lazily loaded so the first page
 * stays small, e.g.
 * `{ path: paths.myUser, lazy: async () => ({ Component: (await import('../features/users/my-user-page')).MyUserPage }) }`.
 */
const userRoutes: RouteObject[] = [
  { index: true, element: <HomePage /> },
  {
    path: paths.myUser,
    lazy: async () => ({ Component: (await import('../features/users/my-user-page')).MyUserPage }),
  },
  {
    path: paths.myUserEdit,
    lazy: async () => ({ Component: (await import('../features/users/edit-user-page')).MyUserEditPage }),
  },
  {
    path: paths.user,
    lazy: async () => ({ Component: (await import('../features/users/user-view-page')).UserViewPage }),
  },
  {
    path: paths.userEdit,
    lazy: async () => ({ Component: (await import('../features/users/edit-user-page')).EditUserPage }),
  },
  {
    path: paths.customFieldSettings,
    lazy: async () => ({
      Component: (await import('../features/custom-fields/custom-fields-page')).CustomFieldsPage,
    }),
  },
  {
    path: paths.users,
    lazy: async () => ({ Component: (await import('../features/users/users-grid-page')).UsersGridPage }),
  },
  {
    path: paths.roles,
    lazy: async () => ({ Component: (await import('../features/access/roles-page')).RolesPage }),
  },
  {
    path: paths.auditLog,
    lazy: async () => ({ Component: (await import('../features/audit/audit-log-page')).AuditLogPage }),
  },
  {
    path: paths.organizations,
    lazy: async () => ({
      Component: (await import('../features/organizations/organizations-page')).OrganizationsPage,
    }),
  },
  {
    path: paths.passwordChangeRequired,
    lazy: async () => ({
      Component: (await import('../features/passwords/pages')).PasswordChangeRequiredPage,
    }),
  },
  {
    path: paths.myCalendar,
    lazy: async () => ({ Component: (await import('../features/calendar/calendar-page')).MyCalendarPage }),
  },
  {
    path: paths.myMenus,
    lazy: async () => ({ Component: (await import('../features/menus/my-menus-page')).MyMenusPage }),
  },
  {
    path: paths.myConfiguration,
    lazy: async () => ({
      Component: (await import('../features/settings/my-configuration-page')).MyConfigurationPage,
    }),
  },
  {
    path: paths.organizationConfiguration,
    lazy: async () => ({
      Component: (await import('../features/settings/my-configuration-page')).OrganizationConfigurationPage,
    }),
  },
  {
    path: paths.systemConfiguration,
    lazy: async () => ({
      Component: (await import('../features/settings/my-configuration-page')).SystemConfigurationPage,
    }),
  },
  {
    path: paths.passwordPolicySettings,
    lazy: async () => ({
      Component: (await import('../features/settings/password-policy-page')).PasswordPolicySettingsPage,
    }),
  },
  {
    path: paths.myTasks,
    lazy: async () => ({ Component: (await import('../features/tasks/my-tasks-page')).MyTasksPage }),
  },
  {
    path: paths.emailTemplates,
    lazy: async () => ({
      Component: (await import('../features/email-templates/email-templates-page')).EmailTemplatesPage,
    }),
  },
  {
    path: paths.outbox,
    lazy: async () => ({ Component: (await import('../features/mail/outbox-page')).OutboxPage }),
  },
  {
    path: paths.outboxMessage,
    lazy: async () => ({ Component: (await import('../features/mail/message-page')).MailMessagePage }),
  },
];

/** Pages for visitors who are not signed in (sign-in, password reset), in the plain frame. */
const publicRoutes: RouteObject[] = [
  {
    path: paths.verifyEmail,
    lazy: async () => ({ Component: (await import('../features/users/verify-email-page')).VerifyEmailPage }),
  },
  {
    path: paths.signIn,
    lazy: async () => ({ Component: (await import('../features/auth/sign-in-page')).SignInPage }),
  },
  {
    path: paths.forgotPassword,
    lazy: async () => ({ Component: (await import('../features/passwords/pages')).ForgotPasswordPage }),
  },
  {
    path: paths.passwordReset,
    lazy: async () => ({ Component: (await import('../features/passwords/pages')).PasswordResetPage }),
  },
];

export const routes: RouteObject[] = [
  {
    element: (
      <>
        <ScrollRestoration />
        <Outlet />
      </>
    ),
    errorElement: <ErrorPage />,
    hydrateFallbackElement: <PageLoader />,
    children: [
      {
        element: <AppLayout />,
        children: [
          {
            // Inside the layout, so a failing page keeps the top bar and the user menu.
            errorElement: <ErrorPage />,
            children: [
              { element: <RequireUser />, children: userRoutes },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
      { element: <PublicLayout />, errorElement: <ErrorPage />, children: publicRoutes },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
