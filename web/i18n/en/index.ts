import { access } from './access';
import { activities } from './activities';
import { auth } from './auth';
import { calendar } from './calendar';
import { common } from './common';
import { customFields } from './custom-fields';
import { errors } from './errors';
import { menus } from './menus';
import { organizations } from './organizations';
import { passwords } from './passwords';
import { users } from './users';

/**
 * The English catalog: one namespace per feature (the folder names of web/features, camelCase),
 * plus `common` (shared words) and `errors` (API error codes). Its shape is the type of every
 * `t()` key (web/i18n/i18next.d.ts): a key missing here does not compile.
 */
export const en = {
  access,
  activities,
  auth,
  calendar,
  common,
  customFields,
  errors,
  menus,
  organizations,
  passwords,
  users,
} as const;

export type Namespace = keyof typeof en;
