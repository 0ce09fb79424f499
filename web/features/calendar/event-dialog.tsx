import { Checkbox, Loader, Radio, Stack, Text, TextInput } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_TITLE_MAX } from '../../../common/calendar';
import { useCurrentUser } from '../../app/api';
import { FormDialog } from '../../ui/form-dialog';
import { useViewerLocale, useViewerTimeZone } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { PeoplePicker } from '../../ui/people-picker';
import { useCreateCalendarEvent, useUpdateCalendarEvent } from './api';
import { EventDeletion } from './event-deletion';
import { useEventForm } from './event-form';
import {
  type EventDialogOpening,
  type EventFormValues,
  initialEventValues,
  planEventSave,
} from './event-plan';
import { RepeatFields } from './event-repeat-fields';
import { EventColourField, EventTimeFields } from './event-time-fields';
import { RemindersField, reminderRowErrors } from './reminders-field';
import '../../i18n/lazy/calendar';

export type { EditedOccurrence } from './event-plan';

const RichTextEditor = lazy(() => import('../../ui/rich-text-editor'));

export type EventDialogProps = EventDialogOpening & {
  opened: boolean;
  onClose: () => void;
  /** The user whose calendar gets the event (its owner). */
  owner: { id: string; name: string };
};

/** The API's pointers that name a field of the form. */
const POINTERS = {
  '/data/attributes/start': 'startDate',
  '/data/attributes/end': 'endDate',
  '/data/attributes/recurrence': 'repeat',
  '/data/attributes/attendees': 'guests',
  '/data/attributes/timeZone': 'startDate',
} as const;

/**
 * **Add New Event** into my own calendar (as OroCRM's calendar names it), **Assign Event To**
 * into another user's (More Actions → Assign Event on their page), and the event's edit dialog
 * (opened from the calendar): **Title**, **Description** (rich text), **Start** and **End** (date
 * and time in the viewer's locale and time zone), **All-day** (dates only), **Colour** (the
 * palette), **Repeat** (daily, weekly on chosen days, monthly on a day or the nth/last weekday,
 * yearly; every N; ending never / after N / on a date; an RFC 5545 RRULE in the event's IANA zone,
 * summarized in words), **Reminders**, **Guests** (organization users by the people picker, or any
 * address), **Save**. Editing an occurrence of a series asks which occurrences the change is for:
 * this one, this and the following, or all. Mount it when it opens: the form starts from its props.
 */
export function EventDialog(props: EventDialogProps) {
  const { opened, onClose, owner, event, occurrence } = props;
  const { t } = useTranslation('calendar');
  const { data: me } = useCurrentUser();
  const locale = useViewerLocale();
  const viewerZone = useViewerTimeZone();
  // An event repeats in its own zone; a new one in the viewer's.
  const eventZone = event?.attributes.timeZone ?? viewerZone ?? 'UTC';
  const [initial] = useState(() => initialEventValues(props, viewerZone));
  const { form, dateProblems } = useEventForm(initial, viewerZone);
  const create = useCreateCalendarEvent();
  const update = useUpdateCalendarEvent();
  const isSeriesOccurrence = occurrence !== undefined;
  const values = form.getValues();

  const submit = async (submitted: EventFormValues) => {
    const save = planEventSave({
      submitted,
      initial,
      opening: props,
      ownerId: owner.id,
      viewerZone,
      eventZone,
    });
    if (!save) throw new Error(t('dialog.startRequired'));
    if (save.kind === 'create')
      return create.mutateAsync({ ownerId: save.ownerId, attributes: save.attributes });
    return update.mutateAsync({ target: save.target, attributes: save.attributes });
  };

  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={event ? t('dialog.editTitle') : me?.id === owner.id ? t('dialog.newTitle') : t('dialog.title')}
      form={form}
      onSubmit={submit}
      onSuccess={() => notifySuccess(event ? t('dialog.saved') : t('dialog.assigned', { name: owner.name }))}
      failureTitle={t('dialog.failed')}
      pointers={POINTERS}
    >
      {!event ? (
        <Text size="sm" c="gray.8">
          {t('dialog.calendarOf', { name: owner.name })}
        </Text>
      ) : null}
      {isSeriesOccurrence ? <ScopeChoice form={form} /> : null}
      <TextInput
        label={t('dialog.titleField')}
        required
        maxLength={EVENT_TITLE_MAX}
        data-autofocus
        {...form.getInputProps('title')}
      />
      <Suspense fallback={<Loader size="sm" aria-label={t('dialog.loadingEditor')} />}>
        <RichTextEditor
          label={t('dialog.description')}
          value={initial.description}
          version={0}
          onChange={(html) => form.setFieldValue('description', html)}
          error={form.errors.description as string | undefined}
        />
      </Suspense>
      <Checkbox label={t('dialog.allDay')} {...form.getInputProps('allDay', { type: 'checkbox' })} />
      <EventTimeFields form={form} locale={locale} viewerZone={viewerZone} dateProblems={dateProblems} />
      <EventColourField form={form} />
      {!(isSeriesOccurrence && values.scope === 'this') ? <RepeatFields form={form} locale={locale} /> : null}
      <RemindersField
        value={values.reminders}
        onChange={(next) => form.setFieldValue('reminders', next)}
        error={typeof form.errors.reminders === 'string' ? form.errors.reminders : undefined}
        rowErrors={reminderRowErrors(form.errors)}
      />
      <PeoplePicker
        label={t('dialog.guests')}
        value={values.guests}
        onChange={(next) => form.setFieldValue('guests', next)}
        error={form.errors.guests as string | undefined}
      />
      {event ? (
        <EventDeletion
          event={event}
          occurrence={occurrence}
          scope={values.scope}
          title={values.title}
          onDeleted={onClose}
        />
      ) : null}
    </FormDialog>
  );
}

/** Which occurrences of a series the change is for: this one, this and the following, or all. */
function ScopeChoice({ form }: { form: ReturnType<typeof useEventForm>['form'] }) {
  const { t } = useTranslation('calendar');
  return (
    <Radio.Group label={t('scope.label')} {...form.getInputProps('scope')}>
      <Stack gap={6} mt={6}>
        <Radio value="this" label={t('scope.this')} />
        <Radio value="following" label={t('scope.following')} />
        <Radio value="all" label={t('scope.all')} />
      </Stack>
    </Radio.Group>
  );
}
