/** The api-keys feature: the API Key field of My User (and of a user's page). */
export const apiKeys = {
  label: 'API Key',
  loading: 'Loading the API key…',
  none: 'N/A',
  generate: 'Generate Key',
  revoke: 'Revoke',
  notChanged: 'The API key was not changed',
  replace: {
    title: 'Replace the API key?',
    explain:
      'The current key ({prefix}…) stops working at once. Anything that uses it will need the new key.',
  },
  revokeConfirm: {
    title: 'Revoke the API key?',
    explain: 'The key ({prefix}…) stops working at once. You can generate a new one at any time.',
  },
  summary: {
    created: 'Created {date}',
    lastUsed: 'Last used {date}',
    lastUsedFrom: 'Last used {date} from {ip}',
    neverUsed: 'Never used',
  },
  newKey: {
    warning: 'Copy your new API key now: it will not be shown again.',
    label: 'New API key',
    copyKey: 'Copy the API key',
    tryIt: 'Try it from a terminal:',
    copyCurl: 'Copy the curl command',
    done: 'Done',
    copied: 'Copied',
  },
} as const;
