/**
 * The web app's pages, each path defined once: the SPA mounts them (web/app/router.tsx) and links
 * to them, and the server names them in emails, menus, reminders and when it answers a page
 * (server/platform/http/spa.ts). A page with parameters is a pattern (`/users/:id`) the router
 * mounts as it is; `pathTo` fills it in for a link.
 */
export const paths = {
  home: '/',
  signIn: '/login',
  forgotPassword: '/forgot-password',
  /** Its URL fragment carries a reset token: the server keeps the page out of caches and referrers. */
  passwordReset: '/password-reset',
  /** Where a user whose password an administrator set is kept until they choose their own. */
  passwordChangeRequired: '/password-change-required',
  /** The link of an email verification. */
  verifyEmail: '/verify-email',
  myUser: '/my-user',
  myUserEdit: '/my-user/edit',
  myConfiguration: '/my-configuration',
  myCalendar: '/my-calendar',
  /** The viewer's tasks (web/features/tasks). */
  myTasks: '/my-tasks',
  /** The Menus page: More Actions → Edit Menus on My User, or My Menus in the user menu. */
  myMenus: '/my-menus',
  users: '/users',
  user: '/users/:id',
  userEdit: '/users/:id/edit',
  roles: '/roles',
  auditLog: '/audit-log',
  organizations: '/organizations',
  organizationConfiguration: '/configuration/organization',
  systemConfiguration: '/configuration/system',
  customFieldSettings: '/settings/custom-fields',
  passwordPolicySettings: '/settings/password-policy',
  /** The organization's email templates, for administrators (web/features/email-templates). */
  emailTemplates: '/settings/email-templates',
  /** The organization's outgoing mail, for administrators (web/features/mail). */
  outbox: '/admin/outbox',
  outboxMessage: '/admin/outbox/:id',
} as const;

/** A page's path or pattern, as `paths` defines it. */
export type AppPath = (typeof paths)[keyof typeof paths];

/** The `:names` in a pattern. */
type ParametersOf<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParametersOf<`/${Rest}`>
  : Path extends `${string}:${infer Name}`
    ? Name
    : never;

/**
 * The path of a page, its parameters filled in and each URL-encoded:
 * `pathTo(paths.user, { id })` → `/users/0b1c…`. A pattern's parameters must all be given.
 */
export function pathTo<Path extends AppPath>(
  path: Path,
  ...[parameters]: [ParametersOf<Path>] extends [never] ? [] : [Record<ParametersOf<Path>, string>]
): string {
  if (!parameters) return path;
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) =>
    encodeURIComponent((parameters as Record<string, string>)[name] ?? ''),
  );
}

/** `/login?next=<path>`: where an anonymous visitor is sent, and where to go after signing in. */
export function signInPath(next?: string): string {
  if (!next || next === paths.home || next.startsWith(paths.signIn)) return paths.signIn;
  return `${paths.signIn}?${new URLSearchParams({ next })}`;
}

/** Why someone was sent to the sign-in page; it says so (`/login?reason=…`). */
export const signInReasons = ['password-reset', 'password-changed'] as const;

/** Its words are `auth:signIn.reasons.<reason>` in the catalog. */
export type SignInReason = (typeof signInReasons)[number];

/** `/login?reason=<reason>`: the sign-in page, saying why the person is there. */
export function signInPathFor(reason: SignInReason): string {
  return `${paths.signIn}?${new URLSearchParams({ reason })}`;
}

/**
 * The `next` parameter of the sign-in page, if it is a path on this site; anything else (an
 * absolute URL, `//evil.example`, `/\evil.example`) falls back to home, so the parameter cannot
 * be used as an open redirect.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next?.startsWith('/')) return paths.home;
  // Parse the way the browser will (it drops tabs and newlines, reads `\` as `/`) and keep the
  // result only if it stays on this origin.
  const base = 'http://atrium.invalid';
  const url = new URL(next, base);
  if (url.origin !== base) return paths.home;
  return `${url.pathname}${url.search}${url.hash}`;
}
