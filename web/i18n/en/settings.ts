import type { SettingKey } from '../../../common/settings';

/**
 * The Configuration pages (web/features/settings): the tree, the fields and their words. Setting
 * labels are keyed by setting key (`satisfies Record<SettingKey, string>`: a setting without a
 * label here does not compile) and the labels of a setting's choices by key and value (a choice
 * without one fails web/i18n/catalog.test.ts). The same English words as the registry's
 * (common/settings.ts), which the API still answers as `label`.
 */
export const settings = {
  labels: {
    'password.min_length': 'Minimal password length',
    'password.lower_case': 'Require a lower case letter',
    'password.upper_case': 'Require an upper case letter',
    'password.numbers': 'Require a number',
    'password.special_chars': 'Require a special character',
    'password.include_in_email': 'Include the new password in the email',
    'session.idle_minutes': 'Sign out after this many idle minutes',
    'session.absolute_minutes': 'Sign out this many minutes after sign-in',
    'lockout.threshold': 'Failed sign-ins before the account is locked',
    'lockout.minutes': 'Minutes of the first lockout (doubles each time)',
    'localization.locale': 'Locale',
    'localization.timezone': 'Timezone',
    'localization.language': 'Language',
    'localization.first_day_of_week': 'First day of week',
    'localization.name_format': 'Name format',
    'localization.date_format': 'Date format',
    'localization.time_format': 'Time format',
    'display.records_per_page': 'Records per grid page',
    'activities.sort_field': 'Activity list sort field',
    'activities.sort_direction': 'Activity list sort direction',
    'activities.page_size': 'Activity list page size',
    'calendar.default_view': 'Calendar default view',
    'email.signature': 'Signature',
    'email.append_signature': 'Append signature to email body',
    'email.default_from': 'Default From address',
    'email.reply_default': 'Default reply button',
    'email.attachment_max_mb': 'Maximum size of one attachment (MB)',
    'email.attachments_max_count': 'Maximum number of attachments',
    'meeting_links.enabled': 'Meeting links',
    'meeting_links.provider': 'Meeting links provider',
    'meeting_links.jitsi_base_url': 'Jitsi base URL',
    'meeting_links.url_template': 'Custom meeting URL template',
    'email.attachments_total_max_mb': 'Maximal size of all attachments of one email (MB)',
    'integrations.meeting_links': 'Add meeting links to my events',
    'configuration.locked_keys': 'Settings users may not override',
  } satisfies Record<SettingKey, string>,
  options: {
    'localization.language': {
      en: 'English',
      de: 'Deutsch',
      fr: 'Français',
      ar: 'العربية',
    },
    'localization.first_day_of_week': {
      monday: 'Monday',
      sunday: 'Sunday',
      saturday: 'Saturday',
    },
    'localization.name_format': {
      locale: 'As the locale writes names',
      first_last: 'First name, then last name',
      last_first: 'Last name, then first name',
    },
    'localization.date_format': {
      short: 'Short',
      medium: 'Medium',
      long: 'Long',
      full: 'Full',
    },
    'localization.time_format': {
      locale: 'As the locale writes times',
      h12: '12-hour (1:30 PM)',
      h23: '24-hour (13:30)',
    },
    'activities.sort_field': {
      occurredAt: 'Date of the activity',
      createdAt: 'Date it was recorded',
    },
    'activities.sort_direction': {
      desc: 'Newest first',
      asc: 'Oldest first',
    },
    'calendar.default_view': {
      month: 'Month',
      week: 'Week',
      day: 'Day',
    },
    'email.append_signature': {
      automatically: 'Automatically',
      manually: 'By a button',
    },
    'email.reply_default': {
      reply: 'Reply',
      reply_all: 'Reply all',
    },
  } satisfies Partial<Record<SettingKey, Record<string, string>>>,
  help: {
    signature:
      'Text, or simple HTML: paragraphs, bold, italics, lists and links. Scripts and styles are removed.',
    defaultFrom: 'One of your email addresses; empty: your primary email.',
  },
  field: {
    insecure: 'Insecure',
    on: 'On',
    off: 'Off',
    empty: '(empty)',
    none: '(none)',
    organizationDefault: 'Organization default',
    systemDefault: 'System default',
    inherited: '{origin}: {value}',
    /** A user's inherited value the organization does not set itself: the system's, said as what the user gets. */
    organizationFromSystem: 'Organization default (the system’s): {value}',
    /** Locale and time zone that no level sets: the pages follow the browser (and the Language). */
    notSet: {
      user: 'Not set anywhere, so your browser’s: {value}',
      others: 'Not set anywhere, so each user’s browser’s (yours: {value})',
    },
    lockedByOrganization: 'Set by your organization for everyone: {value}',
    useParent: { user: 'Use Organization', organization: 'Use System', system: 'Use Default' },
    useParentOf: '{use}: {label}',
    usersMayOverride: 'Users may override',
    usersMayOverrideOf: 'Users may override: {label}',
  },
  tree: {
    label: 'Configuration tree',
    root: 'System Configuration',
    groups: { general: 'General Setup', security: 'Security' },
    sections: {
      localization: 'Localization',
      display: 'Display Settings',
      email: 'Email Configuration',
      integrations: 'Integrations',
      passwordPolicy: 'Password Policy',
      sessions: 'Sessions and Sign-in',
    },
  },
  page: {
    titles: {
      user: 'Configuration',
      organization: 'Organization Configuration',
      system: 'Global Configuration',
    },
    myConfiguration: 'My Configuration',
    levels: 'Configuration levels',
    save: 'Save Settings',
    reset: 'Reset',
    cancel: 'Cancel',
    saved: 'Settings saved.',
    cleared: '{section}: your values were cleared.',
    appliesToMe: 'This configuration applies only to you, and only in the current organization.',
    appliesToMeIn:
      'This configuration applies only to you, and only in the current organization ({organization}).',
    appliesToOrganization:
      'These are the defaults of everyone in {organization}; each user may override the settings you allow.',
    currentOrganization: 'the current organization',
    appliesToSystem: 'These are the defaults of every organization; each organization may set its own.',
    notAllowed: 'You do not have permission to change this configuration.',
    loading: 'Loading the settings…',
    notSaved: 'The settings were not saved',
    resetTitle: 'Reset these settings?',
    resetText: {
      user: 'Every value set here on {section} is cleared, and each field uses the organization’s value again.',
      organization:
        'Every value set here on {section} is cleared, and each field uses the system’s value again.',
      system: 'Every value set here on {section} is cleared, and each field uses the default value again.',
    },
  },
  preview: {
    label: 'Preview',
    today: 'Today:',
    yourName: 'Your name:',
  },
} as const;
