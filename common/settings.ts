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
};

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
    schema: z.string().min(2).max(35).refine(isLocale, 'Choose a locale such as en-US or de-DE.'),
    default: 'en-US',
    scopes: ['system', 'organization', 'user'],
    label: 'Locale',
  }),
  'localization.timezone': define({
    schema: z.string().min(1).max(64).refine(isTimeZone, 'Choose a time zone such as Europe/Berlin.'),
    default: 'UTC',
    scopes: ['system', 'organization', 'user'],
    label: 'Timezone',
  }),
  'activities.page_size': define({
    schema: z.union([z.literal(10), z.literal(25), z.literal(50), z.literal(100)], {
      error: 'Choose 10, 25, 50 or 100 items per page.',
    }),
    default: 10 as 10 | 25 | 50 | 100,
    scopes: ['system', 'organization', 'user'],
    label: 'Activity items per page',
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
      .refine(
        (value) => meetingBaseUrlProblem(value) === null,
        'Give an https:// address, such as https://meet.jit.si/.',
      ),
    default: 'https://meet.jit.si/',
    scopes: ['system', 'organization'],
    label: 'Jitsi base URL',
  }),
  'meeting_links.url_template': define({
    schema: z
      .string()
      .max(MEETING_URL_MAX)
      .refine(
        (value) => value === '' || meetingTemplateProblem(value) === null,
        'Give an https:// address containing {room}, such as https://meet.example.com/{room}.',
      ),
    default: '',
    scopes: ['system', 'organization'],
    label: 'Custom meeting URL template',
  }),
} as const;

export type SettingKey = keyof typeof settingDefinitions;
export type SettingValue<K extends SettingKey> = (typeof settingDefinitions)[K]['default'];
export type ResolvedSettings = { [K in SettingKey]: SettingValue<K> };

export const settingKeys = Object.keys(settingDefinitions) as SettingKey[];

export function isSettingKey(value: string): value is SettingKey {
  return Object.hasOwn(settingDefinitions, value);
}

export function defaultSettings(): ResolvedSettings {
  return Object.fromEntries(
    settingKeys.map((key) => [key, settingDefinitions[key].default]),
  ) as ResolvedSettings;
}
