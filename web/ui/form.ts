import { type FormErrors, schemaResolver } from '@mantine/form';

/** A Standard Schema (zod 4 schemas are). */
type Schema = Parameters<typeof schemaResolver>[0];

/**
 * A `validate` function for Mantine's `useForm` from a shared schema in `common/` (zod 4 is a
 * Standard Schema): the same rules as the server, so most mistakes show before sending. `toInput`
 * turns the form's values into what the schema checks (trimmed strings, form-only fields left
 * out); `extra` adds rules the schema cannot know (e.g. "type a password"), applied where the
 * schema found nothing. Errors are keyed by dot path (`emails.0.email`).
 */
export function validateWith<Values>(
  schema: Schema,
  toInput: (values: Values) => unknown = (values) => values,
  extra?: (values: Values) => FormErrors,
): (values: Values) => FormErrors {
  const resolve = schemaResolver(schema, { sync: true });
  return (values) => {
    const errors = resolve(toInput(values));
    for (const [field, message] of Object.entries(extra?.(values) ?? {})) {
      if (message && !errors[field]) errors[field] = message;
    }
    return errors;
  };
}
