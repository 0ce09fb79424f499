import { ApiError, attributePath, pointerOf } from '../app/api';
import { errorObjectText } from '../i18n/error-text';

/** An API failure split for a form: messages by form field, and what no field can show. */
export type RoutedErrors = {
  /** `{ 'emails.0.email': 'message' }`: dot paths, the convention of Mantine's `useForm`. */
  fields: Record<string, string>;
  /** The messages of errors that point at no field of this form (joined by spaces), or null. */
  form: string | null;
};

/**
 * Routes a failed request's errors to a form: an error whose `source.pointer` is
 * `/data/attributes/<field>[/…]` (or starts with a key of `pointers`, e.g.
 * `{ '/data/relationships/roles': 'roleIds' }`) goes to that field when `fieldNames` has its first
 * segment; every other error (no pointer, a parameter, a field this form does not show, a network
 * failure) goes to the form-level message. The first message per field wins. Messages come from
 * the catalog by the error's `code` (web/i18n/error-text.ts), falling back to the server's detail.
 */
export function routeServerErrors(
  error: unknown,
  fieldNames: Iterable<string>,
  pointers: Readonly<Record<string, string>> = {},
): RoutedErrors {
  if (!(error instanceof ApiError)) {
    return { fields: {}, form: error instanceof Error ? error.message : String(error) };
  }
  const known = new Set(fieldNames);
  const fields: Record<string, string> = {};
  const others: string[] = [];
  for (const item of error.errors) {
    const text = errorObjectText(item);
    const field = fieldOf(pointerOf(item), pointers);
    if (field !== undefined && known.has(field.split('.')[0] ?? '')) {
      if (!(field in fields)) fields[field] = text;
    } else if (!others.includes(text)) {
      others.push(text);
    }
  }
  return { fields, form: others.length > 0 ? others.join(' ') : null };
}

function fieldOf(
  pointer: string | undefined,
  pointers: Readonly<Record<string, string>>,
): string | undefined {
  if (!pointer) return undefined;
  for (const [prefix, field] of Object.entries(pointers)) {
    if (pointer === prefix || pointer.startsWith(`${prefix}/`)) return field;
  }
  return attributePath(pointer);
}
