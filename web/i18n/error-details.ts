import { errorParticulars } from '../../common/error-particulars';

/**
 * The codes whose words depend on particulars the server sends in the error's `meta`
 * (common/error-particulars.ts): with them, `errors:particulars.<code>` words the error; without
 * (an older server), the server's detail is shown to English readers only. Every other code says
 * the same words whatever happened: its catalog entry is fixed. A module of its own so that the
 * catalog itself loads lazily (web/i18n/lazy/errors.ts).
 */
export const errorsWithSpecificDetail: ReadonlySet<string> = new Set<string>(Object.keys(errorParticulars));
