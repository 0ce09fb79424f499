import type { Translation } from '../translation';

/** German: the Audit Log page. */
export const audit = {
  title: 'Audit-Protokoll',
  formerMember: 'Ein ehemaliges Mitglied',
  notAvailable: 'Für Sie nicht verfügbar',
  needsPermission: 'Zum Anzeigen des Audit-Protokolls ist die Berechtigung „{{permission}}“ erforderlich.',
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
  total_one: '{{count}} Ereignis',
  total_other: '{{count}} Ereignisse',
  previousPage: 'Vorherige Seite',
  nextPage: 'Nächste Seite',
} as const satisfies Translation;
