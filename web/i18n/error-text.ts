import type { ApiErrorObject } from '../app/api';
import { ApiError } from '../app/api';
import { en } from './en';
import { errorsWithSpecificDetail } from './en/errors';
import { i18n } from './index';

type ErrorCode = keyof typeof en.errors;

function isCatalogued(code: string): code is ErrorCode {
  return Object.hasOwn(en.errors, code);
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
  return i18n.t('errors:internal_error');
}
