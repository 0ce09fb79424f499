import { settings } from '../en/settings';
import { i18n } from '../index';

/**
 * The `settings` catalog namespace, added when the first module that needs it loads (the
 * Configuration pages import this module): their strings stay out of the first pages' JavaScript
 * (scripts/bundle-size.ts). Typed in web/i18n/i18next.d.ts.
 */
if (!i18n.hasResourceBundle('en', 'settings')) i18n.addResourceBundle('en', 'settings', settings);
