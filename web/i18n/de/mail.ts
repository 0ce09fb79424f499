import type { Translation } from '../translation';

/** German: the Outbox and one outgoing message. */
export const mail = {
  status: {
    queued: 'In Warteschlange',
    sending: 'Wird gesendet',
    sent: 'Gesendet',
    failed: 'Fehlgeschlagen',
    cancelled: 'Abgebrochen',
  },
  notAllowed: 'Nicht erlaubt',
  needsPermission:
    'Um diese Seite zu sehen, benötigen Sie die Berechtigung, ausgehende E-Mails anzuzeigen und erneut zu senden.',
  outbox: {
    title: 'Postausgang',
    refreshing: 'Wird aktualisiert…',
    explain:
      'E-Mails, die Atrium für Ihre Organisation sendet. Eine Nachricht, die nicht zugestellt werden kann, wird erneut versucht und dann als fehlgeschlagen markiert; „Erneut versuchen“ sendet sie noch einmal.',
    status: 'Status',
    allStatuses: 'Alle',
    loading: 'Nachrichten werden geladen…',
    loadFailed: 'Der Postausgang konnte nicht geladen werden',
    empty: 'Keine Nachrichten.',
    caption: 'Ausgehende E-Mails, neueste zuerst',
    captionFiltered: {
      queued: 'Ausgehende E-Mails, neueste zuerst (nur in Warteschlange)',
      sending: 'Ausgehende E-Mails, neueste zuerst (nur im Versand)',
      sent: 'Ausgehende E-Mails, neueste zuerst (nur gesendete)',
      failed: 'Ausgehende E-Mails, neueste zuerst (nur fehlgeschlagene)',
      cancelled: 'Ausgehende E-Mails, neueste zuerst (nur abgebrochene)',
    },
    page: 'Seite {page}',
    previous: 'Zurück',
    next: 'Weiter',
    actions: 'Aktionen',
    nextAttempt: 'Nächster Versuch {date}',
  },
  facts: {
    status: 'Status',
    recipient: 'Empfänger',
    subject: 'Betreff',
    attempts: 'Versuche',
    queued: 'In Warteschlange',
    sent: 'Gesendet',
    nextAttempt: 'Nächster Versuch',
    lastError: 'Letzter Fehler',
    messageId: 'Message-ID',
  },
  retry: {
    button: 'Erneut versuchen',
    hidden: ' (Nachricht an {address})',
    queued: 'Nachricht erneut eingereiht',
    queuedMessage: 'An {address}',
    failed: 'Die Nachricht konnte nicht erneut versucht werden',
  },
  message: {
    back: 'Zurück zum Postausgang',
    title: 'Nachricht',
    documentTitle: 'Nachricht: {subject}',
    loading: 'Nachricht wird geladen…',
    notFoundTitle: 'Nachricht nicht gefunden',
    notFound: 'Diese Nachricht gibt es nicht',
    notFoundExplain: 'Sie gehört möglicherweise zu einer anderen Organisation, oder die Adresse ist falsch.',
    loadFailed: 'Die Nachricht konnte nicht geladen werden',
    text: 'Text',
    html: 'HTML',
    htmlFrame: 'HTML-Version der Nachricht',
    secretsHidden:
      'Links mit einem Token und neue Passwörter werden als [hidden] angezeigt: Der Postausgang dient der Zustellung, nicht dem Lesen von Geheimnissen.',
    delivery: 'Zustellung',
  },
} as const satisfies Translation;
