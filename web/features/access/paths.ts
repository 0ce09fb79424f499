/** Client-side URLs of the administration pages of identity (mounted in web/app/router.tsx). */
export const identityPaths = {
  users: '/users',
  roles: '/roles',
  auditLog: '/audit-log',
  organizations: '/organizations',
} as const;
