import { app } from './app';
import { auth } from './auth';
import { common } from './common';
import { errors } from './errors';
import { menus } from './menus';

/**
 * The English catalog: one namespace per feature (the folder names of web/features, camelCase),
 * plus `app` (the frame around every page), `common` (shared words) and `errors` (API error codes). Its shape is the type of every
 * `t()` key (web/i18n/i18next.d.ts): a key missing here does not compile.
 */
export const en = {
  app,
  auth,
  common,
  errors,
  menus,
} as const;

export type Namespace = keyof typeof en;
