import 'i18next';
import type { en } from './en';
import type { access } from './en/access';
import type { activities } from './en/activities';
import type { apiKeys } from './en/api-keys';
import type { audit } from './en/audit';
import type { calendar } from './en/calendar';
import type { customFields } from './en/custom-fields';
import type { emailTemplates } from './en/email-templates';
import type { errors } from './en/errors';
import type { mail } from './en/mail';
import type { organizations } from './en/organizations';
import type { passwords } from './en/passwords';
import type { settings } from './en/settings';
import type { tasks } from './en/tasks';
import type { users } from './en/users';
import type { lazyNamespaces } from './lazy-namespaces';

// Types every `t()` call against the English catalog: an unknown key or namespace fails typecheck.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    // Namespaces of lazily loaded pages (web/i18n/lazy/, lazy-namespaces.ts) are typed as the rest.
    resources: typeof en &
      typeof lazyNamespaces & {
        calendar: typeof calendar;
        tasks: typeof tasks;
        emailTemplates: typeof emailTemplates;
        activities: typeof activities;
        organizations: typeof organizations;
        customFields: typeof customFields;
        access: typeof access;
        passwords: typeof passwords;
        settings: typeof settings;
        users: typeof users;
        mail: typeof mail;
        audit: typeof audit;
        apiKeys: typeof apiKeys;
        errors: typeof errors;
      };
  }
}
