import { paths } from '../../../common/paths';
import type { SettingScope } from '../../../common/settings';
import type { settings } from '../../i18n/en/settings';

/**
 * One page of the Configuration tree: its label (a key of the `settings` catalog's
 * `tree.sections`) and the keys it shows, in order.
 */
export type ConfigurationSection = {
  id: string;
  labelKey: keyof typeof settings.tree.sections;
  /** The group it sits under in the left panel (`tree.groups`: "General Setup", "Security"). */
  group: keyof typeof settings.tree.groups;
  keys: readonly string[];
  /** The levels that show this page (the password policy is not a user's). */
  scopes: readonly SettingScope[];
  /** Localization: a live preview of today's date and the viewer's name. */
  preview?: true;
};

const everyLevel = ['system', 'organization', 'user'] as const;

/**
 * The left panel of the Configuration pages, with the user guide's labels: System Configuration →
 * General Setup → Localization, Display Settings, Email Configuration, Integrations; and for
 * administrators Security → Password Policy and Users' Configuration.
 */
export const configurationSections: readonly ConfigurationSection[] = [
  {
    id: 'localization',
    labelKey: 'localization',
    group: 'general',
    scopes: everyLevel,
    preview: true,
    keys: [
      'localization.locale',
      'localization.language',
      'localization.timezone',
      'localization.first_day_of_week',
      'localization.name_format',
      'localization.date_format',
      'localization.time_format',
    ],
  },
  {
    id: 'display',
    labelKey: 'display',
    group: 'general',
    scopes: everyLevel,
    keys: [
      'display.records_per_page',
      'activities.sort_field',
      'activities.sort_direction',
      'activities.page_size',
      'calendar.default_view',
    ],
  },
  {
    id: 'email',
    labelKey: 'email',
    group: 'general',
    scopes: everyLevel,
    keys: [
      'email.signature',
      'email.append_signature',
      'email.default_from',
      'email.reply_default',
      'email.attachment_max_mb',
      'email.attachments_max_count',
    ],
  },
  {
    id: 'integrations',
    labelKey: 'integrations',
    group: 'general',
    scopes: everyLevel,
    keys: ['meeting_links.enabled', 'integrations.meeting_links'],
  },
  {
    id: 'password-policy',
    labelKey: 'passwordPolicy',
    group: 'security',
    scopes: ['system', 'organization'],
    keys: [
      'password.min_length',
      'password.lower_case',
      'password.upper_case',
      'password.numbers',
      'password.special_chars',
      'password.include_in_email',
    ],
  },
  {
    id: 'sessions',
    labelKey: 'sessions',
    group: 'security',
    scopes: ['system', 'organization'],
    keys: ['session.idle_minutes', 'session.absolute_minutes', 'lockout.threshold', 'lockout.minutes'],
  },
];

/** Where each level's Configuration page lives. */
export const configurationPaths: Record<SettingScope, string> = {
  user: paths.myConfiguration,
  organization: paths.organizationConfiguration,
  system: paths.systemConfiguration,
};
