import { z } from 'zod';
import { isCalendarDate } from './dates';
import type { ErrorParticulars } from './error-particulars';
import { PASSWORD_MAX_LENGTH } from './password-policy';
import {
  domainToAscii,
  invisibleTextProblem,
  type TextProblem,
  usernameUnicodeProblem,
} from './unicode-text';

/**
 * The user profile as the API accepts it (`PATCH /api/users/{id}` attributes), shared by the server
 * and the SPA's Edit My User form so both apply the same rules with the same messages.
 *
 * Wrong JSON types are 400 (zod `invalid_type`); values that break a rule are 422. Rules that need
 * the clock or the database (birthday range, uniqueness, phone country, custom field definitions)
 * are checked by the server's profile service.
 *
 * Whitespace: text is stored exactly as sent — emoji, combining marks, RTL text, inner spaces and
 * 255-character values round-trip unchanged, nothing is normalized or trimmed. Leading or trailing
 * whitespace and control characters (CR, LF, TAB …) are refused with a 422 instead of being
 * silently trimmed; the SPA trims before sending. An empty optional name ("" or null) clears it.
 */

export const USERNAME_MIN = 3;
export const USERNAME_MAX = 255;
export const FIRST_LAST_NAME_MAX = 100;
export const OTHER_NAME_MAX = 255;
export const EMAIL_MAX = 254;
export const EMAIL_LOCAL_MAX = 64;
export const ADDITIONAL_EMAILS_MAX = 20;
export const PHONE_MAX = 64;
export const BIRTHDAY_MAX_YEARS = 120;

/** Length as a person counts it: Unicode code points, not UTF-16 units. */
export function characterCount(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this refuses
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const EDGE_SPACE = /^\s|\s$/;

/**
 * A broken rule of a text: its English words and its particulars, which a schema passes as the
 * `custom` issue's params and the API answers as the error's `meta` (common/error-particulars.ts).
 */
export type TextRuleFault = { message: string; params: ErrorParticulars<'custom'> };

/** Why a single-line text is refused, or null when it is fine. */
export function lineTextProblem(value: string, label: string, max: number): string | null {
  return lineTextFault(value, label, max)?.message ?? null;
}

/** lineTextProblem with the particulars of the rule broken. */
export function lineTextFault(value: string, label: string, max: number): TextRuleFault | null {
  if (CONTROL.test(value)) {
    return {
      message: `${label} cannot contain line breaks or control characters.`,
      params: { reason: 'control_characters' },
    };
  }
  if (EDGE_SPACE.test(value)) {
    return { message: `${label} cannot start or end with a space.`, params: { reason: 'edge_space' } };
  }
  if (characterCount(value) > max) return tooLongFault(label, max);
  return null;
}

/** The words of a text over its maximum (in Unicode code points). */
export function tooLongFault(label: string, max: number): TextRuleFault {
  return {
    message: `${label} can have at most ${max} characters.`,
    params: { reason: 'too_long', maximum: max },
  };
}

/**
 * A string of at most `max` Unicode code points whose rules `check` reports. A value of more than
 * `max * 2` UTF-16 units has more than `max` code points: it is refused at once with the rule's own
 * `too_long` (maximum in code points, as the rule counts), so no rule scans a megabyte and the field
 * gets one error whatever its length. The OpenAPI description says `maxLength: max` (JSON Schema
 * counts code points too).
 */
export function boundedText(
  label: string,
  max: number,
  check: (value: string, ctx: z.RefinementCtx) => void,
) {
  return z
    .string()
    .superRefine((value, ctx) => {
      if (value.length > max * 2) addFault(ctx, tooLongFault(label, max));
      else check(value, ctx);
    })
    .meta({ maxLength: max });
}

/**
 * A text with no rule but its bound (multi-line text, rich text, tokens, values a later rule reads):
 * at most `max` Unicode code points, refused with the one `too_long` shape every bounded text
 * answers (`custom`, `meta: {reason: 'too_long', maximum}`), never zod's `too_big` in UTF-16 units.
 * Chain further rules (`.regex`, `.refine`) after it: the bound is checked first.
 */
export function limitedText(label: string, max: number) {
  return boundedText(label, max, (value, ctx) => {
    if (characterCount(value) > max) addFault(ctx, tooLongFault(label, max));
  });
}

/** The words of a required value left empty. */
export function requiredFault(label: string): TextRuleFault {
  return { message: `${label} is required.`, params: { reason: 'required' } };
}

/** Reports a broken text rule as a `custom` issue carrying its particulars. */
export function addFault(ctx: z.RefinementCtx, fault: TextRuleFault | null): void {
  if (fault) ctx.addIssue({ code: 'custom', message: fault.message, params: fault.params });
}

/** A single-line text schema: no control characters or edge spaces, at most `max` code points, at least `min`. */
export function lineText(label: string, max: number, min = 0) {
  return boundedText(label, max, (value, ctx) => {
    if (characterCount(value) < min) {
      addFault(
        ctx,
        min <= 1
          ? requiredFault(label)
          : {
              message: `${label} must have at least ${min} characters.`,
              params: { reason: 'too_short', minimum: min },
            },
      );
      return;
    }
    const fault = lineTextFault(value, label, max);
    if (fault) {
      addFault(ctx, fault);
      return;
    }
    // Required text must show something: "\u200b" alone is as empty as "".
    if (min >= 1) addProblem(ctx, invisibleTextProblem(value, label));
  });
}

/** Reports a rule with a stable code (`params.code`, which the API answers as the error's `code`). */
export function addProblem(ctx: z.RefinementCtx, problem: TextProblem | null): void {
  if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { code: problem.code } });
}

const LOCAL_PART = /^[^\s@"(),:;<>[\\\]]+$/u;
const DOMAIN_LABEL = /^(?!-)[\p{L}\p{N}-]{1,63}(?<!-)$/u;

/**
 * Why an email address is refused, or null: exactly one `@`, a local part of at most 64 and a whole
 * address of at most 254 characters, no spaces or control characters (so no CR/LF can ever reach a
 * mail header), and a domain of at least two dot-separated labels.
 */
export function emailProblem(value: string, label = 'The email address'): string | null {
  return emailFault(value, label)?.message ?? null;
}

/** emailProblem with the particulars of the rule broken. */
export function emailFault(value: string, label = 'The email address'): TextRuleFault | null {
  const fault = (message: string, params: ErrorParticulars<'custom'>) => ({ message, params });
  if (value === '') return requiredFault(label);
  if (CONTROL.test(value) || /\s/.test(value))
    return fault(`${label} cannot contain spaces or line breaks.`, { reason: 'email_spaces' });
  if (characterCount(value) > EMAIL_MAX)
    return fault(`${label} can have at most ${EMAIL_MAX} characters.`, {
      reason: 'too_long',
      maximum: EMAIL_MAX,
    });
  const parts = value.split('@');
  if (parts.length !== 2)
    return fault(`${label} must contain exactly one "@", like name@example.com.`, {
      reason: 'email_at_sign',
    });
  const [local = '', domain = ''] = parts;
  if (local === '') {
    return fault(`${label} needs a name before the "@", like name@example.com.`, {
      reason: 'email_local_part_missing',
    });
  }
  if (characterCount(local) > EMAIL_LOCAL_MAX) {
    return fault(`The part before the "@" can have at most ${EMAIL_LOCAL_MAX} characters.`, {
      reason: 'email_local_part_too_long',
      maximum: EMAIL_LOCAL_MAX,
    });
  }
  if (!LOCAL_PART.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return fault(`${label} has characters that are not allowed before the "@".`, {
      reason: 'email_local_part_characters',
    });
  }
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((part) => DOMAIN_LABEL.test(part))) {
    return fault(`${label} needs a domain after the "@", like name@example.com.`, { reason: 'email_domain' });
  }
  // Addresses are compared by the IDNA (UTS #46) form of their domain: it must have one.
  if (domainToAscii(domain) === null)
    return fault(`${label} has a domain that is not a valid domain name.`, { reason: 'email_domain' });
  return null;
}

function emailAddress(label: string) {
  return boundedText(label, EMAIL_MAX, (value, ctx) => addFault(ctx, emailFault(value, label)));
}

const optionalName = (label: string) => lineText(label, OTHER_NAME_MAX).nullable().optional();

/** `YYYY-MM-DD`, its length. */
export const ISO_DATE_LENGTH = 10;

/**
 * `YYYY-MM-DD`, a real calendar date: else `invalid_date` with `meta.reason` `format` (and the
 * format expected) or `not_existing` (1990-02-30).
 */
export const isoDateSchema = limitedText('The date', ISO_DATE_LENGTH).superRefine((value, ctx) => {
  if (value.length > ISO_DATE_LENGTH) return; // the bound's own too_long
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    ctx.addIssue({
      code: 'custom',
      message: 'Use the format YYYY-MM-DD.',
      params: { code: 'invalid_date', reason: 'format', expected: 'YYYY-MM-DD' },
    });
  } else if (!isCalendarDate(value)) {
    ctx.addIssue({
      code: 'custom',
      message: 'This date does not exist.',
      params: { code: 'invalid_date', reason: 'not_existing' },
    });
  }
});

/** A custom field value as it travels: its definition decides which of these it must be. */
export const customFieldValueSchema = z.union(
  [limitedText('The value', 20_000), z.number(), z.boolean(), z.null()],
  {
    error: 'A custom field value must be text, a number, true, false or null.',
  },
);

/** The attributes of `PATCH /api/users/{id}`: every member optional, unknown members refused. */
export const userProfileUpdateSchema = z.strictObject({
  username: lineText('The username', USERNAME_MAX, USERNAME_MIN)
    // A login is a username or an email: a username must never look like someone else's email.
    .superRefine((value, ctx) => addProblem(ctx, usernameUnicodeProblem(value)))
    .optional(),
  namePrefix: optionalName('The name prefix'),
  firstName: lineText('The first name', FIRST_LAST_NAME_MAX, 1).optional(),
  middleName: optionalName('The middle name'),
  lastName: lineText('The last name', FIRST_LAST_NAME_MAX, 1).optional(),
  nameSuffix: optionalName('The name suffix'),
  birthday: isoDateSchema.nullable().optional(),
  email: emailAddress('The primary email').optional(),
  additionalEmails: z
    .array(emailAddress('The email address'))
    .max(
      ADDITIONAL_EMAILS_MAX,
      `A user can have at most ${ADDITIONAL_EMAILS_MAX} additional email addresses.`,
    )
    .optional(),
  phone: lineText('The phone number', PHONE_MAX).nullable().optional(),
  customFields: z.record(z.string().max(64), customFieldValueSchema).optional(),
  /** Needed (and only used) when a user changes their own primary email. */
  currentPassword: passwordText().optional(),
  /** Administrators only (`users.disable`). */
  enabled: z.boolean().optional(),
  /** Instance administrators only: appoints or dismisses another instance administrator. */
  instanceAdministrator: z.boolean().optional(),
});

export type UserProfileUpdate = z.infer<typeof userProfileUpdateSchema>;

/** The editable profile as the SPA's form holds it (strings, '' for empty). */
export type UserProfileForm = {
  username: string;
  namePrefix: string;
  firstName: string;
  middleName: string;
  lastName: string;
  nameSuffix: string;
  birthday: string;
  email: string;
  additionalEmails: string[];
  phone: string;
  currentPassword: string;
};

// ── Custom user fields ────────────────────────────────────────────────────────────────────────

export const customFieldTypes = ['text', 'longtext', 'number', 'date', 'boolean', 'choice'] as const;
export type CustomFieldKind = (typeof customFieldTypes)[number];

export const customFieldTypeLabels: Record<CustomFieldKind, string> = {
  text: 'Text',
  longtext: 'Long text',
  number: 'Number',
  date: 'Date',
  boolean: 'Yes/No',
  choice: 'Choice list',
};

export const CUSTOM_TEXT_MAX = 255;
export const CUSTOM_LONGTEXT_MAX = 10_000;
export const CUSTOM_CHOICES_MAX = 100;

/** What the value check needs of a definition. */
export type CustomFieldRule = {
  label: string;
  type: CustomFieldKind;
  isRequired: boolean;
  choices: string[] | null;
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters
const CONTROL_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Why a custom field value is refused by its definition, or null. `null` and '' mean "no value",
 * refused only for required fields. Numbers must be JSON numbers, dates `YYYY-MM-DD`, yes/no
 * booleans, choices one of the definition's choices (exactly, case included).
 */
export function customFieldValueProblem(rule: CustomFieldRule, value: unknown): string | null {
  return customFieldValueFault(rule, value)?.message ?? null;
}

/** A refused custom field value: its error code, English words and particulars (the error's `meta`). */
export type CustomFieldValueFault =
  | { code: 'custom_field_required'; message: string; meta: ErrorParticulars<'custom_field_required'> }
  | { code: 'custom_field_invalid'; message: string; meta: ErrorParticulars<'custom_field_invalid'> };

/** Why a custom field value is refused (customFieldValueProblem), with the code and meta of its error. */
export function customFieldValueFault(rule: CustomFieldRule, value: unknown): CustomFieldValueFault | null {
  const { label } = rule;
  const invalid = (
    message: string,
    meta: ErrorParticulars<'custom_field_invalid'>,
  ): CustomFieldValueFault => ({ code: 'custom_field_invalid', message, meta });
  if (value === null || value === undefined || value === '') {
    if (!rule.isRequired) return null;
    return {
      code: 'custom_field_required',
      message: `${label} is required.`,
      meta: { label },
    };
  }
  if (rule.isRequired && typeof value === 'string' && invisibleTextProblem(value, label)) {
    return invalid(`${label} is required: it must contain at least one visible character.`, {
      reason: 'not_visible',
      label,
    });
  }
  switch (rule.type) {
    case 'text':
    case 'longtext': {
      const long = rule.type === 'longtext';
      const maximum = long ? CUSTOM_LONGTEXT_MAX : CUSTOM_TEXT_MAX;
      if (typeof value !== 'string') return invalid(`${label} must be text.`, { reason: 'text', label });
      if ((long ? CONTROL_EXCEPT_LINE_BREAKS : CONTROL).test(value)) {
        const words = long ? 'control characters' : 'line breaks or control characters';
        return invalid(`${label} cannot contain ${words}.`, { reason: 'control_characters', label });
      }
      if (characterCount(value) > maximum) {
        return invalid(`${label} can have at most ${maximum} characters.`, {
          reason: 'too_long',
          label,
          maximum,
        });
      }
      return null;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value))
        return invalid(`${label} must be a number.`, { reason: 'number', label });
      return null;
    case 'date':
      if (typeof value !== 'string' || !isCalendarDate(value))
        return invalid(`${label} must be a date (YYYY-MM-DD).`, { reason: 'date', label });
      return null;
    case 'boolean':
      if (typeof value !== 'boolean')
        return invalid(`${label} must be yes (true) or no (false).`, { reason: 'boolean', label });
      return null;
    case 'choice': {
      const allowed = rule.choices ?? [];
      if (typeof value !== 'string' || !allowed.includes(value)) {
        return invalid(`${label} must be one of: ${allowed.join(', ')}.`, {
          reason: 'choice',
          label,
          allowed,
        });
      }
      return null;
    }
  }
}

const choiceText = lineText('A choice', CUSTOM_TEXT_MAX, 1);

/** The attributes of a custom field definition (`custom-fields` resource). */
export const customFieldDefinitionSchema = z.strictObject({
  name: limitedText('The name', 64).regex(
    /^[a-z][a-z0-9_]*$/,
    'The name must start with a lower-case letter and contain only a–z, 0–9 and _ (like shirt_size).',
  ),
  label: lineText('The label', CUSTOM_TEXT_MAX, 1),
  /** The kind of value (`type` is reserved by JSON:API for the resource type, so not that name). */
  fieldType: z.enum(customFieldTypes, {
    error: `The field type must be one of: ${customFieldTypes.join(', ')}.`,
  }),
  required: z.boolean().optional(),
  choices: z
    .array(choiceText)
    .max(CUSTOM_CHOICES_MAX, `A choice list can have at most ${CUSTOM_CHOICES_MAX} choices.`)
    .nullable()
    .optional(),
  position: z
    .number()
    .int('The position must be a whole number.')
    .min(0)
    .max(10_000)
    .meta({ format: 'int32' })
    .optional(),
});

export type CustomFieldDefinitionInput = z.infer<typeof customFieldDefinitionSchema>;

/** What PATCH may change: everything but the machine name and the field type, which values depend on. */
export const customFieldDefinitionUpdateSchema = customFieldDefinitionSchema
  .omit({ name: true, fieldType: true })
  .partial();

/**
 * A typed password as a request carries it: any string, bounded cheaply so that nothing long is
 * normalized, hashed or checked. More than `PASSWORD_MAX_LENGTH` code points (as typed) is refused
 * with the policy's own `password_too_long` (`meta: {rule: 'too_long', max}`), so a field gets one
 * error whatever its length, and a sign-in or a current password that long never reaches the
 * credential check (nor counts as a failed attempt). `emptyMessage`: the words for an
 * empty value, where one is required.
 */
export function passwordText(emptyMessage?: string) {
  const text = emptyMessage === undefined ? z.string() : z.string().min(1, emptyMessage);
  return text
    .superRefine((value, ctx) => {
      // Over twice the bound in UTF-16 units is over it in code points without counting them.
      if (value.length <= PASSWORD_MAX_LENGTH) return;
      if (value.length <= PASSWORD_MAX_LENGTH * 2 && characterCount(value) <= PASSWORD_MAX_LENGTH) return;
      ctx.addIssue({
        code: 'custom',
        message: `The password must have at most ${PASSWORD_MAX_LENGTH} characters.`,
        params: { code: 'password_too_long', rule: 'too_long', max: PASSWORD_MAX_LENGTH },
      });
    })
    .meta({ maxLength: PASSWORD_MAX_LENGTH });
}
