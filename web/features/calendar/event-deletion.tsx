import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OccurrenceScope } from '../../../common/calendar';
import { DangerConfirmActions, FailureAlert } from '../../ui/feedback';
import { notifySuccess } from '../../ui/notify';
import { type CalendarEventResource, useDeleteCalendarEvent } from './api';
import type { EditedOccurrence } from './event-plan';

/**
 * The event dialog's **Delete** and its confirmation: the event, or — for an occurrence of a
 * series — the occurrences the dialog's scope names. Closes the dialog once deleted.
 */
export function EventDeletion(props: {
  event: CalendarEventResource;
  occurrence: EditedOccurrence | undefined;
  scope: OccurrenceScope;
  /** the title as typed (an occurrence's confirmation names it) */
  title: string;
  onDeleted: () => void;
}) {
  const { event, occurrence, scope, title, onDeleted } = props;
  const { t } = useTranslation('calendar');
  const remove = useDeleteCalendarEvent();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  return (
    <>
      <Group>
        <Button variant="default" color="red.8" onClick={() => setConfirmingDelete(true)}>
          {t('view.delete')}
        </Button>
      </Group>
      {confirmingDelete ? (
        <Modal
          opened
          onClose={() => setConfirmingDelete(false)}
          title={t('deletion.title')}
          centered
          closeButtonProps={{ 'aria-label': t('deletion.close') }}
        >
          <Stack gap="md">
            <Text>
              {occurrence
                ? t('deletion.scoped', { title: title || event.attributes.title, scope: t(`scope.${scope}`) })
                : t('deletion.single', { title: event.attributes.title })}
            </Text>
            <FailureAlert
              title={t('deletion.failed')}
              message={remove.error instanceof Error ? remove.error.message : null}
            />
            <DangerConfirmActions
              label={t('view.delete')}
              loading={remove.isPending}
              onCancel={() => setConfirmingDelete(false)}
              onConfirm={() =>
                remove.mutate(
                  occurrence
                    ? { id: occurrence.seriesId, occurrence: occurrence.originalStart, scope }
                    : { id: event.id },
                  {
                    onSuccess: () => {
                      notifySuccess(t('view.deleted'));
                      setConfirmingDelete(false);
                      onDeleted();
                    },
                  },
                )
              }
            />
          </Stack>
        </Modal>
      ) : null}
    </>
  );
}
