/** The application's frame: layout, user menu, home, error and not-found pages (on every page). */
export const app = {
  layout: {
    skipToContent: 'Skip to main content',
    loadingPage: 'Loading page…',
    loadingProfile: 'Loading your profile…',
  },
  userMenu: {
    signIn: 'Sign in',
    logout: 'Logout',
    signOutFailed: 'You are still signed in',
  },
  home: {
    title: 'Home',
    welcomeAnonymous: 'Welcome to Atrium',
    welcome: 'Welcome, {firstName}',
    signInExplain: 'Sign in to open your workspace.',
    signIn: 'Sign in',
  },
  /** The home page's cards, by the user menu's stable item keys (web/app/user-menu-items.ts). */
  shortcuts: {
    my_user: 'My User',
    my_configuration: 'My Configuration',
    custom_fields: 'Custom User Fields',
    password_policy: 'Password policy',
    outbox: 'Outbox',
  },
  shortcutDescriptions: {
    my_user: 'Review your profile, change your password, generate an API key and see your activity.',
    my_configuration: 'Choose your language, time zone, email signature and other personal settings.',
  },
  organizationSwitcher: {
    /** Read before the organization's name by screen readers. */
    current: 'Organization: ',
    button: 'Organization: {name}. Switch organization',
    menuLabel: 'Switch organization',
    switched: 'Organization switched',
    switchedMessage: 'You are now working in {name}.',
    switchFailed: 'Could not switch the organization',
  },
  errorPage: {
    title: 'Something went wrong',
    explain: 'This page could not be shown. Reloading it usually helps.',
    reload: 'Reload',
    home: 'Go to the home page',
  },
  notFound: {
    title: 'Page not found',
    explain: 'The page you asked for does not exist, or it has moved.',
    home: 'Go to the home page',
  },
} as const;
