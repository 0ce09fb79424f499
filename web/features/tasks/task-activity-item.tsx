import {
  Badge,
  Button,
  Collapse,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconAlertTriangle, IconChecklist, IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmailBodyFrame } from '../../ui/email-body-frame';
import { useFormatter } from '../../ui/format';
import { splitMinutes } from '../calendar/reminders-field';
import { isOverdue, type TaskResource } from './api';
import { DeleteTaskDialog } from './delete-task-dialog';
import { openTaskDialog } from './dialog-store';
import '../../i18n/lazy/calendar';
import '../../i18n/lazy/tasks';
import direction from '../../ui/direction.module.css';

type Props = { task: TaskResource };

/**
 * A task on the Activity timeline: its subject, due date (overdue said in words), status and
 * priority; expanding shows its description (server-sanitized, in a sandboxed frame) and
 * reminders, with **Edit** and **Delete** for its creator, its owner or a manager.
 */
export function TaskActivityItem({ task }: Props) {
  const { t } = useTranslation('tasks');
  const format = useFormatter();
  const [expanded, setExpanded] = useState(false);
  const detailsId = useId();
  const a = task.attributes;
  const overdue = isOverdue(task);
  return (
    <Paper component="li" withBorder radius="sm" p="xs">
      <UnstyledButton
        onClick={() => setExpanded((open) => !open)}
        aria-expanded={expanded}
        aria-controls={detailsId}
        style={{ display: 'block', width: '100%' }}
      >
        <Group gap="sm" wrap="nowrap" align="flex-start">
          {expanded ? (
            <IconChevronDown size={16} aria-hidden="true" style={{ marginTop: 3 }} />
          ) : (
            <IconChevronRight
              size={16}
              aria-hidden="true"
              style={{ marginTop: 3 }}
              className={direction.mirrored}
            />
          )}
          <IconChecklist size={18} aria-label={t('item.task')} role="img" />
          <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {a.subject}
            </Text>
            <Text size="sm" c="gray.8">
              {t('item.task')}
              {a.dueDate ? ` · ${t('item.due', { date: format.dateTime(a.dueDate) })}` : ''}
              {` · ${t(`priority.${a.priority}`)}`}
            </Text>
          </Stack>
          <Group gap={4} wrap="nowrap">
            {overdue ? (
              <Badge
                color="red.9"
                variant="light"
                leftSection={<IconAlertTriangle size={12} aria-hidden="true" />}
              >
                {t('grid.overdue')}
              </Badge>
            ) : null}
            <Badge
              color={a.status === 'closed' ? 'gray.8' : a.status === 'in_progress' ? 'indigo.9' : 'teal.9'}
            >
              {t(`status.${a.status}`)}
            </Badge>
          </Group>
        </Group>
      </UnstyledButton>
      <Collapse expanded={expanded} id={detailsId}>
        {expanded ? (
          <div style={{ paddingTop: 8 }}>
            <TaskDetails task={task} />
          </div>
        ) : null}
      </Collapse>
    </Paper>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={600} c="gray.8">
        {label}
      </Text>
      <div style={{ overflowWrap: 'anywhere' }}>{children}</div>
    </div>
  );
}

function TaskDetails({ task }: Props) {
  const { t } = useTranslation('tasks');
  const format = useFormatter();
  const { t: unit } = useTranslation('calendar');
  const a = task.attributes;
  const [confirming, setConfirming] = useState(false);
  const reminders = a.reminders
    .map((reminder) => splitMinutes(reminder.minutesBefore))
    .map(({ amount, unit: name }) =>
      t('item.reminderBefore', { amount, unit: unit(`reminders.units.${name}`) }),
    );
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Field label={t('item.dueDate')}>
          {a.dueDate ? format.dateTime(a.dueDate) : t('grid.noDueDate')}
        </Field>
        <Field label={t('item.priority')}>{t(`priority.${a.priority}`)}</Field>
        <Field label={t('item.status')}>{t(`status.${a.status}`)}</Field>
        <Field label={t('item.reminders')}>
          {reminders.length > 0 ? reminders.join(', ') : t('item.none')}
        </Field>
      </SimpleGrid>
      {a.description ? (
        <Field label={t('item.description')}>
          <EmailBodyFrame
            body={{ type: 'html', content: a.description }}
            title={`${t('item.description')}: ${a.subject}`}
          />
        </Field>
      ) : null}
      {task.meta.abilities.update ? (
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => openTaskDialog({ kind: 'edit', task })}>
            {t('item.edit')}
          </Button>
          <Button size="xs" variant="default" color="red.8" onClick={() => setConfirming(true)}>
            {t('item.delete')}
          </Button>
        </Group>
      ) : null}
      <DeleteTaskDialog task={confirming ? task : null} onClose={() => setConfirming(false)} />
    </Stack>
  );
}
