/**
 * What the SPA says for an API error, by its stable `code`: every code the server can answer
 * (server/platform/http/errors.ts and each feature's codes, zod's issue codes through
 * server/platform/http/validation.ts, `password_<rule>` from common/password-policy.ts) has an entry
 * — web/i18n/error-codes.test.ts finds the server's codes and fails on a missing one.
 * Messages are ICU MessageFormat; their arguments (`{limit}`, `{count, plural, …}`) come from the error's `meta`.
 */
export const errors = {
  // Said by the SPA itself, or in place of the server's words whatever they were.
  network_error: 'The server could not be reached. Check your connection and try again.',
  internal_error: 'Something went wrong on our side. Try again in a moment.',
  forbidden: 'You do not have the permission to do this.',
  not_found: 'This record does not exist or was deleted.',
  rate_limited: 'Too many attempts. Wait a moment and try again.',
  /** A failure whose answer carried no JSON:API error (e.g. a proxy's page): `http_<status>`. */
  http_error: 'The request failed (HTTP {status}).',

  // Codes whose server detail is always the same sentence: these words replace it.
  account_disabled: 'This account is disabled. Ask an administrator.',
  account_locked:
    'Too many failed sign-ins: this account is locked for a while. Try again later or reset your password.',
  api_key_not_found: 'This user has no API key in this organization.',
  attendee_duplicate: 'This guest is listed twice.',
  authorization_header_invalid:
    'Send an API key as "Authorization: Bearer <key>": no other form of this header is accepted.',
  avatar_file_missing: 'Send the picture in a multipart field named "file".',
  avatar_type_not_supported:
    'The file is not a picture Atrium accepts. Choose a PNG, JPEG, WebP or GIF image.',
  avatar_unreadable:
    'The picture could not be read: the file may be damaged or incomplete. Choose another one.',
  cannot_disable_self: 'You cannot disable your own account.',
  cannot_dismiss_self: 'You cannot dismiss yourself as an instance administrator. Ask another one to do it.',
  cannot_remove_own_admin_role:
    'You cannot remove your own last administrator role. Ask another administrator to do it.',
  client_generated_id: 'This endpoint makes the ids of the resources it creates: send no data.id.',
  credential_in_url: 'Send API keys only in the Authorization header.',
  cross_site_request: 'Cross-site requests are not allowed.',
  csrf_token_invalid: 'The request is missing a valid X-CSRF-Token header.',
  current_password_wrong: 'The current password is not correct.',
  custom_field_choices_required: 'A choice list needs at least one choice.',
  custom_field_choices_unexpected: 'Only a choice list has choices.',
  email_from_not_allowed:
    'Send from your primary email address or one of your verified additional addresses.',
  email_not_found: 'The email replied to was not found.',
  email_recipients_required: 'Add at least one recipient in To, Cc or Bcc.',
  email_template_name_taken: 'Another email template of this organization has this name.',
  end_required: 'Give the end when switching between all-day and timed.',
  file_missing: 'Send the file in a multipart field named "file".',
  file_not_found: 'Attach files you uploaded (POST /api/files).',
  file_type_unknown:
    'This kind of file cannot be attached: it is empty, a program, or not recognized from its content.',
  id_mismatch: 'The id in the body does not match the resource in the URL.',
  invalid_credentials: 'The username or password is incorrect.',
  invalid_date: 'This is not a date (YYYY-MM-DD).',
  invalid_time_zone: 'Choose a time zone such as Europe/Berlin.',
  invalid_encoding: 'The request body is not valid UTF-8.',
  invalid_if_match:
    'The If-Match header must be * or the ETag read with the record, in double quotes (like "v3").',
  invalid_link_path: 'A link in an email must be a path of Atrium, like /users/me.',
  invalid_range: 'filter[start][lt] must be after filter[start][gte].',
  last_administrator: 'This would leave the organization without an active administrator.',
  menu_divider_label: 'This divider has no label.',
  menu_divider_url: 'A divider has no URL.',
  menu_item_custom: 'A custom item has no default: delete it instead.',
  menu_item_not_found: 'This menu has no such item.',
  menu_url_not_allowed: 'Use a path in Atrium (starting with /) or an https:// address.',
  menu_parent_descendant: 'An item cannot move under itself or its own descendant.',
  menu_parent_divider: 'A divider cannot hold items.',
  menu_parent_not_found: 'This menu has no such parent item.',
  menu_url_required: 'A link needs a URL: a path in Atrium or an https:// address.',
  no_organization: 'This account belongs to no organization.',
  no_session: 'Requests made with an API key have no session.',
  not_a_guest: 'You are not a guest of this event.',
  not_recurring: 'This event does not repeat: leave out occurrence.',
  occurrence_not_found: 'The series has no such occurrence.',
  organization_name_taken: 'An organization with this name already exists.',
  organization_not_found: 'The organization was not found.',
  password_change_required: 'You must change your password before you continue.',
  password_reset_required:
    'Your password was reset by an administrator. Use the link in the email we sent you.',
  password_unchanged: 'The new password must differ from the current one.',
  range_pagination_not_supported: 'Give page[after] or page[before], not both.',
  recurrence_empty: 'The rule never produces an occurrence: check its days and months.',
  recurrence_interval_zero: 'INTERVAL must be at least 1.',
  recurrence_on_occurrence: 'One occurrence of a series cannot repeat itself.',
  reminder_needs_due_date: 'Due date must be set for reminders.',
  role_not_found: 'This role does not exist in your organization.',
  send_at_past: 'Choose a time in the future to send later.',
  send_at_too_far: 'An email can be scheduled at most a year ahead.',
  server_busy: 'The server is busy. Try again in a moment.',
  session_required: 'Only a browser session can switch organizations.',
  stale_record:
    'This user was changed by someone else since you opened it. Reload it to see the changes, then make yours again.',
  start_required: 'Give the start when switching between all-day and timed.',
  task_status_initial: 'A new task starts Open.',
  template_variable_unfilled:
    "A template variable ('{{ … }}') is still in the text: replace it before sending.",
  too_many_parts: 'Send one multipart field named "file".',
  user_disabled: 'A disabled user cannot have their password reset. Enable the user first.',
  username_at_sign: 'The username cannot contain "@" (people sign in with a username or an email).',
  username_bidi_control: 'The username cannot contain characters that change the direction of text.',
  username_mixed_script:
    'The username mixes letters of different scripts (like a Cyrillic "а" among Latin letters). Use one script.',

  // Codes whose server detail names a limit, value, parameter or reason: the server sends these
  // particulars in `meta` (common/error-particulars.ts) and `particulars` below words them; without
  // meta (an older server), an English reader gets the server's detail and any other reader these
  // words, never English (errorsWithSpecificDetail, web/i18n/error-text.ts). The codes of this group
  // that the table does not list say the same thing whatever happened: these words are theirs.
  attachment_too_large: 'A file is larger than this organization allows for an attachment.',
  attachments_invalid: 'Attach each file once, and not too many of them.',
  attachments_too_large: 'The attachments together are larger than this organization allows.',
  avatar_too_large: 'The picture is too large. Choose a smaller one.',
  avatar_too_many_pixels: 'The picture has too many pixels. Choose a smaller one.',
  birthday_out_of_range: 'This birthday is out of the possible range.',
  current_password_required: 'Enter your current password.',
  custom: 'This value is not valid.',
  custom_field_choice_duplicate: 'A choice is listed twice.',
  custom_field_invalid: 'This value does not suit the field.',
  custom_field_limit: 'This organization has as many custom fields as it can have.',
  custom_field_name_taken: 'There is already a custom field with this name.',
  custom_field_required: 'This field is required.',
  custom_field_unknown: 'There is no such custom field in this organization.',
  date_out_of_range: 'This date is out of the possible range.',
  due_date_in_past: 'Due date must not be in the past.',
  email_duplicate: 'This address is listed twice.',
  email_not_cancellable: 'This email can no longer be cancelled.',
  email_taken: 'This email address already belongs to another user.',
  email_templates_limit: 'This organization has as many email templates as it can have. Delete one first.',
  end_before_start: 'The end must be after the start.',
  header_injection: 'An address or subject must not contain line breaks or other control characters.',
  instance_permission:
    'This permission belongs to instance administrators: no role inside an organization grants it.',
  invalid_cursor: 'The cursor does not belong to this list.',
  invalid_date_time: 'This date or time is not valid.',
  invalid_email_address: 'This is not an email address mail can be sent to.',
  invalid_filter_value: 'A filter has a value it does not accept.',
  invalid_page_number: 'The page number is out of range.',
  invalid_page_size: 'The page size is out of range.',
  invalid_parameter: 'A query parameter has a value it does not accept.',
  invalid_sort: 'This list cannot be sorted that way.',
  invalid_text: 'The request holds text that is not allowed.',
  invalid_token: 'This link is invalid, was already used or has expired.',
  mail_not_failed: 'Only a failed message can be retried.',
  malformed_multipart: 'The uploaded file could not be read.',
  malformed_url: 'The URL is not valid.',
  menu_item_not_deletable: 'This menu item cannot be deleted.',
  menu_label_required: 'A menu item needs a label.',
  menu_not_found: 'There is no such menu.',
  menu_position_out_of_range: 'The position is out of range here.',
  menu_too_deep: 'A menu cannot have that many levels.',
  method_not_allowed: 'This action is not allowed here.',
  multipart_required: 'Send the file as an upload.',
  nesting_too_deep: 'The request nests too deeply.',
  not_acceptable: 'The server cannot answer in the format the request asks for.',
  not_visible: 'This value must contain at least one visible character.',
  parameter_required: 'A query parameter is missing.',
  password_too_long: 'The password is too long.',
  path_parameter_too_long: 'A path parameter of this URL is too long.',
  permission_not_held: 'You cannot grant or take away a permission you do not hold yourself.',
  phone_invalid: 'This is not a valid phone number.',
  range_too_long: 'The date range is too long.',
  recurrence_invalid: 'The recurrence rule is not valid.',
  recurrence_too_frequent: 'Events repeat at most daily.',
  repeated_parameter: 'A query parameter is given more than once.',
  role_exceeds_own_permissions:
    'You cannot give or take away a role that grants permissions you do not have.',
  route_not_found: 'There is no such address on the server.',
  setting_invalid: 'This setting’s value is not valid.',
  setting_locked: 'Your organization does not let users change this setting.',
  setting_scope: 'This setting cannot be set at this level.',
  task_status_transition: 'A task cannot go to this status from its current one.',
  template_syntax: 'The template cannot be read.',
  template_variable_unknown: 'The template uses a variable that does not exist.',
  too_many_occurrences: 'This range holds too many occurrences: ask for a shorter one.',
  type_mismatch: 'The request’s type does not match this address.',
  unauthenticated: 'Sign in or send a valid API key.',
  unknown_fieldset_field: 'A requested field does not exist.',
  unknown_fieldset_type: 'A requested field set names an unknown type.',
  unknown_filter: 'This list cannot be filtered that way.',
  unknown_mail_template: 'There is no such mail template.',
  unknown_member: 'The request has a member this address does not accept.',
  unknown_parameter: 'A query parameter is not supported here.',
  unknown_permission: 'A permission does not exist.',
  unknown_sort_field: 'This list cannot be sorted by that field.',
  unsupported_filter_operator: 'A filter uses an operator that is not supported.',
  unsupported_include: 'A requested include is not supported here.',
  empty_body: 'The request has no body: send a JSON:API document.',
  unsupported_media_type: 'The request’s Content-Type is not supported.',
  user_not_found: 'The user was not found.',
  username_taken: 'This username is already taken, or looks the same as one that is.',
  invalid_type: 'This value has the wrong type.',
  too_small: 'This value is too short or too small.',
  too_big: 'This value is too long or too large.',
  invalid_format: 'This value is not in the expected format.',
  invalid_value: 'This value is not one of the allowed values.',
  not_multiple_of: 'This value is not an allowed step.',
  invalid_union: 'This value matches none of the allowed forms.',
  invalid_key: 'This value has a key that is not allowed.',
  invalid_element: 'This list has an element that is not allowed.',
  password_too_short: 'The password is too short.',
  password_lower_case: 'The password needs a lower case letter.',
  password_upper_case: 'The password needs an upper case letter.',
  password_numbers: 'The password needs a number.',
  password_special_chars: 'The password needs a special character.',
  password_common_password: 'This password is one of the most commonly used. Choose another.',
  password_context_username: 'The password must not contain the username.',
  password_context_email: 'The password must not contain the email address.',
  password_context_organization: 'The password must not contain the organization’s name.',
  password_context_name: 'The password must not contain the person’s name.',
  password_context_product: 'The password must not contain the product’s name.',

  /**
   * The words of a code whose error carries its particulars in `meta` (the policy's numbers, a
   * field's limit): used instead of the code's words above — and of the server's English detail —
   * when `meta` holds every placeholder. `count` is the number the sentence turns on (see
   * web/i18n/error-text.ts).
   */
  particulars: {
    too_small:
      '{count, plural, one {This value must be at least {minimum}.} other {This value must be at least {minimum}.}}',
    too_small_string: '{count, plural, one {Type at least # character.} other {Type at least # characters.}}',
    too_small_array: '{count, plural, one {Choose at least # item.} other {Choose at least # items.}}',
    too_small_number_exclusive: 'This value must be greater than {minimum}.',
    too_big:
      '{count, plural, one {This value must be at most {maximum}.} other {This value must be at most {maximum}.}}',
    too_big_string: '{count, plural, one {Type at most # character.} other {Type at most # characters.}}',
    too_big_array: '{count, plural, one {Choose at most # item.} other {Choose at most # items.}}',
    too_big_number_exclusive: 'This value must be less than {maximum}.',
    invalid_value: 'Choose one of these values: {allowed}.',
    invalid_format: 'This value is not in the expected format ({format}).',
    invalid_format_email: 'Type an email address, like name@example.com.',
    invalid_format_url: 'Type a web address, like https://example.com.',
    invalid_format_regex: 'This value is not in the expected format.',
    not_multiple_of: 'This value must be a multiple of {divisor}.',
    attachment_too_large:
      'The file is larger than {maxMegabytes} MB, this organization’s limit for an attachment.',
    attachments_too_large:
      'The attachments together are larger than {maxMegabytes} MB, this organization’s limit per email.',
    avatar_too_large: 'The picture is larger than {maxMegabytes} MB. Choose a smaller one.',
    custom_field_limit:
      '{count, plural, one {An organization can have at most # custom field.} other {An organization can have at most # custom fields.}}',
    email_templates_limit:
      '{count, plural, one {An organization has at most # email template. Delete one first.} other {An organization has at most # email templates. Delete one first.}}',
    range_too_long:
      '{count, plural, one {Ask for at most # day at a time.} other {Ask for at most # days at a time.}}',
    menu_too_deep: '{count, plural, one {A menu has at most # level.} other {A menu has at most # levels.}}',
    invalid_page_size: 'The page size must be a whole number from {minimum} to {maximum}.',
    invalid_page_number: 'The page number must be a whole number from {minimum} to {maximum}.',
    password_too_short:
      '{count, plural, one {The password must have at least # character (it has {length}).} other {The password must have at least # characters (it has {length}).}}',
    password_too_long:
      '{count, plural, one {The password must have at most # character.} other {The password must have at most # characters.}}',
    date_out_of_range: 'Choose a year from {minimum} to {maximum}.',
    nesting_too_deep:
      '{count, plural, one {The request nests deeper than # level.} other {The request nests deeper than # levels.}}',
    invalid_type_required: 'This value is required.',
    invalid_type_wrong_type:
      '{expected, select, string {This value must be text.} number {This value must be a number.} int {This value must be a whole number.} boolean {This value must be true or false.} object {This value must be an object.} array {This value must be a list.} null {This value must be null.} other {This value has the wrong type.}}',
    custom_required: 'This value is required.',
    custom_too_short: '{count, plural, one {Type at least # character.} other {Type at least # characters.}}',
    custom_too_long: '{count, plural, one {Type at most # character.} other {Type at most # characters.}}',
    custom_control_characters: 'This value cannot contain line breaks or control characters.',
    custom_edge_space: 'This value cannot start or end with a space.',
    custom_listed_twice: 'This value is listed twice.',
    custom_email_spaces: 'An email address cannot contain spaces or line breaks.',
    custom_email_at_sign: 'An email address must contain exactly one "@", like name@example.com.',
    custom_email_local_part_missing: 'An email address needs a name before the "@", like name@example.com.',
    custom_email_local_part_too_long:
      '{count, plural, one {The part before the "@" can have at most # character.} other {The part before the "@" can have at most # characters.}}',
    custom_email_local_part_characters:
      'This email address has characters that are not allowed before the "@".',
    custom_email_domain: 'An email address needs a valid domain after the "@", like name@example.com.',
    invalid_parameter_page_conflict: 'Give {parameter} or page[number], not both.',
    invalid_parameter_not_plain: 'The query parameter {parameter} must be a plain value.',
    repeated_parameter: 'Give the query parameter {parameter} only once.',
    parameter_required: 'The query parameter {parameter} is required.',
    unknown_parameter_not_supported: 'The query parameter {parameter} is not supported here.',
    unknown_parameter_cursor_only:
      'This list pages by cursor only: {parameter} is not supported here. Follow the link to the next page.',
    unknown_member: 'The request has a member this address does not accept: "{member}".',
    type_mismatch: 'The type must be {allowed} at this address.',
    invalid_sort_syntax: 'Sort by a comma-separated list of fields, each optionally prefixed with -.',
    invalid_sort_repeated: 'The sort lists "{field}" more than once.',
    invalid_sort_fixed: 'This list is sorted one way only: {allowed}.',
    unknown_sort_field: 'This list cannot be sorted by "{field}". Sort by {allowed}.',
    unknown_filter: 'This list cannot be filtered by "{field}". Filter by {allowed}.',
    unsupported_filter_operator:
      'The filter "{field}" does not support the operator "{operator}". Use {allowed}.',
    unsupported_include: '"{include}" cannot be included here. Include {allowed}.',
    unknown_fieldset_type: 'Field sets are not available for the type "{type}". Use {allowed}.',
    unknown_fieldset_field: 'The type "{type}" has no field "{field}". Choose {allowed}.',
    invalid_filter_value_boolean: '{parameter} must be true or false.',
    invalid_filter_value_required: '{parameter} needs a value.',
    invalid_filter_value_too_many:
      '{count, plural, one {{parameter} can list at most # value.} other {{parameter} can list at most # values.}}',
    invalid_filter_value_number: '{parameter} must be a decimal number, such as 42 or -1.5.',
    invalid_filter_value_date_time:
      '{parameter} must be a date and time with a time zone, such as 2026-11-28T09:15:00Z.',
    invalid_filter_value_date: '{parameter} must be a date (YYYY-MM-DD).',
    invalid_filter_value_choice: '{parameter} must be {allowed}, or a comma-separated list of them.',
    invalid_filter_value_id: '{parameter} must be an id, or a comma-separated list of ids.',
    invalid_filter_value_role_list:
      '{count, plural, one {{parameter} can list at most # role (ids or names, separated by commas).} other {{parameter} can list at most # roles (ids or names, separated by commas).}}',
    invalid_filter_value_owner: '{parameter} must be a user id or "me".',
    invalid_filter_value_invitations: 'Invitations are listed only in your own calendar.',
    invalid_text_nul: 'The request holds text with the NUL character (U+0000), which is not allowed.',
    invalid_text_lone_surrogate: 'The request holds text that is not valid Unicode.',
    invalid_text_percent_encoding: 'The address holds a parameter that is not valid percent-encoded UTF-8.',
    method_not_allowed: '{method} is not allowed here. Use {allowed}.',
    route_not_found: 'There is no address {method} {path} on the server.',
    attachments_invalid:
      '{count, plural, one {Attach each file once, and at most # file.} other {Attach each file once, and at most # files.}}',
    avatar_too_many_pixels: 'The picture has more than {maxMegapixels} megapixels. Choose a smaller one.',
    birthday_out_of_range_future: 'The birthday cannot be in the future.',
    birthday_out_of_range_too_old:
      '{count, plural, one {The birthday cannot be more than # year ago.} other {The birthday cannot be more than # years ago.}}',
    phone_invalid_required: 'Enter a phone number.',
    phone_invalid_characters:
      'A phone number can contain only digits, spaces, +, -, ., / and parentheses, and an extension (ext. 123).',
    phone_invalid_invalid: 'This is not a valid phone number.',
    phone_invalid_invalid_for_country:
      'This is not a valid phone number for {country}. Start international numbers with + and the country code.',
    email_duplicate_primary: 'This address is already the primary email.',
    email_duplicate_listed_twice: 'This address is listed twice.',
    email_duplicate_additional:
      'This address is already one of the additional emails: remove it there first.',
    role_exceeds_own_permissions:
      'You cannot give or take away the role "{role}": it grants permissions you do not have.',
    unknown_permission: '"{permission}" is not a permission.',
    instance_permission:
      '"{permission}" belongs to instance administrators: no role inside an organization grants it.',
    permission_not_held:
      'You cannot grant or take away "{permission}": you do not hold that permission yourself.',
    custom_field_name_taken: 'There is already a custom field named "{name}".',
    custom_field_unknown: 'There is no custom field named "{name}" in this organization.',
    custom_field_choice_duplicate: '"{choice}" is listed twice.',
    custom_field_required: '{label} is required.',
    custom_field_invalid_not_visible: '{label} is required: it must contain at least one visible character.',
    custom_field_invalid_text: '{label} must be text.',
    custom_field_invalid_control_characters: '{label} cannot contain line breaks or control characters.',
    custom_field_invalid_too_long:
      '{count, plural, one {{label} can have at most # character.} other {{label} can have at most # characters.}}',
    custom_field_invalid_number: '{label} must be a number.',
    custom_field_invalid_date: '{label} must be a date (YYYY-MM-DD).',
    custom_field_invalid_boolean: '{label} must be yes or no.',
    custom_field_invalid_choice: '{label} must be {allowed}.',
    invalid_date_time_format: 'Use a date and time with an offset, such as 2026-03-02T09:00:00+01:00.',
    invalid_date_time_not_existing: 'This date or time does not exist.',
    invalid_date_format: 'Use a date in the format YYYY-MM-DD.',
    invalid_date_not_existing: 'This date does not exist.',
    invalid_time_zone_not_iana: 'This is not a time zone of the IANA database: choose one such as {example}.',
    end_before_start_all_day: 'The end must be on or after the start.',
    end_before_start_timed: 'The end must be after the start.',
    too_many_occurrences:
      '{count, plural, one {This range holds more than # occurrence: ask for a shorter one.} other {This range holds more than # occurrences: ask for a shorter one.}}',
    recurrence_invalid_not_a_part:
      '"{part}" is not a part of a recurrence rule (NAME=VALUE, such as FREQ=WEEKLY).',
    recurrence_invalid_unsupported_part: 'The rule part {part} is not supported.',
    recurrence_invalid_repeated_part: 'The rule gives {part} twice.',
    recurrence_invalid_frequency_required: 'The rule needs FREQ (DAILY, WEEKLY, MONTHLY or YEARLY).',
    recurrence_invalid_interval_not_whole: 'INTERVAL must be a whole number.',
    recurrence_invalid_interval_too_large: 'INTERVAL must be at most {maximum}.',
    recurrence_invalid_count_out_of_range: 'COUNT must be a whole number from {minimum} to {maximum}.',
    recurrence_invalid_count_and_until: 'Give COUNT or UNTIL, not both.',
    recurrence_invalid_until_format: 'UNTIL must be a date (20261231) or a UTC time (20261231T235959Z).',
    recurrence_invalid_unreadable: 'The recurrence rule cannot be read.',
    recurrence_too_frequent_sub_daily: 'Events repeat at most daily (FREQ=DAILY, WEEKLY, MONTHLY or YEARLY).',
    recurrence_too_frequent_per_year:
      '{count, plural, one {The rule makes more than # occurrence a year: choose a longer interval.} other {The rule makes more than # occurrences a year: choose a longer interval.}}',
    due_date_in_past_past: 'Due date must not be in the past.',
    due_date_in_past_before_creation: 'Due date must not be before the task was created.',
    task_status_transition:
      'A task cannot go from {from, select, open {Open} in_progress {In Progress} closed {Closed} other {{from}}} to {to, select, open {Open} in_progress {In Progress} closed {Closed} other {{to}}}.',
    template_variable_unknown: '"{variable}" is not a template variable. Use {allowed}.',
    invalid_email_address_format:
      'This is not an email address (write a@example.org or Name <a@example.org>).',
    invalid_email_address_control_characters:
      'An address must not contain line breaks or other control characters.',
    invalid_email_address_recipient: 'The recipient is neither a user nor an email address.',
    email_not_cancellable:
      '{status, select, scheduled {The email is already being sent.} queued {Only a scheduled email can be cancelled; this one is being sent.} sent {Only a scheduled email can be cancelled; this one was sent.} failed {Only a scheduled email can be cancelled; this one failed.} cancelled {This email is already cancelled.} other {Only a scheduled email can be cancelled.}}',
    mail_not_failed:
      '{status, select, queued {Only a failed message can be retried; this one is queued.} sending {Only a failed message can be retried; this one is being sent.} sent {Only a failed message can be retried; this one was sent.} cancelled {Only a failed message can be retried; this one was cancelled.} other {Only a failed message can be retried.}}',
    menu_not_found: 'There is no such menu: use {allowed}.',
    menu_url_not_allowed:
      'Use a path in Atrium (starting with {allowed}) or an address starting with https://.',
    menu_position_out_of_range: 'The position is from 0 to {max} here.',
    menu_item_not_deletable_custom: 'This item belongs to the organization’s menu: hide it instead.',
    menu_item_not_deletable_default: 'A default item cannot be deleted: hide it instead.',
    setting_scope:
      'This setting cannot be set at the {scope, select, system {system} organization {organization} user {user} other {{scope}}} level.',
    setting_invalid_choice: 'Choose one of these values: {allowed}.',
    setting_invalid_number_range: 'Choose a whole number from {minimum} to {maximum}.',
    setting_invalid_text_length:
      '{maximum, plural, one {Type from {minimum} to # character.} other {Type from {minimum} to # characters.}}',
    setting_invalid_text_too_long:
      '{count, plural, one {Type at most # character.} other {Type at most # characters.}}',
    setting_invalid_value: 'This setting’s value is not valid.',
    setting_invalid_locale: 'Choose a locale such as {example}.',
    setting_invalid_time_zone: 'Choose a time zone such as {example}.',
    setting_invalid_email:
      'Enter an email address such as {example}, or leave it empty for your primary email.',
    setting_invalid_https_url: 'Give an https:// address, such as {example}.',
    setting_invalid_url_template:
      'Give an https:// address containing the room placeholder, such as {example}.',
    setting_invalid_own_email: 'Choose one of your own email addresses.',
    setting_invalid_not_user_setting: '"{key}" is not a setting users can change, or is listed twice.',
  },
} as const;
