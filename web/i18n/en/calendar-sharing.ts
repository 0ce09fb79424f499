/**
 * Answers to invitations (web/features/calendar/event-response.tsx) and My calendar feed
 * (web/features/settings/calendar-feed.tsx): the server half of issue 14's invitations and feeds.
 * Kept apart from the calendar view's own namespace so both can grow independently.
 */
export const calendarSharing = {
  response: {
    legend: 'Your answer',
    accept: 'Accept',
    tentative: 'Tentative',
    decline: 'Decline',
    current: {
      none: 'You have not answered yet.',
      accepted: 'You accepted.',
      tentative: 'You answered tentatively.',
      declined: 'You declined.',
    },
    saving: 'Sending your answer…',
    saved: 'Your answer was sent to the organizer.',
    failed: 'Your answer was not saved',
  },
  feed: {
    title: 'My calendar feed',
    explain:
      'A private address of your calendar in this organization, to subscribe to from Google Calendar, Outlook or Apple Calendar. Anyone with the address can read your events: keep it private.',
    loading: 'Loading the calendar feed…',
    none: 'You have no calendar feed.',
    active: 'Your calendar feed was created on {date}.',
    create: 'Create',
    replace: 'Create a new address',
    revoke: 'Revoke',
    copy: 'Copy',
    copied: 'Copied',
    urlLabel: 'Calendar feed address',
    shownOnce: 'Copy the address now: it is shown only this once.',
    done: 'Done',
    failed: 'The calendar feed was not changed',
    replaceTitle: 'Create a new address?',
    replaceExplain:
      'The current address stops working at once. Calendars subscribed to it will need the new one.',
    revokeTitle: 'Revoke the calendar feed?',
    revokeExplain: 'The address stops working at once. You can create a new one at any time.',
    cancel: 'Cancel',
    close: 'Close',
    revoked: 'The calendar feed was revoked.',
  },
} as const;
