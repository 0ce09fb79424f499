import { app } from './app';
import { auth } from './auth';
import { common } from './common';
import { menus } from './menus';

/**
 * The English catalog: one namespace per feature (the folder names of web/features, camelCase),
 * plus `app` (the frame around every page) and `common` (shared words); `errors` (API error codes) loads just after the first page (web/i18n/lazy/errors.ts). Its shape is the type of every
 * `t()` key (web/i18n/i18next.d.ts): a key missing here does not compile.
 */
export const en = {
  app,
  auth,
  common,
  menus,
} as const;

export type Namespace = keyof typeof en;
