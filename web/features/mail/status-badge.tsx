import { Badge } from '@mantine/core';
import { useFormatter } from '../../ui/format';
import type { MailStatus } from './api';

/** White text on each of these background shades passes WCAG AA (theme.ts). */
const statusColors: Record<MailStatus, string> = {
  queued: 'indigo.8',
  sending: 'blue.9',
  sent: 'teal.9',
  failed: 'red.9',
};

export const statusLabels: Record<MailStatus, string> = {
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
};

/** The status as a word (never colour alone). */
export function MailStatusBadge({ status }: { status: MailStatus }) {
  return (
    <Badge color={statusColors[status]} variant="filled" radius="sm">
      {statusLabels[status]}
    </Badge>
  );
}

/** The viewer's date and time of an instant (their Localization settings), "—" when there is none. */
export function useMailDateTime(): (iso: string | null) => string {
  const format = useFormatter();
  return (iso) => (iso ? format.dateTime(iso) : '—');
}
