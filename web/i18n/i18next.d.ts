import 'i18next';
import type { en } from './en';

// Types every `t()` call against the English catalog: an unknown key or namespace fails typecheck.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof en;
  }
}
