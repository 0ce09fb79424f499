import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Tooltip,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowDown,
  IconArrowsSort,
  IconArrowUp,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type TaskPriorityName,
  type TaskStatusName,
  taskPriorities,
  taskStatuses,
} from '../../../common/calendar';
import { FailureAlert, FetchingIndicator } from '../../ui/feedback';
import { useFormatter, useRecordsPerPage } from '../../ui/format';
import { notifyFailure, notifySuccess } from '../../ui/notify';
import { PageLoader } from '../../ui/page-loader';
import {
  isOverdue,
  type TaskListParams,
  type TaskResource,
  type TaskSortField,
  useTasks,
  useUpdateTask,
} from './api';
import { DeleteTaskDialog } from './delete-task-dialog';
import { openTaskDialog } from './dialog-store';
import { useStatusOptions } from './status-options';
import '../../i18n/lazy/tasks';
import { TableEmptyRow, tableScrollContainerClass } from '../../ui/table-empty-row';

type Column = { key: string; label: string; sort?: TaskSortField };

/**
 * The tasks grid of **Additional Information → User Tasks** and of **My Tasks**: subject, due date
 * (an overdue task says "Overdue" in words and with an icon, not by colour alone), priority,
 * status (changed in place by a select, along the workflow), created by. Sorted by due date
 * (soonest first, tasks without one last) or subject; filtered by status and priority; a page of
 * the viewer's "Records per grid page" at a time, by cursor. A subject opens the task for **Edit**
 * and a bin icon deletes it, when the viewer may change it.
 */
export function TasksGrid({ owner, label }: { owner: string; label: string }) {
  const { t } = useTranslation('tasks');
  const grid = useTasksGridState(owner);
  const { list } = grid;
  const page = list.data;
  const [deleting, setDeleting] = useState<TaskResource | null>(null);

  return (
    <Stack gap="sm">
      <TaskFilters grid={grid} />
      <FailureAlert title={t('grid.failed')} message={list.error?.message} />
      {list.isPending ? (
        <PageLoader label={t('grid.loading')} />
      ) : (
        <TasksTable grid={grid} label={label} onDelete={setDeleting} />
      )}
      <Group justify="space-between">
        <Text size="sm" c="gray.8" aria-live="polite">
          {page ? t('grid.count', { count: page.totalCount }) : ''}
        </Text>
        {page?.nextCursor || page?.prevCursor ? (
          <Group gap="xs">
            <Button
              variant="default"
              disabled={!page.prevCursor}
              onClick={() => page.prevCursor && grid.setCursor({ before: page.prevCursor })}
            >
              {t('grid.previous')}
            </Button>
            <Button
              variant="default"
              disabled={!page.nextCursor}
              onClick={() => page.nextCursor && grid.setCursor({ after: page.nextCursor })}
            >
              {t('grid.next')}
            </Button>
          </Group>
        ) : null}
      </Group>
      <DeleteTaskDialog task={deleting} onClose={() => setDeleting(null)} />
    </Stack>
  );
}

/** The grid's sort, filters and page, and the page of tasks they ask for. */
function useTasksGridState(owner: string) {
  const size = useRecordsPerPage();
  const [sort, setSort] = useState<TaskListParams['sort']>({ field: 'dueDate', direction: 'asc' });
  const [status, setStatus] = useState<TaskStatusName | null>(null);
  const [priority, setPriority] = useState<TaskPriorityName | null>(null);
  const [cursor, setCursor] = useState<TaskListParams['cursor']>(undefined);
  const list = useTasks({ owner, sort, status, priority, size, cursor });
  // Any change but paging starts at the first page again.
  const change = (apply: () => void) => {
    apply();
    setCursor(undefined);
  };
  return {
    list,
    sort,
    status,
    priority,
    setCursor,
    filtered: status !== null || priority !== null,
    setStatus: (value: TaskStatusName | null) => change(() => setStatus(value)),
    setPriority: (value: TaskPriorityName | null) => change(() => setPriority(value)),
    sortBy: (field: TaskSortField) =>
      change(() =>
        setSort((current) =>
          current.field === field
            ? { field, direction: current.direction === 'asc' ? 'desc' : 'asc' }
            : { field, direction: 'asc' },
        ),
      ),
  };
}

type TasksGridState = ReturnType<typeof useTasksGridState>;

function TaskFilters({ grid }: { grid: TasksGridState }) {
  const { t } = useTranslation('tasks');
  return (
    <search aria-label={t('grid.filters')}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('grid.status')}
          placeholder={t('grid.anyStatus')}
          clearable
          data={taskStatuses.map((value) => ({ value, label: t(`status.${value}`) }))}
          value={grid.status}
          onChange={(value) => grid.setStatus(value as TaskStatusName | null)}
          w={170}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('grid.priority')}
          placeholder={t('grid.anyPriority')}
          clearable
          data={taskPriorities.map((value) => ({ value, label: t(`priority.${value}`) }))}
          value={grid.priority}
          onChange={(value) => grid.setPriority(value as TaskPriorityName | null)}
          w={170}
          comboboxProps={{ withinPortal: true }}
        />
        <FetchingIndicator active={grid.list.isFetching && !grid.list.isPending} />
      </Group>
    </search>
  );
}

function TasksTable({
  grid,
  label,
  onDelete,
}: {
  grid: TasksGridState;
  label: string;
  onDelete: (task: TaskResource) => void;
}) {
  const { t } = useTranslation('tasks');
  const page = grid.list.data;
  const tasks = page?.tasks ?? [];
  const columns: Column[] = [
    { key: 'subject', label: t('grid.subject'), sort: 'subject' },
    { key: 'dueDate', label: t('grid.dueDate'), sort: 'dueDate' },
    { key: 'priority', label: t('grid.priority'), sort: 'priority' },
    { key: 'status', label: t('grid.status'), sort: 'status' },
    { key: 'createdBy', label: t('grid.createdBy') },
  ];
  return (
    <Table.ScrollContainer minWidth={720} type="native" className={tableScrollContainerClass}>
      <Table verticalSpacing="xs" aria-label={label} aria-busy={grid.list.isFetching}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <ColumnHeader key={column.key} column={column} grid={grid} />
            ))}
            <Table.Th w={48}>
              <VisuallyHidden>{t('grid.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.length === 0 ? (
            <TableEmptyRow colSpan={columns.length + 1}>
              {grid.filtered ? t('grid.emptyFiltered') : t('grid.empty')}
            </TableEmptyRow>
          ) : (
            tasks.map((task) => (
              <TaskRow key={task.id} task={task} people={page?.people} onDelete={() => onDelete(task)} />
            ))
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A column's header: a sortable one is a button, and says how the grid is sorted by it. */
function ColumnHeader({ column, grid }: { column: Column; grid: TasksGridState }) {
  const { sort } = grid;
  const sorted = column.sort !== undefined && sort.field === column.sort;
  return (
    <Table.Th aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
      {column.sort ? (
        <UnstyledButton onClick={() => grid.sortBy(column.sort as TaskSortField)} fw={600} fz="sm">
          <Group gap={4} wrap="nowrap">
            {column.label}
            <SortIcon active={sorted} direction={sort.direction} />
          </Group>
        </UnstyledButton>
      ) : (
        column.label
      )}
    </Table.Th>
  );
}

function TaskRow({
  task,
  people,
  onDelete,
}: {
  task: TaskResource;
  people: Map<string, string> | undefined;
  onDelete: () => void;
}) {
  const { t } = useTranslation('tasks');
  const format = useFormatter();
  const a = task.attributes;
  const canChange = task.meta.abilities.update;
  const creatorId = task.relationships.createdBy.data?.id;
  const creator = creatorId ? (people?.get(creatorId) ?? t('grid.formerMember')) : '—';
  return (
    <Table.Tr>
      <Table.Td>
        {canChange ? (
          <Anchor
            component="button"
            type="button"
            onClick={() => openTaskDialog({ kind: 'edit', task })}
            style={{ overflowWrap: 'anywhere', textAlign: 'start' }}
          >
            {a.subject}
          </Anchor>
        ) : (
          <Text style={{ overflowWrap: 'anywhere' }}>{a.subject}</Text>
        )}
      </Table.Td>
      <Table.Td>
        {a.dueDate ? (
          <Group gap={6} wrap="nowrap">
            <time dateTime={a.dueDate}>{format.dateTime(a.dueDate)}</time>
            {isOverdue(task) ? (
              <Badge
                color="red.9"
                variant="light"
                leftSection={<IconAlertTriangle size={12} aria-hidden="true" />}
              >
                {t('grid.overdue')}
              </Badge>
            ) : null}
          </Group>
        ) : (
          <Text c="gray.8" size="sm">
            {t('grid.noDueDate')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{t(`priority.${a.priority}`)}</Table.Td>
      <Table.Td>{canChange ? <InlineStatus task={task} /> : t(`status.${a.status}`)}</Table.Td>
      <Table.Td>{creator}</Table.Td>
      <Table.Td>
        {canChange ? (
          <Tooltip label={t('grid.delete', { subject: a.subject })} withArrow>
            <ActionIcon
              variant="subtle"
              color="red.8"
              aria-label={t('grid.delete', { subject: a.subject })}
              onClick={onDelete}
            >
              <IconTrash size={16} aria-hidden="true" />
            </ActionIcon>
          </Tooltip>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}

/** The status, changed in place: an accessible select offering the workflow's next steps. */
function InlineStatus({ task }: { task: TaskResource }) {
  const { t } = useTranslation('tasks');
  const update = useUpdateTask();
  const options = useStatusOptions(task.attributes.status);
  return (
    <Select
      aria-label={t('grid.statusOf', { subject: task.attributes.subject })}
      data={options}
      value={task.attributes.status}
      allowDeselect={false}
      disabled={update.isPending}
      w={150}
      size="xs"
      comboboxProps={{ withinPortal: true }}
      onChange={(value) => {
        if (!value || value === task.attributes.status) return;
        const next = value as TaskStatusName;
        update.mutate(
          { id: task.id, attributes: { status: next } },
          {
            onSuccess: () =>
              notifySuccess(
                t('grid.statusChanged', { subject: task.attributes.subject, status: t(`status.${next}`) }),
              ),
            onError: (error) => notifyFailure(t('grid.statusFailed'), error),
          },
        );
      }}
    />
  );
}

function SortIcon({ active, direction }: { active: boolean; direction: 'asc' | 'desc' }) {
  if (!active) return <IconArrowsSort size={14} aria-hidden="true" opacity={0.5} />;
  return direction === 'asc' ? (
    <IconArrowUp size={14} aria-hidden="true" />
  ) : (
    <IconArrowDown size={14} aria-hidden="true" />
  );
}
