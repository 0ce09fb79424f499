/** The mail feature: the Outbox and one outgoing message. */
export const mail = {
  status: {
    queued: 'Queued',
    sending: 'Sending',
    sent: 'Sent',
    failed: 'Failed',
    cancelled: 'Cancelled',
  },
  notAllowed: 'Not allowed',
  needsPermission: 'You need the permission to view and retry outgoing mail to see this page.',
  outbox: {
    title: 'Outbox',
    refreshing: 'Refreshing…',
    explain:
      'Emails Atrium sends for your organization. A message that cannot be delivered is tried again, then marked failed; Retry sends it once more.',
    status: 'Status',
    allStatuses: 'All',
    loading: 'Loading messages…',
    loadFailed: 'The outbox could not be loaded',
    empty: 'No messages.',
    caption: 'Outgoing mail, newest first',
    /** The caption while a status filter applies; the status in lower case, mid-sentence. */
    captionFiltered: {
      queued: 'Outgoing mail, newest first (queued only)',
      sending: 'Outgoing mail, newest first (sending only)',
      sent: 'Outgoing mail, newest first (sent only)',
      failed: 'Outgoing mail, newest first (failed only)',
      cancelled: 'Outgoing mail, newest first (cancelled only)',
    },
    page: 'Page {page}',
    previous: 'Previous',
    next: 'Next',
    actions: 'Actions',
    nextAttempt: 'Next attempt {date}',
  },
  /** Column headings of the outbox and the facts of one message. */
  facts: {
    status: 'Status',
    recipient: 'Recipient',
    subject: 'Subject',
    attempts: 'Attempts',
    queued: 'Queued',
    sent: 'Sent',
    nextAttempt: 'Next attempt',
    lastError: 'Last error',
    messageId: 'Message-ID',
  },
  retry: {
    button: 'Retry',
    /** Read after "Retry" by screen readers only; it starts with a space. */
    hidden: ' the message to {address}',
    queued: 'Message queued again',
    queuedMessage: 'To {address}',
    failed: 'The message could not be retried',
  },
  message: {
    back: 'Back to the outbox',
    title: 'Message',
    documentTitle: 'Message: {subject}',
    loading: 'Loading the message…',
    notFoundTitle: 'Message not found',
    notFound: 'There is no such message',
    notFoundExplain: 'It may belong to another organization, or the address is wrong.',
    loadFailed: 'The message could not be loaded',
    text: 'Text',
    html: 'HTML',
    htmlFrame: 'HTML version of the message',
    secretsHidden:
      'Links with a token and new passwords are shown as [hidden]: the outbox is for delivery, not for reading secrets.',
    delivery: 'Delivery',
  },
} as const;
