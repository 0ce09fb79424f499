import type { FormErrors } from '@mantine/form';
import type { ZodType } from 'zod';
import { issueText } from '../i18n/error-text';

/**
 * A `validate` function for Mantine's `useForm` from a shared zod schema in `common/`: the same
 * rules as the server, so most mistakes show before sending, worded as the server's errors are
 * (web/i18n/error-text.ts `issueText`: the reader's language, by the code and particulars the
 * server would send). `toInput` turns the form's values into what the schema checks (trimmed
 * strings, form-only fields left out); `extra` adds rules the schema cannot know (e.g. "type a
 * password"), applied where the schema found nothing. Errors are keyed by dot path
 * (`emails.0.email`), the first problem of a field its message.
 */
export function validateWith<Values>(
  schema: ZodType,
  toInput: (values: Values) => unknown = (values) => values,
  extra?: (values: Values) => FormErrors,
): (values: Values) => FormErrors {
  return (values) => {
    const errors: FormErrors = {};
    const result = schema.safeParse(toInput(values));
    for (const issue of result.error?.issues ?? []) {
      const field = issue.path.map(String).join('.');
      errors[field] ??= issueText(issue);
    }
    for (const [field, message] of Object.entries(extra?.(values) ?? {})) {
      if (message && !errors[field]) errors[field] = message;
    }
    return errors;
  };
}
