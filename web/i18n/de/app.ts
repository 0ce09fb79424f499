import type { Translation } from '../translation';

/** German: the frame around every page (layout, user menu, home, error and not-found pages). */
export const app = {
  layout: {
    skipToContent: 'Zum Hauptinhalt springen',
    loadingPage: 'Seite wird geladen…',
    loadingProfile: 'Ihr Profil wird geladen…',
  },
  userMenu: {
    signIn: 'Anmelden',
    logout: 'Abmelden',
    signOutFailed: 'Sie sind noch angemeldet',
  },
  home: {
    title: 'Startseite',
    welcomeAnonymous: 'Willkommen bei Atrium',
    welcome: 'Willkommen, {firstName}',
    signInExplain: 'Melden Sie sich an, um Ihren Arbeitsbereich zu öffnen.',
    signIn: 'Anmelden',
  },
  shortcuts: {
    my_user: 'Mein Benutzer',
    my_configuration: 'Meine Konfiguration',
    custom_fields: 'Benutzerdefinierte Benutzerfelder',
    password_policy: 'Passwortrichtlinie',
    outbox: 'Postausgang',
  },
  shortcutDescriptions: {
    my_user:
      'Sehen Sie Ihr Profil ein, ändern Sie Ihr Passwort, erzeugen Sie einen API-Schlüssel und sehen Sie Ihre Aktivität.',
    my_configuration: 'Wählen Sie Sprache, Zeitzone, E-Mail-Signatur und andere persönliche Einstellungen.',
  },
  organizationSwitcher: {
    current: 'Organisation: ',
    button: 'Organisation: {name}. Organisation wechseln',
    menuLabel: 'Organisation wechseln',
    switched: 'Organisation gewechselt',
    switchedMessage: 'Sie arbeiten jetzt in {name}.',
    switchFailed: 'Die Organisation konnte nicht gewechselt werden',
  },
  errorPage: {
    title: 'Etwas ist schiefgelaufen',
    explain: 'Diese Seite konnte nicht angezeigt werden. Neu laden hilft meistens.',
    reload: 'Neu laden',
    home: 'Zur Startseite',
  },
  notFound: {
    title: 'Seite nicht gefunden',
    explain: 'Die angeforderte Seite existiert nicht oder wurde verschoben.',
    home: 'Zur Startseite',
  },
} as const satisfies Translation;
