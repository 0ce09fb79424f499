/**
 * Client-side URLs in one place, so links and routes cannot drift apart. Feature pages add theirs
 * here and mount a route for each in `router.tsx`.
 */
export const paths = {
  home: '/',
  signIn: '/login',
  passwordReset: '/password-reset',
  forgotPassword: '/forgot-password',
  /** Where a user whose password an administrator set is kept until they choose their own. */
  passwordChangeRequired: '/password-change-required',
  passwordPolicySettings: '/settings/password-policy',
  myUser: '/my-user',
  myConfiguration: '/my-configuration',
  /** The viewer's tasks (web/features/tasks). */
  myTasks: '/my-tasks',
  organizationConfiguration: '/configuration/organization',
  systemConfiguration: '/configuration/system',
  /** The organization's outgoing mail, for administrators (web/features/mail). */
  outbox: '/admin/outbox',
  /** The organization's email templates, for administrators (web/features/email-templates). */
  emailTemplates: '/settings/email-templates',
} as const;

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
