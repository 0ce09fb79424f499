import { z } from 'zod';
import {
  MEETING_URL_MAX,
  type MeetingLinkProvider,
  meetingBaseUrlProblem,
  meetingLinkProviders,
  meetingTemplateProblem,
} from './meeting-links';

/**
 * The registry of configurable values (DESIGN.md §5). Each key has a type, a default and the
 * scopes that may set it: a user-scope value applies to one user in one organization, an
 * organization value to everyone in it, a system value everywhere; the nearest one set wins.
 */
export type SettingScope = 'system' | 'organization' | 'user';

type SettingDefinition<T> = {
  schema: z.ZodType<T>;
  default: T;
  scopes: readonly SettingScope[];
  label: string;
  /** Shown next to the value where it weakens security. */
  insecure?: boolean;
  /** The choices of a value picked from a list, in the order shown, with their labels. */
  choices?: readonly { value: T; label: string }[];
  /** HTML: the server keeps only the allowed tags and attributes (`sanitizeSignature`). */
  html?: true;
  /**
   * The value's one rule, with its particulars, as any refusal of it is worded (a locale, a time
   * zone, an address): `setting_invalid` with this `reason` and `example` (common/setting-rules.ts).
   */
  rule?: SettingRule;
  /**
   * A boolean key that must be on above the user's level (the organization's or the system's) for
   * a user to set this one; while it is off the user's value is ignored and this key is off.
   */
  requires?: string;
};

/** A text setting's rule: what a refusal says, in English, and its particulars. */
export type SettingRule = {
  reason: 'locale' | 'time_zone' | 'email' | 'https_url' | 'url_template';
  example: string;
  /** The English sentence (the catalogs word it from `reason` and `example`). */
  detail: string;
};

const rules = {
  locale: { reason: 'locale', example: 'en-US', detail: 'Choose a locale such as en-US.' },
  timeZone: {
    reason: 'time_zone',
    example: 'Europe/Berlin',
    detail: 'Choose a time zone such as Europe/Berlin.',
  },
  email: {
    reason: 'email',
    example: 'jane@example.com',
    detail: 'Enter an email address such as jane@example.com, or leave it empty for your primary email.',
  },
  httpsUrl: {
    reason: 'https_url',
    example: 'https://meet.jit.si/',
    detail: 'Give an https:// address, such as https://meet.jit.si/.',
  },
  urlTemplate: {
    reason: 'url_template',
    example: 'https://meet.example.com/{room}',
    detail: 'Give an https:// address containing {room}, such as https://meet.example.com/{room}.',
  },
} as const satisfies Record<string, SettingRule>;

function define<T>(definition: SettingDefinition<T>): SettingDefinition<T> {
  return definition;
}

const bool = z.boolean();

/** A BCP 47 locale the platform's Intl knows, in its canonical spelling (`de-DE`, not `de_de`). */
export function isLocale(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value)[0] === value;
  } catch {
    return false;
  }
}

/** An IANA time zone name (`Europe/Berlin`, `UTC`). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
const wholeNumber = (min: number, max: number) => z.number().int().min(min).max(max);

/** A value picked from a fixed list: its schema and its choices with their labels. */
function oneOf<const V extends string>(choices: readonly { value: V; label: string }[]) {
  const values = choices.map((choice) => choice.value) as [V, ...V[]];
  return { schema: z.enum(values, { error: `Choose one of: ${values.join(', ')}.` }), choices };
}

/** A number picked from a fixed list (records per page: 10, 25, 50, 100). */
function oneOfNumbers(values: readonly number[]) {
  return {
    schema: z
      .number()
      .int()
      .refine((value) => values.includes(value), `Choose one of: ${values.join(', ')}.`),
    choices: values.map((value) => ({ value, label: String(value) })),
  };
}

const pageSizes = [10, 25, 50, 100] as const;

/**
 * The interface languages a user may choose (ISO 639-1), each named in itself: the SPA's catalogs
 * (web/i18n/<language>/) and the system emails' (server/platform/mail/templates/messages/, and
 * each feature's mail-messages.ts). A stored value no longer listed (Spanish had no catalog) is
 * skipped as if unset.
 */
export const interfaceLanguages = [
  { value: 'en', label: 'English' },
  { value: 'de', label: 'Deutsch' },
  { value: 'fr', label: 'Français' },
  { value: 'ar', label: 'العربية' },
] as const;

/** An email address as the mail feature accepts it (one `@`, local part ≤ 64, total ≤ 254), or empty. */
const optionalEmail = z
  .string()
  .max(254)
  .refine((value) => value === '' || /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/.test(value), rules.email.detail);

export const settingDefinitions = {
  'password.min_length': define({
    schema: wholeNumber(8, 128),
    default: 12,
    scopes: ['system', 'organization'],
    label: 'Minimal password length',
  }),
  'password.lower_case': define({
    schema: bool,
    default: false,
    scopes: ['system', 'organization'],
    label: 'Require a lower case letter',
  }),
  'password.upper_case': define({
    schema: bool,
    default: false,
    scopes: ['system', 'organization'],
    label: 'Require an upper case letter',
  }),
  'password.numbers': define({
    schema: bool,
    default: false,
    scopes: ['system', 'organization'],
    label: 'Require a number',
  }),
  'password.special_chars': define({
    schema: bool,
    default: false,
    scopes: ['system', 'organization'],
    label: 'Require a special character',
  }),
  'password.include_in_email': define({
    schema: bool,
    default: false,
    scopes: ['system', 'organization'],
    label: 'Include the new password in the email',
    insecure: true,
  }),
  'session.idle_minutes': define({
    schema: wholeNumber(5, 60 * 24 * 7),
    default: 120,
    scopes: ['system', 'organization'],
    label: 'Sign out after this many idle minutes',
  }),
  'session.absolute_minutes': define({
    schema: wholeNumber(15, 60 * 24 * 30),
    default: 720,
    scopes: ['system', 'organization'],
    label: 'Sign out this many minutes after sign-in',
  }),
  'lockout.threshold': define({
    schema: wholeNumber(3, 100),
    default: 10,
    scopes: ['system'],
    label: 'Failed sign-ins before the account is locked',
  }),
  'lockout.minutes': define({
    schema: wholeNumber(1, 24 * 60),
    default: 15,
    scopes: ['system'],
    label: 'Minutes of the first lockout (doubles each time)',
  }),
  'localization.locale': define({
    schema: z.string().min(2).max(35).refine(isLocale, rules.locale.detail),
    rule: rules.locale,
    default: 'en-US',
    scopes: ['system', 'organization', 'user'],
    label: 'Locale',
  }),
  'localization.timezone': define({
    schema: z.string().min(1).max(64).refine(isTimeZone, rules.timeZone.detail),
    rule: rules.timeZone,
    default: 'UTC',
    scopes: ['system', 'organization', 'user'],
    label: 'Timezone',
  }),
  'localization.language': define({
    ...oneOf(interfaceLanguages),
    default: 'en',
    scopes: ['system', 'organization', 'user'],
    label: 'Language',
  }),
  'localization.first_day_of_week': define({
    ...oneOf([
      { value: 'monday', label: 'Monday' },
      { value: 'sunday', label: 'Sunday' },
      { value: 'saturday', label: 'Saturday' },
    ] as const),
    default: 'monday',
    scopes: ['system', 'organization', 'user'],
    label: 'First day of week',
  }),
  'localization.name_format': define({
    ...oneOf([
      { value: 'locale', label: 'As the locale writes names' },
      { value: 'first_last', label: 'First name, then last name' },
      { value: 'last_first', label: 'Last name, then first name' },
    ] as const),
    default: 'locale',
    scopes: ['system', 'organization', 'user'],
    label: 'Name format',
  }),
  'localization.date_format': define({
    ...oneOf([
      { value: 'short', label: 'Short' },
      { value: 'medium', label: 'Medium' },
      { value: 'long', label: 'Long' },
      { value: 'full', label: 'Full' },
    ] as const),
    default: 'medium',
    scopes: ['system', 'organization', 'user'],
    label: 'Date format',
  }),
  'localization.time_format': define({
    ...oneOf([
      { value: 'locale', label: 'As the locale writes times' },
      { value: 'h12', label: '12-hour (1:30 PM)' },
      { value: 'h23', label: '24-hour (13:30)' },
    ] as const),
    default: 'locale',
    scopes: ['system', 'organization', 'user'],
    label: 'Time format',
  }),
  'display.records_per_page': define({
    ...oneOfNumbers(pageSizes),
    default: 25,
    scopes: ['system', 'organization', 'user'],
    label: 'Records per grid page',
  }),
  'activities.sort_field': define({
    ...oneOf([
      { value: 'occurredAt', label: 'Date of the activity' },
      { value: 'createdAt', label: 'Date it was recorded' },
    ] as const),
    default: 'occurredAt',
    scopes: ['system', 'organization', 'user'],
    label: 'Activity list sort field',
  }),
  'activities.sort_direction': define({
    ...oneOf([
      { value: 'desc', label: 'Newest first' },
      { value: 'asc', label: 'Oldest first' },
    ] as const),
    default: 'desc',
    scopes: ['system', 'organization', 'user'],
    label: 'Activity list sort direction',
  }),
  'activities.page_size': define({
    ...oneOfNumbers(pageSizes),
    default: 10,
    scopes: ['system', 'organization', 'user'],
    label: 'Activity list page size',
  }),
  'calendar.default_view': define({
    ...oneOf([
      { value: 'month', label: 'Month' },
      { value: 'week', label: 'Week' },
      { value: 'day', label: 'Day' },
    ] as const),
    default: 'month',
    scopes: ['system', 'organization', 'user'],
    label: 'Calendar default view',
  }),
  'email.signature': define({
    schema: z.string().max(10_000),
    default: '',
    scopes: ['system', 'organization', 'user'],
    label: 'Signature',
    html: true,
  }),
  'email.append_signature': define({
    ...oneOf([
      { value: 'automatically', label: 'Automatically' },
      { value: 'manually', label: 'By a button' },
    ] as const),
    default: 'automatically',
    scopes: ['system', 'organization', 'user'],
    label: 'Append signature to email body',
  }),
  'email.default_from': define({
    schema: optionalEmail,
    rule: rules.email,
    default: '',
    scopes: ['user'],
    label: 'Default From address',
  }),
  'email.reply_default': define({
    ...oneOf([
      { value: 'reply', label: 'Reply' },
      { value: 'reply_all', label: 'Reply all' },
    ] as const),
    default: 'reply',
    scopes: ['system', 'organization', 'user'],
    label: 'Default reply button',
  }),
  'email.attachment_max_mb': define({
    schema: wholeNumber(1, 25),
    default: 10,
    scopes: ['system', 'organization'],
    label: 'Maximum size of one attachment (MB)',
  }),
  'email.attachments_max_count': define({
    schema: wholeNumber(1, 20),
    default: 10,
    scopes: ['system', 'organization'],
    label: 'Maximum number of attachments',
  }),
  'meeting_links.enabled': define({
    schema: bool,
    default: false,
    scopes: ['system', 'organization'],
    label: 'Meeting links',
  }),
  'meeting_links.provider': define({
    schema: z.enum(meetingLinkProviders, { error: 'Choose jitsi or custom.' }),
    default: 'jitsi' as MeetingLinkProvider,
    scopes: ['system', 'organization'],
    label: 'Meeting links provider',
  }),
  'meeting_links.jitsi_base_url': define({
    schema: z
      .string()
      .max(MEETING_URL_MAX)
      .refine((value) => meetingBaseUrlProblem(value) === null, rules.httpsUrl.detail),
    rule: rules.httpsUrl,
    default: 'https://meet.jit.si/',
    scopes: ['system', 'organization'],
    label: 'Jitsi base URL',
  }),
  'meeting_links.url_template': define({
    schema: z
      .string()
      .max(MEETING_URL_MAX)
      .refine((value) => value === '' || meetingTemplateProblem(value) === null, rules.urlTemplate.detail),
    rule: rules.urlTemplate,
    default: '',
    scopes: ['system', 'organization'],
    label: 'Custom meeting URL template',
  }),
  'email.attachments_total_max_mb': define({
    schema: wholeNumber(1, 50),
    default: 25,
    scopes: ['system', 'organization'],
    label: 'Maximal size of all attachments of one email (MB)',
  }),
  'integrations.meeting_links': define({
    schema: bool,
    default: true,
    scopes: ['user'],
    label: 'Add meeting links to my events',
    requires: 'meeting_links.enabled',
  }),
  'configuration.locked_keys': define({
    schema: z.array(z.string().max(100)).max(100),
    default: [] as string[],
    scopes: ['system', 'organization'],
    label: 'Settings users may not override',
  }),
} as const;

export type SettingKey = keyof typeof settingDefinitions;
export type SettingValue<K extends SettingKey> = (typeof settingDefinitions)[K]['default'];
export type ResolvedSettings = { [K in SettingKey]: SettingValue<K> };

export const settingKeys = Object.keys(settingDefinitions) as SettingKey[];

export function isSettingKey(value: string): value is SettingKey {
  return Object.hasOwn(settingDefinitions, value);
}

/** The keys a user may set for themselves, unless their organization locks them. */
export const userSettingKeys = settingKeys.filter((key) =>
  (settingDefinitions[key].scopes as readonly SettingScope[]).includes('user'),
);

export function defaultSettings(): ResolvedSettings {
  return Object.fromEntries(
    settingKeys.map((key) => [key, settingDefinitions[key].default]),
  ) as ResolvedSettings;
}
