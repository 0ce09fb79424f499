import type { Translation } from '../translation';

/** German: answers to invitations and My calendar feed. */
export const calendarSharing = {
  response: {
    legend: 'Ihre Antwort',
    accept: 'Zusagen',
    tentative: 'Vorläufig',
    decline: 'Absagen',
    current: {
      none: 'Sie haben noch nicht geantwortet.',
      accepted: 'Sie haben zugesagt.',
      tentative: 'Sie haben vorläufig zugesagt.',
      declined: 'Sie haben abgesagt.',
    },
    saving: 'Ihre Antwort wird gesendet…',
    saved: 'Ihre Antwort wurde an den Organisator gesendet.',
    failed: 'Ihre Antwort wurde nicht gespeichert',
  },
  feed: {
    title: 'Mein Kalender-Feed',
    explain:
      'Eine private Adresse Ihres Kalenders in dieser Organisation, die Sie in Google Kalender, Outlook oder Apple Kalender abonnieren können. Jeder mit dieser Adresse kann Ihre Termine lesen: Halten Sie sie geheim.',
    loading: 'Kalender-Feed wird geladen…',
    none: 'Sie haben keinen Kalender-Feed.',
    active: 'Ihr Kalender-Feed wurde am {date} erstellt.',
    create: 'Erstellen',
    replace: 'Neue Adresse erstellen',
    revoke: 'Widerrufen',
    copy: 'Kopieren',
    copied: 'Kopiert',
    urlLabel: 'Adresse des Kalender-Feeds',
    shownOnce: 'Kopieren Sie die Adresse jetzt: Sie wird nur dieses eine Mal angezeigt.',
    done: 'Fertig',
    failed: 'Der Kalender-Feed wurde nicht geändert',
    replaceTitle: 'Neue Adresse erstellen?',
    replaceExplain:
      'Die bisherige Adresse funktioniert sofort nicht mehr. Kalender, die sie abonniert haben, brauchen die neue.',
    revokeTitle: 'Kalender-Feed widerrufen?',
    revokeExplain: 'Die Adresse funktioniert sofort nicht mehr. Sie können jederzeit eine neue erstellen.',
    cancel: 'Abbrechen',
    close: 'Schließen',
    revoked: 'Der Kalender-Feed wurde widerrufen.',
  },
} as const satisfies Translation;
