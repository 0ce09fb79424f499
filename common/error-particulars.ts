/**
 * Issue 16: the particulars of an error whose words depend on them (a limit, a count, a size, a
 * parameter's or a value's name, the allowed values), by the error's stable code. The server puts
 * them in the error's `meta` (through `errorMeta`, so a code missing here, or a member missing from
 * its meta, does not compile); the SPA words the error from them in the reader's language
 * (`errors:particulars.<code>` in web/i18n/<language>/errors.ts, read by web/i18n/error-text.ts),
 * never from the English `detail`.
 *
 * An entry is either the list of the meta members, or — for a code thrown for several reasons —
 * the members of each `reason` (the meta then holds `reason` too, and the SPA's words are
 * `errors:particulars.<code>_<reason>`). A code absent from this table says the same words
 * whatever happened: the SPA's catalog entry for it is fixed.
 */
export const errorParticulars = {
  // zod's issue codes (server/platform/http/validation.ts: issueMeta)
  too_small: ['minimum', 'origin', 'inclusive'],
  too_big: ['maximum', 'origin', 'inclusive'],
  invalid_value: ['allowed'],
  invalid_format: ['format'],
  not_multiple_of: ['divisor'],
  invalid_type: { required: ['expected'], wrong_type: ['expected'] },
  custom: {
    required: [],
    too_short: ['minimum'],
    too_long: ['maximum'],
    control_characters: [],
    edge_space: [],
    listed_twice: [],
    email_spaces: [],
    email_at_sign: [],
    email_local_part_missing: [],
    email_local_part_too_long: ['maximum'],
    email_local_part_characters: [],
    email_domain: [],
  },
  // The password policy (common/password-policy.ts, server/features/passwords/rules.ts)
  password_too_short: ['rule', 'min', 'length'],
  password_too_long: ['rule', 'max'],
  // The JSON:API edge (server/platform/http)
  invalid_page_number: ['minimum', 'maximum'],
  invalid_page_size: ['minimum', 'maximum'],
  invalid_parameter: { page_conflict: ['parameter'], not_plain: ['parameter'] },
  repeated_parameter: ['parameter'],
  parameter_required: ['parameter'],
  unknown_parameter: { not_supported: ['parameter'], cursor_only: ['parameter'] },
  unknown_member: ['member'],
  type_mismatch: ['allowed'],
  invalid_sort: { syntax: [], repeated: ['field'], fixed: ['allowed'] },
  unknown_sort_field: ['field', 'allowed'],
  unknown_filter: ['field', 'allowed'],
  unsupported_filter_operator: ['operator', 'field', 'allowed'],
  unsupported_include: ['include', 'allowed'],
  unknown_fieldset_type: ['type', 'allowed'],
  unknown_fieldset_field: ['type', 'field', 'allowed'],
  invalid_filter_value: {
    boolean: ['parameter'],
    required: ['parameter'],
    too_many: ['parameter', 'maximum'],
    number: ['parameter'],
    date_time: ['parameter'],
    date: ['parameter'],
    choice: ['parameter', 'allowed'],
    id: ['parameter'],
    role_list: ['parameter', 'maximum'],
    owner: ['parameter'],
    invitations: ['parameter'],
  },
  invalid_text: { nul: [], lone_surrogate: [], percent_encoding: [] },
  nesting_too_deep: ['maxLevel'],
  method_not_allowed: ['method', 'allowed'],
  route_not_found: ['method', 'path'],
  // Files and pictures
  attachment_too_large: ['maxBytes', 'maxMegabytes'],
  attachments_too_large: ['maxBytes', 'maxMegabytes'],
  attachments_invalid: ['maximum'],
  avatar_too_large: ['maxBytes', 'maxMegabytes'],
  avatar_too_many_pixels: ['maxPixels', 'maxMegapixels'],
  // Users, roles and permissions
  birthday_out_of_range: { future: [], too_old: ['maxYears'] },
  phone_invalid: { required: [], characters: [], invalid: [], invalid_for_country: ['country'] },
  email_duplicate: { primary: [], listed_twice: [], additional: [] },
  role_exceeds_own_permissions: ['role'],
  unknown_permission: ['permission'],
  instance_permission: ['permission'],
  permission_not_held: ['permission'],
  // Custom fields
  custom_field_limit: ['limit'],
  custom_field_name_taken: ['name'],
  custom_field_unknown: ['name'],
  custom_field_choice_duplicate: ['choice'],
  custom_field_required: ['label'],
  custom_field_invalid: {
    not_visible: ['label'],
    text: ['label'],
    control_characters: ['label'],
    too_long: ['label', 'maximum'],
    number: ['label'],
    date: ['label'],
    boolean: ['label'],
    choice: ['label', 'allowed'],
  },
  // Calendar and tasks
  date_out_of_range: ['minimum', 'maximum'],
  invalid_date: { format: ['expected'], not_existing: [] },
  invalid_date_time: { format: [], not_existing: [] },
  invalid_time_zone: { not_iana: ['example'] },
  end_before_start: { all_day: [], timed: [] },
  range_too_long: ['maxDays'],
  too_many_occurrences: ['maximum'],
  recurrence_invalid: {
    not_a_part: ['part'],
    unsupported_part: ['part'],
    repeated_part: ['part'],
    frequency_required: [],
    interval_not_whole: [],
    interval_too_large: ['maximum'],
    count_out_of_range: ['minimum', 'maximum'],
    count_and_until: [],
    until_format: [],
    unreadable: [],
  },
  recurrence_too_frequent: { sub_daily: [], per_year: ['maximum'] },
  due_date_in_past: { past: [], before_creation: [] },
  task_status_transition: ['from', 'to'],
  // Emails, templates, mail
  email_templates_limit: ['limit'],
  template_variable_unknown: ['variable', 'allowed'],
  invalid_email_address: { format: [], control_characters: [], recipient: [] },
  email_not_cancellable: ['status'],
  mail_not_failed: ['status'],
  // Menus and settings
  menu_not_found: ['allowed'],
  menu_url_not_allowed: ['allowed'],
  menu_too_deep: ['maxLevel'],
  menu_position_out_of_range: ['max'],
  menu_item_not_deletable: { custom: [], default: [] },
  setting_scope: ['key', 'scope'],
  setting_invalid: {
    value: ['key'],
    choice: ['key', 'allowed'],
    number_range: ['key', 'minimum', 'maximum'],
    text_length: ['key', 'minimum', 'maximum'],
    text_too_long: ['key', 'maximum'],
    locale: ['key', 'example'],
    time_zone: ['key', 'example'],
    email: ['key', 'example'],
    https_url: ['key', 'example'],
    url_template: ['key', 'example'],
    own_email: [],
    not_user_setting: ['key'],
  },
} as const satisfies Record<string, readonly string[] | { readonly [reason: string]: readonly string[] }>;

/** A code whose error carries its particulars in `meta`. */
export type ParticularCode = keyof typeof errorParticulars;

/** What a member of meta holds: a number, a word, a flag or a list (the allowed values). */
export type ParticularValue = string | number | boolean | readonly (string | number)[];

type MembersOf<Names extends readonly string[]> = { [Name in Names[number]]: ParticularValue };

/** The meta of an error with this code: every member its entry names (and `reason`, when it has reasons). */
export type ErrorParticulars<Code extends ParticularCode> =
  (typeof errorParticulars)[Code] extends infer Entry
    ? Entry extends readonly string[]
      ? MembersOf<Entry>
      : {
          [Reason in keyof Entry]: { reason: Reason } & MembersOf<
            Entry[Reason] extends readonly string[] ? Entry[Reason] : never
          >;
        }[keyof Entry]
    : never;

/** The meta of an error with this code, checked against the table: `meta: errorMeta(code, {...})`. */
export function errorMeta<Code extends ParticularCode>(
  _code: Code,
  meta: ErrorParticulars<Code>,
): Record<string, unknown> {
  return meta as Record<string, unknown>;
}

/**
 * The meta members a message for this code (and reason) may use: the table's, plus `reason` and
 * `count` (the number a plural turns on, which the SPA takes from the bound).
 */
export function particularNames(code: ParticularCode, reason?: string): readonly string[] {
  const entry: readonly string[] | Readonly<Record<string, readonly string[]>> = errorParticulars[code];
  const names = Array.isArray(entry)
    ? (entry as readonly string[])
    : reason === undefined
      ? []
      : ((entry as Readonly<Record<string, readonly string[]>>)[reason] ?? []);
  return [...names, 'reason', 'count'];
}

/** The reasons a code is thrown for (none when its entry is one list of members). */
export function particularReasons(code: ParticularCode): readonly string[] {
  const entry = errorParticulars[code];
  return Array.isArray(entry) ? [] : Object.keys(entry);
}
