import type { Translation } from '../translation';

/** German: the access feature (roles). */
export const access = {
  roles: {
    title: 'Rollen',
    loading: 'Rollen werden geladen…',
    loadFailed: 'Die Rollen konnten nicht geladen werden',
    intro:
      'Legen Sie fest, was jede Rolle in dieser Organisation darf. Mitglieder erhalten die Änderung beim nächsten Seitenaufruf.',
    builtIn: 'Vordefiniert',
    notSaved: 'Die Rolle wurde nicht gespeichert',
    permissionsOf: 'Berechtigungen der Rolle {name}',
    notHeld: 'Diese Berechtigung haben Sie selbst nicht.',
    needsPermission: 'Zum Ändern einer Rolle ist die Berechtigung „{permission}“ erforderlich.',
    saved: 'Rolle gespeichert',
    savedMessage: 'Die Rolle {name} wurde aktualisiert.',
  },
  permissions: {
    users: {
      view: 'Benutzer meiner Organisation anzeigen',
      create: 'Benutzer anlegen',
      edit: 'Benutzer und ihre Rollen bearbeiten',
      disable: 'Benutzer aktivieren und deaktivieren',
    },
    password_management: 'Passwort anderer Benutzer ändern oder zurücksetzen',
    manage_api_keys: 'API-Schlüssel anderer Benutzer verwalten',
    update_own_profile: 'Mein eigenes Profil bearbeiten',
    update_own_configuration: 'Meine eigene Konfiguration ändern',
    manage_menus: 'Meine Menüs konfigurieren',
    audit: {
      view: 'Sicherheits-Audit-Protokoll anzeigen',
    },
    roles: {
      manage: 'Berechtigungen der Rollen bearbeiten',
    },
    organizations: {
      manage: 'Organisationen anlegen und umbenennen',
    },
    organization: {
      settings: 'Einstellungen der Organisation ändern',
    },
    custom_fields: {
      manage: 'Benutzerdefinierte Benutzerfelder festlegen',
    },
    mail: {
      manage: 'Ausgehende E-Mails anzeigen und erneut senden',
    },
    calendar_events: {
      assign: 'Termine in Kalender anderer Benutzer eintragen',
      manage: 'Kalendertermine anderer Benutzer bearbeiten und löschen',
    },
    tasks: {
      assign: 'Aufgaben anderen Benutzern zuweisen',
      manage: 'Aufgaben anderer Benutzer bearbeiten und löschen',
    },
    system: {
      settings: 'Systemweite Einstellungen ändern',
    },
    activities: {
      view: 'Aktivitäten anderer Benutzer anzeigen',
    },
    calls: {
      log: 'Anrufe protokollieren',
      manage: 'Anrufe anderer Benutzer bearbeiten und löschen',
    },
    emails: {
      send: 'E-Mails senden',
    },
    email_templates: {
      manage: 'E-Mail-Vorlagen verwalten',
    },
  },
} as const satisfies Translation;
