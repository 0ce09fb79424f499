import { Badge } from '@mantine/core';
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

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(iso: string | null): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}
