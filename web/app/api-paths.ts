import type { paths } from '../api/schema';

/*
 * Every API path the SPA calls, in one place. Each is checked against the server's OpenAPI
 * document (web/api/schema.d.ts, generated): a path the server does not define, or a parameter it
 * does not name, does not compile. Callers add query strings (`${apiPaths.users}?${query}`).
 */

/** A path of the API, as the OpenAPI document spells it (`/api/users/{id}`). */
export type ApiPathTemplate = keyof paths;

/** The `{names}` in a path template. */
type ParametersOf<Template extends string> = Template extends `${string}{${infer Name}}${infer Rest}`
  ? Name | ParametersOf<Rest>
  : never;

/**
 * The path of `template` with its parameters filled in, each URL-encoded:
 * `apiPath('/api/users/{id}/api-key', { id: 'me' })` → `/api/users/me/api-key`.
 */
export function apiPath<Template extends ApiPathTemplate>(
  template: Template,
  ...[parameters]: [ParametersOf<Template>] extends [never] ? [] : [Record<ParametersOf<Template>, string>]
): string {
  if (!parameters) return template;
  return template.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent((parameters as Record<string, string>)[name] ?? ''),
  );
}

export const apiPaths = {
  auditEvents: apiPath('/api/audit-events'),
  calendarEvents: apiPath('/api/calendarevents'),
  calendarEvent: (id: string) => apiPath('/api/calendarevents/{id}', { id }),
  calendarEventAnswer: (id: string) => apiPath('/api/calendarevents/{id}/answer', { id }),
  calendarOccurrences: apiPath('/api/calendar-occurrences'),
  calls: apiPath('/api/calls'),
  call: (id: string) => apiPath('/api/calls/{id}', { id }),
  customFields: apiPath('/api/custom-fields'),
  customField: (id: string) => apiPath('/api/custom-fields/{id}', { id }),
  emails: apiPath('/api/emails'),
  email: (id: string) => apiPath('/api/emails/{id}', { id }),
  emailTemplates: apiPath('/api/email-templates'),
  emailTemplate: (id: string) => apiPath('/api/email-templates/{id}', { id }),
  emailTemplateRender: (id: string) => apiPath('/api/email-templates/{id}/render', { id }),
  emailVerifications: apiPath('/api/email-verifications'),
  files: apiPath('/api/files'),
  file: (id: string) => apiPath('/api/files/{id}', { id }),
  fileContent: (id: string) => apiPath('/api/files/{id}/content', { id }),
  mailMessages: apiPath('/api/mail-messages'),
  mailMessage: (id: string) => apiPath('/api/mail-messages/{id}', { id }),
  mailMessageRetry: (id: string) => apiPath('/api/mail-messages/{id}/retry', { id }),
  menus: apiPath('/api/menus'),
  menu: (menu: string) => apiPath('/api/menus/{menu}', { menu }),
  menuItems: (menu: string) => apiPath('/api/menus/{menu}/items', { menu }),
  menuItem: (menu: string, key: string) => apiPath('/api/menus/{menu}/items/{key}', { menu, key }),
  menuUpdates: (menu: string) => apiPath('/api/menus/{menu}/updates', { menu }),
  menuUpdate: (menu: string, key: string) => apiPath('/api/menus/{menu}/updates/{key}', { menu, key }),
  organizations: apiPath('/api/organizations'),
  organization: (id: string) => apiPath('/api/organizations/{id}', { id }),
  passwordPolicy: apiPath('/api/password-policy'),
  passwordResetRequests: apiPath('/api/password-reset-requests'),
  passwordResets: apiPath('/api/password-resets'),
  passwordResetsBulk: apiPath('/api/password-resets/bulk'),
  roles: apiPath('/api/roles'),
  role: (id: string) => apiPath('/api/roles/{id}', { id }),
  sessions: apiPath('/api/sessions'),
  session: (id: string) => apiPath('/api/sessions/{id}', { id }),
  currentSession: apiPath('/api/sessions/current'),
  settings: apiPath('/api/settings'),
  setting: (key: string) => apiPath('/api/settings/{key}', { key }),
  tasks: apiPath('/api/tasks'),
  task: (id: string) => apiPath('/api/tasks/{id}', { id }),
  userProfile: apiPath('/api/userprofile'),
  users: apiPath('/api/users'),
  /** `me` for the signed-in user, wherever a user id is accepted. */
  user: (id: string) => apiPath('/api/users/{id}', { id }),
  userActivities: (id: string) => apiPath('/api/users/{id}/activities', { id }),
  userApiKey: (id: string) => apiPath('/api/users/{id}/api-key', { id }),
  userAuditEvents: (id: string) => apiPath('/api/users/{id}/audit-events', { id }),
  userPasswordChange: (id: string) => apiPath('/api/users/{id}/password-change', { id }),
  userPasswordReset: (id: string) => apiPath('/api/users/{id}/password-reset', { id }),
  userPasswordSet: (id: string) => apiPath('/api/users/{id}/password-set', { id }),
  myCalendarFeed: apiPath('/api/users/me/calendar-feed'),
} as const;
