import type { ApiErrorObject } from '../app/api';
import { ApiError, internalErrorText } from '../app/api';
import type { errors } from './en/errors';
import { errorsWithSpecificDetail } from './error-details';
import { i18n } from './index';

type ErrorCode = keyof typeof errors;

/** The code has words in the errors catalog (once it has loaded: web/i18n/lazy/errors.ts). */
function isCatalogued(code: string): code is ErrorCode {
  return i18n.exists(`errors:${code}`, { lng: 'en' });
}

/**
 * The words for one JSON:API error object: the catalog's `errors:<code>` entry (placeholders
 * filled from `meta`) when the code is catalogued, else the server's `detail`. For a code whose
 * detail names the field's own rule, value or limit (`errorsWithSpecificDetail`: a schema rule
 * such as "Type a subject.", a password rule with the policy's numbers) the detail is kept, the
 * catalog's words standing in only when there is none.
 */
export function errorObjectText(item: Pick<ApiErrorObject, 'code' | 'detail' | 'meta'>): string {
  if (!isCatalogued(item.code)) return item.detail;
  if (errorsWithSpecificDetail.has(item.code) && item.detail) return item.detail;
  return i18n.t(`errors:${item.code}`, { ...item.meta, defaultValue: item.detail });
}

/**
 * The words for any failure a mutation or query can throw: the first error of an `ApiError` by its
 * code (errorObjectText), an `Error`'s message otherwise, and a generic sentence for anything else.
 */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const first = error.errors[0];
    return first ? errorObjectText(first) : error.message;
  }
  if (error instanceof Error) return error.message;
  return internalErrorText();
}
