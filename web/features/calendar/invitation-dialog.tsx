import { Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmailBodyFrame } from '../../ui/email-body-frame';
import { useFormatter } from '../../ui/format';
import type { CalendarEventResource } from './api';
import { formatEventSpan } from './event-activity-item';
import { EventResponse, viewerGuestStatus } from './event-response';
import '../../i18n/lazy/calendar';

/**
 * An event of another calendar that the viewer is a guest of, opened from their own calendar:
 * what, when, the description, and the viewer's **Accept / Tentative / Decline**. Read-only: only
 * the organizer changes the event.
 */
export function InvitationDialog({
  event,
  viewerId,
  onClose,
}: {
  event: CalendarEventResource;
  viewerId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('calendar');
  const format = useFormatter();
  const status = viewerGuestStatus(event, viewerId);
  return (
    <Modal opened onClose={onClose} title={event.attributes.title} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="gray.8">
          {t('invitation.label')} · {formatEventSpan(event.attributes, format)}
        </Text>
        {event.attributes.description ? (
          <EmailBodyFrame
            body={{ type: 'html', content: event.attributes.description }}
            title={t('dialog.description')}
          />
        ) : null}
        {status ? <EventResponse eventId={event.id} status={status} /> : null}
      </Stack>
    </Modal>
  );
}
