import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatter } from '../../ui/format';
import type { MailStatus } from './api';
import '../../i18n/lazy/mail';

/** White text on each of these background shades passes WCAG AA (theme.ts). */
const statusColors: Record<MailStatus, string> = {
  queued: 'indigo.8',
  sending: 'blue.9',
  sent: 'teal.9',
  failed: 'red.9',
  cancelled: 'gray.7',
};

/** The statuses a message can have; their words are `mail:status.<status>`. */
export const mailStatuses = Object.keys(statusColors) as MailStatus[];

/** The status as a word (never colour alone). */
export function MailStatusBadge({ status }: { status: MailStatus }) {
  const { t } = useTranslation('mail');
  return (
    <Badge color={statusColors[status]} variant="filled" radius="sm">
      {t(`status.${status}`)}
    </Badge>
  );
}

/** The viewer's date and time of an instant (their Localization settings), "—" when there is none. */
export function useMailDateTime(): (iso: string | null) => string {
  const format = useFormatter();
  return (iso) => (iso ? format.dateTime(iso) : '—');
}
