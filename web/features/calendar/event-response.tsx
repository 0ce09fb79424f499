import { Button, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconQuestionMark, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, apiFetch } from '../../app/api';
import '../../i18n/lazy-namespaces';
import { apiPaths } from '../../app/api-paths';
import type { ApiAttributes, ApiResource } from '../../app/api-types';
import { FailureAlert } from '../../ui/feedback';
import { notifySuccess } from '../../ui/notify';

/** A guest's answer as the API writes it (`attendees[].status` of a `calendarevents` resource). */
/** A guest's answer (`CalendarEvent`'s attendees and `CalendarEventAnswer` of the OpenAPI document). */
export type AttendeeStatus = ApiAttributes<'CalendarEventAnswer'>['status'];
type Answer = Exclude<AttendeeStatus, 'none'>;

type Attendee = ApiAttributes<'CalendarEvent'>['attendees'][number];

/**
 * The viewer's answer to an event when they are one of its guests (an attendee whose `user` is
 * them), else undefined. Takes any resource: only a `calendarevents` one can have guests.
 */
export function viewerGuestStatus(
  resource: { type: string; attributes?: unknown },
  viewerId: string | undefined,
): AttendeeStatus | undefined {
  if (resource.type !== 'calendarevents' || viewerId === undefined) return undefined;
  const attendees = (resource.attributes as { attendees?: Attendee[] } | undefined)?.attendees ?? [];
  return attendees.find((attendee) => attendee.user === viewerId)?.status;
}

/** PATCH /api/calendarevents/{id}/answer; refreshes what shows the event afterwards. */
export function useAnswerEvent(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: Answer) =>
      apiFetch<{ data: ApiResource<'CalendarEventAnswer'> }>(apiPaths.calendarEventAnswer(eventId), {
        method: 'PATCH',
        body: { data: { type: 'calendar-event-answers', attributes: { status } } },
      }),
    onSuccess: () => {
      // The Activity section, the calendar and the event itself show the guests' answers.
      void queryClient.invalidateQueries({ queryKey: ['activities'] });
      void queryClient.invalidateQueries({ queryKey: ['calendarevents', eventId] });
      void queryClient.invalidateQueries({ queryKey: ['calendar-occurrences'] });
    },
  });
}

const answers: { status: Answer; icon: typeof IconCheck; color: string }[] = [
  { status: 'accepted', icon: IconCheck, color: 'teal.9' },
  { status: 'tentative', icon: IconQuestionMark, color: 'yellow.9' },
  { status: 'declined', icon: IconX, color: 'red.9' },
];

/**
 * **Accept**, **Tentative**, **Decline** for the viewer's invitation to an event (issue 14 item
 * 2): a labelled group of toggle buttons (`aria-pressed` marks the current answer), the answer
 * as text, a spinner on the button while it is sent, and a failure alert. The organizer is told
 * by the server. Drop it into any view of an event the viewer is a guest of (`viewerGuestStatus`).
 */
export function EventResponse({ eventId, status }: { eventId: string; status: AttendeeStatus }) {
  const { t } = useTranslation('calendarSharing');
  const answer = useAnswerEvent(eventId);
  const current = answer.data?.data.attributes.status ?? status;
  const labels: Record<Answer, string> = {
    accepted: t('response.accept'),
    tentative: t('response.tentative'),
    declined: t('response.decline'),
  };
  return (
    <Stack gap={6}>
      <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Text component="legend" size="sm" fw={600} p={0} mb={4}>
          {t('response.legend')}
        </Text>
        <Group gap="xs" wrap="wrap">
          {answers.map(({ status: value, icon: Icon, color }) => {
            const pressed = current === value;
            return (
              <Button
                key={value}
                size="xs"
                variant={pressed ? 'filled' : 'default'}
                color={pressed ? color : undefined}
                // Dark text on the light filled colour (yellow.9 under white text is 3:1; axe).
                autoContrast
                aria-pressed={pressed}
                leftSection={<Icon size={14} aria-hidden="true" />}
                loading={answer.isPending && answer.variables === value}
                disabled={answer.isPending}
                onClick={() => answer.mutate(value, { onSuccess: () => notifySuccess(t('response.saved')) })}
              >
                {labels[value]}
              </Button>
            );
          })}
        </Group>
      </fieldset>
      <Text size="sm" c="gray.8" role="status">
        {answer.isPending ? t('response.saving') : t(`response.current.${current}`)}
      </Text>
      <FailureAlert
        title={t('response.failed')}
        message={
          answer.error instanceof ApiError ? answer.error.message : answer.error ? String(answer.error) : null
        }
      />
    </Stack>
  );
}
