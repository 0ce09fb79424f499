import type { Translation } from '../translation';

/** German: API errors by their code. */
export const errors = {
  network_error: 'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  internal_error: 'Bei uns ist etwas schiefgelaufen. Versuchen Sie es gleich noch einmal.',
  forbidden: 'Dazu fehlt Ihnen die Berechtigung.',
  not_found: 'Dieser Datensatz existiert nicht oder wurde gelöscht.',
  rate_limited: 'Zu viele Versuche. Warten Sie einen Moment und versuchen Sie es erneut.',
} as const satisfies Translation;
