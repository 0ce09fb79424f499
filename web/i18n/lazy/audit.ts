import { audit } from '../en/audit';
import { addNamespace } from '../index';

/**
 * The `audit` catalog namespace, added when the first module that needs it loads (each of them
 * imports this module): only lazily loaded pages use it, so its strings stay out of the sign-in
 * page's JavaScript (scripts/bundle-size.ts). Typed in web/i18n/i18next.d.ts; its translation in the interface language loads with it.
 */
addNamespace('audit', audit);
