import { settings } from '../en/settings';
import { addNamespace } from '../index';

/**
 * The `settings` catalog namespace, added when the first module that needs it loads (the
 * Configuration pages import this module): their strings stay out of the first pages' JavaScript
 * (scripts/bundle-size.ts). Typed in web/i18n/i18next.d.ts; its translation in the interface language loads with it.
 */
addNamespace('settings', settings);
