import type { Translation } from '../translation';

/** German: the Audit Log page. */
export const audit = {
  title: 'Audit-Protokoll',
  formerMember: 'Ein ehemaliges Mitglied',
  notAvailable: 'Für Sie nicht verfügbar',
  needsPermission: 'Zum Anzeigen des Audit-Protokolls ist die Berechtigung „{permission}“ erforderlich.',
  filters: 'Audit-Protokoll filtern',
  action: 'Aktion',
  anyAction: 'Alle Aktionen',
  from: 'Von',
  clearFrom: 'Von-Datum leeren',
  to: 'Bis',
  clearTo: 'Bis-Datum leeren',
  loadFailed: 'Das Audit-Protokoll konnte nicht geladen werden',
  loading: 'Audit-Protokoll wird geladen…',
  columns: {
    when: 'Wann',
    action: 'Aktion',
    user: 'Benutzer',
    by: 'Durch',
    ip: 'IP-Adresse',
    details: 'Details',
  },
  empty: 'Keine Ereignisse entsprechen diesen Filtern.',
  total: '{count, plural, one {# Ereignis} other {# Ereignisse}}',
  previousPage: 'Vorherige Seite',
  nextPage: 'Nächste Seite',
  actions: {
    session: {
      signed_in: 'Angemeldet',
      sign_in_failed: 'Fehlgeschlagene Anmeldung',
      signed_out: 'Abgemeldet',
      ended: 'Sitzung beendet',
      organization_switched: 'Organisation gewechselt',
    },
    account: {
      locked: 'Konto gesperrt',
    },
    user: {
      created: 'Konto erstellt',
      updated: 'Konto geändert',
      enabled: 'Konto aktiviert',
      disabled: 'Konto deaktiviert',
      roles_changed: 'Rollen geändert',
      instance_administrator_appointed: 'Instanzadministrator ernannt',
      instance_administrator_dismissed: 'Instanzadministrator abberufen',
    },
    role: {
      permissions_changed: 'Rollenberechtigungen geändert',
    },
    organization: {
      created: 'Organisation erstellt',
      renamed: 'Organisation umbenannt',
    },
    profile: {
      updated: 'Profil geändert',
      email_changed: 'Primäre E-Mail-Adresse geändert',
    },
    avatar: {
      changed: 'Avatar geändert',
      removed: 'Avatar entfernt',
    },
    email: {
      verified: 'E-Mail-Adresse bestätigt',
    },
    custom_field: {
      created: 'Benutzerdefiniertes Feld erstellt',
      updated: 'Benutzerdefiniertes Feld geändert',
      deleted: 'Benutzerdefiniertes Feld gelöscht',
    },
    password: {
      changed: 'Passwort geändert',
      change_failed: 'Fehlgeschlagene Passwortänderung',
      set_by_admin: 'Passwort von einem Administrator gesetzt',
      reset_by_admin: 'Passwort von einem Administrator zurückgesetzt',
      reset_requested: 'Zurücksetzen des Passworts angefordert',
      reset_completed: 'Passwort zurückgesetzt',
    },
    api_key: {
      generated: 'API-Schlüssel erzeugt',
      revoked: 'API-Schlüssel widerrufen',
    },
    settings: {
      changed: 'Einstellungen geändert',
    },
    menus: {
      changed: 'Standardmenüs der Organisation geändert',
      personal_changed: 'Persönliche Menüs geändert',
    },
    mail: {
      retried: 'E-Mail erneut gesendet',
    },
  },
} as const satisfies Translation;
