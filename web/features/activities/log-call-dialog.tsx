import { Autocomplete, Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconVideo } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhoneNational } from '../../../common/phone';
import { fromZonedWallTime, toZonedWallTime } from '../../../common/zoned-time';
import { ApiError, fieldErrors } from '../../app/api';
import { FailureAlert } from '../../ui/feedback';
import { notifySuccess } from '../../ui/notify';
import { useViewerTimeZone } from '../users/format';
import { type CallAttributes, type CallResource, useLogCall, useUpdateCall } from './api';
import { DurationInput } from './duration-input';
import { newMeetingUrl, useMeetingLinks } from './meeting-links';

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
 * The **Log Call** dialog (OroCRM's call form): **Subject**, **Phone Number** (offers the user's
 * phone, takes any number), **Additional comments**, **Call date & time** (now, in the viewer's
 * time zone), **Call status** (Completed), **Direction** (Outgoing), **Duration**, and **Log Call**.
 * With meeting links on, **Start** opens a new room and notes its link. Also edits a call.
 * Mount it when it opens: the form starts from its props.
 */
export function LogCallDialog(props: LogCallDialogProps) {
  const { opened, onClose, target, call } = props;
  const { t } = useTranslation('activities');
  const timeZone = useViewerTimeZone();
  const [values, setValues] = useState<Values>(() => initialValues(props, timeZone));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | undefined>();
  const meetingLinks = useMeetingLinks();
  const create = useLogCall();
  const update = useUpdateCall(call?.id ?? '');
  const mutation = call ? update : create;

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors(({ [key]: _dropped, ...rest }) => rest);
  };

  const startMeeting = () => {
    const url = newMeetingUrl(meetingLinks);
    if (!url) return;
    window.open(url, '_blank', 'noopener,noreferrer');
    set('notes', values.notes ? `${values.notes}\n${url}` : url);
  };

  const save = () => {
    const problems: Record<string, string> = {};
    if (!values.subject.trim()) problems.subject = t('call.subjectRequired');
    if (!values.phoneNumber.trim()) problems.phoneNumber = t('call.phoneRequired');
    const callDateTime = fromZonedWallTime(values.callDateTime, timeZone);
    if (!callDateTime) problems.callDateTime = t('call.dateRequired');
    if (values.duration === null) problems.duration = t('call.durationInvalid');
    setErrors(problems);
    setFailure(undefined);
    if (Object.keys(problems).length > 0 || !callDateTime || values.duration === null) return;
    mutation.mutate(
      {
        subject: values.subject.trim(),
        phoneNumber: values.phoneNumber.trim(),
        notes: values.notes?.trim() ? values.notes : null,
        callDateTime,
        callStatus: values.callStatus,
        direction: values.direction,
        duration: values.duration,
        targetUserIds: [target.id],
      },
      {
        onSuccess: () => {
          notifySuccess(call ? t('call.saved') : t('call.logged'));
          onClose();
        },
        onError: (error) => {
          const byField = fieldErrors(error);
          setErrors(byField);
          if (Object.keys(byField).length === 0)
            setFailure(error instanceof ApiError ? error.message : String(error));
        },
      },
    );
  };

  const phones = target.phone ? [target.phone] : [];
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={call ? t('call.editTitle') : t('call.title')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <Stack gap="sm">
          <FailureAlert title={t('call.failed')} message={failure} />
          <TextInput
            label={t('call.subject')}
            required
            maxLength={255}
            value={values.subject}
            onChange={(event) => set('subject', event.currentTarget.value)}
            error={errors.subject}
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
            value={values.phoneNumber}
            onChange={(value) => set('phoneNumber', value)}
            error={errors.phoneNumber}
            autoComplete="off"
            comboboxProps={{ withinPortal: true }}
          />
          <Textarea
            label={t('call.notes')}
            autosize
            minRows={2}
            maxRows={8}
            value={values.notes ?? ''}
            onChange={(event) => set('notes', event.currentTarget.value)}
            error={errors.notes}
          />
          {meetingLinks.enabled ? (
            <Group gap="sm">
              <Text size="sm" fw={500}>
                {t('call.meetingLink')}
              </Text>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconVideo size={16} aria-hidden="true" />}
                onClick={startMeeting}
                aria-label={t('call.startLabel')}
              >
                {t('call.start')}
              </Button>
            </Group>
          ) : null}
          <TextInput
            type="datetime-local"
            label={t('call.callDateTime')}
            description={timeZone ? t('zone.named', { zone: timeZone }) : t('zone.yours')}
            required
            value={values.callDateTime}
            onChange={(event) => set('callDateTime', event.currentTarget.value)}
            error={errors.callDateTime}
          />
          <Group grow align="flex-start">
            <Select
              label={t('call.callStatus')}
              data={[
                { value: 'in_progress', label: t('call.statusInProgress') },
                { value: 'completed', label: t('call.statusCompleted') },
              ]}
              value={values.callStatus}
              onChange={(value) => value && set('callStatus', value as Values['callStatus'])}
              allowDeselect={false}
              error={errors.callStatus}
            />
            <Select
              label={t('call.direction')}
              data={[
                { value: 'incoming', label: t('call.incoming') },
                { value: 'outgoing', label: t('call.outgoing') },
              ]}
              value={values.direction}
              onChange={(value) => value && set('direction', value as Values['direction'])}
              allowDeselect={false}
              error={errors.direction}
            />
          </Group>
          <DurationInput
            value={values.duration}
            onChange={(seconds) => set('duration', seconds)}
            error={errors.duration}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('call.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {call ? t('call.save') : t('call.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
