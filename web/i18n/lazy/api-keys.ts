import { apiKeys } from '../en/api-keys';
import { i18n } from '../index';

/**
 * The `apiKeys` catalog namespace, added when the first module that needs it loads (each of them
 * imports this module): only lazily loaded pages use it, so its strings stay out of the sign-in
 * page's JavaScript (scripts/bundle-size.ts). Typed in web/i18n/i18next.d.ts.
 */
if (!i18n.hasResourceBundle('en', 'apiKeys')) i18n.addResourceBundle('en', 'apiKeys', apiKeys);
