import type { Translation } from '../translation';

/** German: My User, the users grid, Create User, Edit. */
export const users = {
  activityAndCalendar: {
    tabs: 'Aktivität und Kalender',
    activity: 'Aktivität',
    calendar: 'Kalender',
    loading: 'Kalender wird geladen…',
  },
  create: {
    title: 'Benutzer erstellen',
    failed: 'Der Benutzer wurde nicht erstellt',
    username: 'Benutzername',
    primaryEmail: 'Primäre E-Mail',
    firstName: 'Vorname',
    lastName: 'Nachname',
    password: 'Passwort',
    passwordRequired: 'Geben Sie ein Passwort ein oder klicken Sie auf „Passwort vorschlagen“.',
    suggestPassword: 'Passwort vorschlagen',
    roles: 'Rollen',
    noRoles: 'Keine Rollen',
    mustChangePassword: 'Der Benutzer muss das Passwort bei der nächsten Anmeldung ändern',
    created: 'Benutzer erstellt',
    createdMessage: '{{username}} kann sich jetzt anmelden.',
  },
  edit: {
    loading: 'Profil wird geladen…',
    titleSelf: 'Mein Benutzer bearbeiten',
    titleOther: 'Benutzer bearbeiten',
    titleOtherNamed: 'Benutzer bearbeiten: {{name}}',
    cannotEdit: 'Dieser Benutzer kann nicht bearbeitet werden',
    notAvailable: 'Für Sie nicht verfügbar',
    needsPermission: 'Zum Bearbeiten dieses Profils ist die Berechtigung „{{permission}}“ erforderlich.',
    notSaved: 'Das Profil wurde nicht gespeichert',
    general: 'Allgemein',
    additional: 'Zusätzlich',
    password: 'Passwort',
    tabWithErrors: '{{tab}} ({{count}} zu korrigieren)',
    stale: {
      title: 'Dieser Benutzer wurde inzwischen geändert',
      explain:
        'Jemand hat dieses Profil geändert, seit Sie es geöffnet haben (vielleicht in einem anderen Tab). Laden Sie es neu, um die Änderungen zu sehen; Ihre ungespeicherten Änderungen hier gehen verloren.',
      reload: 'Neu laden',
    },
    leave: {
      title: 'Ohne Speichern verlassen?',
      explain:
        'Ihre Änderungen an diesem Profil sind nicht gespeichert. Wenn Sie jetzt gehen, gehen sie verloren.',
      stay: 'Auf dieser Seite bleiben',
      leave: 'Ohne Speichern verlassen',
    },
    savedOther: 'Der Benutzer wurde gespeichert.',
    savedProfile: 'Ihr Profil wurde gespeichert.',
    savedPassword: 'Ihr Passwort wurde geändert. Ihre anderen Sitzungen wurden abgemeldet.',
    savedProfileAndPassword:
      'Ihr Profil und Ihr neues Passwort wurden gespeichert. Ihre anderen Sitzungen wurden abgemeldet.',
    currentPasswordRequired:
      'Geben Sie Ihr aktuelles Passwort ein, um Ihre primäre E-Mail-Adresse zu ändern.',
  },
} as const satisfies Translation;
