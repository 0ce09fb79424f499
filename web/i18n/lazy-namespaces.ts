import { calendarSharing } from './en/calendar-sharing';
import { addNamespace } from './index';

/**
 * Catalog namespaces that only lazily loaded pages use: added to the i18next instance when the
 * first module that needs them loads (import this module from it), so their strings stay out of
 * the sign-in page's first download (its JavaScript budget, scripts/bundle-size.ts). Typed like
 * the startup catalog (web/i18n/i18next.d.ts).
 */
export const lazyNamespaces = { calendarSharing } as const;

for (const [namespace, strings] of Object.entries(lazyNamespaces)) addNamespace(namespace, strings);
