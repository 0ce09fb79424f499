import type { Translation } from '../translation';

/** German: the API Key field of My User (and of a user’s page). */
export const apiKeys = {
  label: 'API-Schlüssel',
  loading: 'API-Schlüssel wird geladen…',
  none: 'k. A.',
  generate: 'Schlüssel erzeugen',
  revoke: 'Widerrufen',
  notChanged: 'Der API-Schlüssel wurde nicht geändert',
  replace: {
    title: 'API-Schlüssel ersetzen?',
    explain:
      'Der aktuelle Schlüssel ({prefix}…) funktioniert sofort nicht mehr. Alles, was ihn verwendet, braucht den neuen Schlüssel.',
  },
  revokeConfirm: {
    title: 'API-Schlüssel widerrufen?',
    explain:
      'Der Schlüssel ({prefix}…) funktioniert sofort nicht mehr. Sie können jederzeit einen neuen erzeugen.',
  },
  summary: {
    created: 'Erstellt am {date}',
    lastUsed: 'Zuletzt verwendet am {date}',
    lastUsedFrom: 'Zuletzt verwendet am {date} von {ip}',
    neverUsed: 'Nie verwendet',
  },
  newKey: {
    warning: 'Kopieren Sie Ihren neuen API-Schlüssel jetzt: Er wird nicht noch einmal angezeigt.',
    label: 'Neuer API-Schlüssel',
    copyKey: 'API-Schlüssel kopieren',
    tryIt: 'Probieren Sie ihn in einem Terminal aus:',
    copyCurl: 'curl-Befehl kopieren',
    done: 'Fertig',
    copied: 'Kopiert',
  },
} as const satisfies Translation;
