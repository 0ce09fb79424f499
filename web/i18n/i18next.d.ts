import 'i18next';
import type { en } from './en';
import type { lazyNamespaces } from './lazy-namespaces';

// Types every `t()` call against the English catalog: an unknown key or namespace fails typecheck.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof en & typeof lazyNamespaces;
  }
}
