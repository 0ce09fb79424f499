import { Autocomplete, Button, Group, Select, Text, Textarea, TextInput } from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { IconVideo } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatPhoneNational } from '../../../common/phone';
import { fromZonedWallTime, toZonedWallTime } from '../../../common/zoned-time';
import { FormDialog } from '../../ui/form-dialog';
import { useViewerTimeZone } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { type CallAttributes, type CallInput, type CallResource, useLogCall, useUpdateCall } from './api';
import { DurationInput } from './duration-input';
import { newMeetingUrl, useMeetingLinks } from './meeting-links';
import '../../i18n/lazy/activities';

/** Who the call is with: the user whose page it was logged from (its activity target). */
export type CallTarget = { id: string; name: string; phone: string | null };

export type LogCallDialogProps = {
  opened: boolean;
  onClose: () => void;
  target: CallTarget;
  /** Prefilled values: the phone clicked, a meeting link in Additional comments. */
  initial?: { phoneNumber?: string; notes?: string };
  /** A call to edit instead of logging a new one. */
  call?: CallResource;
};

type Values = Omit<CallAttributes, 'duration' | 'callDateTime'> & {
  duration: number | null;
  /** `YYYY-MM-DDTHH:mm` in the viewer's time zone */
  callDateTime: string;
};

function initialValues(props: LogCallDialogProps, timeZone: string | undefined): Values {
  const call = props.call?.attributes;
  return {
    subject: call?.subject ?? '',
    phoneNumber: call?.phoneNumber ?? props.initial?.phoneNumber ?? props.target.phone ?? '',
    notes: call?.notes ?? props.initial?.notes ?? '',
    callDateTime: toZonedWallTime(call?.callDateTime ?? new Date().toISOString(), timeZone),
    callStatus: call?.callStatus ?? 'completed',
    direction: call?.direction ?? 'outgoing',
    duration: call?.duration ?? 0,
  };
}

/**
 * The call's form with the client's rules (the server's errors reach their fields through
 * `FormDialog`), and `toInput`, what **Log Call** or **Save** sends: the call date & time from the
 * viewer's zone, with the page's user as the call's target.
 */
function useLogCallForm(props: LogCallDialogProps) {
  const { t } = useTranslation('activities');
  const timeZone = useViewerTimeZone();
  const form = useForm<Values>({
    initialValues: initialValues(props, timeZone),
    validate: {
      subject: (value) => (value.trim() ? null : t('call.subjectRequired')),
      phoneNumber: (value) => (value.trim() ? null : t('call.phoneRequired')),
      callDateTime: (value) => (fromZonedWallTime(value, timeZone) ? null : t('call.dateRequired')),
      duration: (value) => (value === null ? t('call.durationInvalid') : null),
    },
  });
  const toInput = (submitted: Values): CallInput => ({
    subject: submitted.subject.trim(),
    phoneNumber: submitted.phoneNumber.trim(),
    notes: submitted.notes?.trim() ? submitted.notes : null,
    // Checked by validate: both are set when this runs.
    callDateTime: fromZonedWallTime(submitted.callDateTime, timeZone) as string,
    callStatus: submitted.callStatus,
    direction: submitted.direction,
    duration: submitted.duration as number,
    targetUserIds: [props.target.id],
  });
  return { form, toInput, timeZone };
}

/** With meeting links on, **Start** opens a new room in a new tab and gives its link to `onLink`. */
function StartMeeting({ onLink }: { onLink: (url: string) => void }) {
  const { t } = useTranslation('activities');
  const meetingLinks = useMeetingLinks();
  if (!meetingLinks.enabled) return null;
  const start = () => {
    const url = newMeetingUrl(meetingLinks);
    if (!url) return;
    window.open(url, '_blank', 'noopener,noreferrer');
    onLink(url);
  };
  return (
    <Group gap="sm">
      <Text size="sm" fw={500}>
        {t('call.meetingLink')}
      </Text>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconVideo size={16} aria-hidden="true" />}
        onClick={start}
        aria-label={t('call.startLabel')}
      >
        {t('call.start')}
      </Button>
    </Group>
  );
}

/** **Call status** (In progress, Completed) and **Direction** (Incoming, Outgoing), side by side. */
function CallStatusFields({ form }: { form: UseFormReturnType<Values> }) {
  const { t } = useTranslation('activities');
  return (
    <Group grow align="flex-start">
      <Select
        label={t('call.callStatus')}
        data={[
          { value: 'in_progress', label: t('call.statusInProgress') },
          { value: 'completed', label: t('call.statusCompleted') },
        ]}
        {...form.getInputProps('callStatus')}
        onChange={(value) => value && form.setFieldValue('callStatus', value as Values['callStatus'])}
        allowDeselect={false}
      />
      <Select
        label={t('call.direction')}
        data={[
          { value: 'incoming', label: t('call.incoming') },
          { value: 'outgoing', label: t('call.outgoing') },
        ]}
        {...form.getInputProps('direction')}
        onChange={(value) => value && form.setFieldValue('direction', value as Values['direction'])}
        allowDeselect={false}
      />
    </Group>
  );
}

/**
 * The **Log Call** dialog (OroCRM's call form): **Subject**, **Phone Number** (offers the user's
 * phone, takes any number), **Additional comments**, **Call date & time** (now, in the viewer's
 * time zone), **Call status** (Completed), **Direction** (Outgoing), **Duration**, and **Log Call**.
 * With meeting links on, **Start** opens a new room and notes its link. Also edits a call.
 * On `@mantine/form` + `FormDialog`: the client rules in useLogCallForm, then the server's errors
 * routed to their fields. Mount it when it opens: the form starts from its props.
 */
export function LogCallDialog(props: LogCallDialogProps) {
  const { opened, onClose, target, call } = props;
  const { t } = useTranslation('activities');
  const create = useLogCall();
  const update = useUpdateCall(call?.id ?? '');
  const { form, toInput, timeZone } = useLogCallForm(props);
  const values = form.getValues();
  const noteLink = (url: string) => {
    const notes = form.getValues().notes;
    form.setFieldValue('notes', notes ? `${notes}\n${url}` : url);
  };

  const phones = target.phone ? [target.phone] : [];
  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={call ? t('call.editTitle') : t('call.title')}
      failureTitle={t('call.failed')}
      form={form}
      submitLabel={call ? t('call.save') : t('call.submit')}
      onSubmit={(submitted) => (call ? update : create).mutateAsync(toInput(submitted))}
      onSuccess={() => notifySuccess(call ? t('call.saved') : t('call.logged'))}
    >
      <TextInput
        label={t('call.subject')}
        required
        maxLength={255}
        {...form.getInputProps('subject')}
        data-autofocus
      />
      <Autocomplete
        label={t('call.phoneNumber')}
        required
        placeholder={t('call.phonePlaceholder')}
        data={phones.map((phone) => ({
          value: phone,
          label: `${formatPhoneNational(phone)} (${target.name})`,
        }))}
        {...form.getInputProps('phoneNumber')}
        autoComplete="off"
        comboboxProps={{ withinPortal: true }}
      />
      <Textarea
        label={t('call.notes')}
        autosize
        minRows={2}
        maxRows={8}
        {...form.getInputProps('notes')}
        value={values.notes ?? ''}
      />
      <StartMeeting onLink={noteLink} />
      <TextInput
        type="datetime-local"
        label={t('call.callDateTime')}
        description={timeZone ? t('zone.named', { zone: timeZone }) : t('zone.yours')}
        required
        {...form.getInputProps('callDateTime')}
      />
      <CallStatusFields form={form} />
      <DurationInput
        value={values.duration}
        onChange={(seconds) => form.setFieldValue('duration', seconds)}
        error={typeof form.errors.duration === 'string' ? form.errors.duration : undefined}
      />
    </FormDialog>
  );
}
