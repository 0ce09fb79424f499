import {
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp, IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavigationType, useLocation, useNavigationType } from 'react-router';
import { FetchingIndicator } from '../../ui/feedback';
import type { UserSortField } from './admin-api';
import type { BulkAction } from './bulk-actions';
import { gridColumns as columns, type useGridState, userStatuses } from './users-grid-state';

type GridState = ReturnType<typeof useGridState>;

/** How long typing must pause before the typed text reaches the address, in milliseconds. */
const TYPING_PAUSE_MS = 300;

/**
 * A text box bound to a value of the address (`value`): what is typed reaches `commit`
 * TYPING_PAUSE_MS after the last key, and a change of the address by itself (Back, Forward, a link
 * to the grid) shows in the box at once and drops a commit still waiting, also when the entry gone
 * back to has the same value. Returns the box's text and its change handler.
 */
function useAddressText(value: string, commit: (typed: string) => void): [string, (typed: string) => void] {
  const [input, setInput] = useState(value);
  // What the address says once the waiting commit has landed: a change to anything else is the
  // address's own.
  const committed = useRef(value);
  const waiting = useRef<ReturnType<typeof setTimeout>>(undefined);
  const location = useLocation();
  const traversed = useNavigationType() === NavigationType.Pop;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per address (its key)
  useEffect(() => {
    if (value === committed.current && !traversed) return;
    clearTimeout(waiting.current);
    committed.current = value;
    setInput(value);
  }, [location.key]);
  useEffect(() => () => clearTimeout(waiting.current), []);
  const change = (typed: string) => {
    setInput(typed);
    clearTimeout(waiting.current);
    waiting.current = setTimeout(() => {
      committed.current = typed;
      commit(typed);
    }, TYPING_PAUSE_MS);
  };
  return [input, change];
}

/** Name, Email, Role and Status: typed text reaches the address (and the query) debounced. */
export function UsersGridFilters({
  grid: { state, update },
  roles,
  isFetching,
}: {
  grid: GridState;
  roles: { id: string; name: string }[];
  isFetching: boolean;
}) {
  const { t } = useTranslation('users');
  const [nameInput, setNameInput] = useAddressText(state.name, (name) => update({ name }));
  const [emailInput, setEmailInput] = useAddressText(state.email, (email) => update({ email }));
  return (
    <Paper withBorder p="md">
      <search aria-label={t('grid.filters')}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('grid.name')}
            placeholder={t('grid.namePlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden="true" />}
            value={nameInput}
            onChange={(event) => setNameInput(event.currentTarget.value)}
            w={260}
          />
          <TextInput
            label={t('grid.email')}
            value={emailInput}
            onChange={(event) => setEmailInput(event.currentTarget.value)}
            w={220}
          />
          <Select
            label={t('grid.role')}
            placeholder={t('grid.anyRole')}
            clearable
            data={roles.map((role) => ({ value: role.id, label: role.name }))}
            value={state.role || null}
            onChange={(value) => update({ role: value ?? '' })}
            w={180}
          />
          <Select
            label={t('grid.status')}
            placeholder={t('grid.anyStatus')}
            clearable
            data={userStatuses.map((value) => ({ value, label: t(`status.${value}`) }))}
            value={state.status || null}
            onChange={(value) => update({ status: value ?? '' })}
            w={170}
          />
          <FetchingIndicator active={isFetching} />
        </Group>
      </search>
    </Paper>
  );
}

/** How many users are selected, the bulk actions, and Clear selection. */
export function SelectionBar({
  count,
  actions,
  onClear,
}: {
  count: number;
  actions: BulkAction[];
  onClear: () => void;
}) {
  const { t } = useTranslation('users');
  return (
    <Paper withBorder p="sm" aria-label={t('grid.selection')} component="section">
      <Group justify="space-between">
        <Text size="sm" fw={500} role="status">
          {t('grid.selected', { count })}
        </Text>
        <Group gap="xs">
          {actions.map((action) => (
            <Button
              key={action.key}
              size="xs"
              variant="default"
              disabled={action.disabled}
              onClick={action.onSelect}
            >
              {action.label}
            </Button>
          ))}
          <Button size="xs" variant="subtle" onClick={onClear}>
            {t('grid.clearSelection')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

/** The column headers: select all on the page, sort by a column (again: the other way). */
export function UsersGridHead({
  grid: { state, update },
  selectAll,
  actionsColumn,
}: {
  grid: GridState;
  selectAll: { checked: boolean; indeterminate: boolean; onChange: (checked: boolean) => void } | null;
  actionsColumn: React.ReactNode;
}) {
  const { t } = useTranslation('users');
  const sortBy = (field: UserSortField) => {
    const direction = state.sort.field === field && state.sort.direction === 'asc' ? 'desc' : 'asc';
    update({ sort: `${direction === 'desc' ? '-' : ''}${field}` });
  };
  return (
    <Table.Thead>
      <Table.Tr>
        {selectAll ? (
          <Table.Th w={40}>
            <Checkbox
              aria-label={t('grid.selectAll')}
              checked={selectAll.checked}
              indeterminate={selectAll.indeterminate}
              onChange={(event) => selectAll.onChange(event.currentTarget.checked)}
            />
          </Table.Th>
        ) : null}
        {columns.map((column) => (
          <Table.Th
            key={column.key}
            aria-sort={
              column.sort && state.sort.field === column.sort
                ? state.sort.direction === 'asc'
                  ? 'ascending'
                  : 'descending'
                : undefined
            }
          >
            {column.sort ? (
              <UnstyledButton onClick={() => sortBy(column.sort as UserSortField)} fw={600} fz="sm">
                <Group gap={4} wrap="nowrap">
                  {t(`grid.columns.${column.key}`)}
                  <SortIcon active={state.sort.field === column.sort} direction={state.sort.direction} />
                </Group>
              </UnstyledButton>
            ) : (
              t(`grid.columns.${column.key}`)
            )}
          </Table.Th>
        ))}
        {actionsColumn}
      </Table.Tr>
    </Table.Thead>
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

/** The total, and Previous and Next by the API's cursors. */
export function UsersGridPager({
  total,
  prevCursor,
  nextCursor,
  update,
}: {
  total: string;
  prevCursor: string | undefined;
  nextCursor: string | undefined;
  update: GridState['update'];
}) {
  const { t } = useTranslation('users');
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed" aria-live="polite">
        {total}
      </Text>
      {nextCursor || prevCursor ? (
        <Group gap="xs">
          <Button
            variant="default"
            disabled={!prevCursor}
            onClick={() => prevCursor && update({ before: prevCursor, after: '' })}
          >
            {t('grid.previousPage')}
          </Button>
          <Button
            variant="default"
            disabled={!nextCursor}
            onClick={() => nextCursor && update({ after: nextCursor, before: '' })}
          >
            {t('grid.nextPage')}
          </Button>
        </Group>
      ) : null}
    </Group>
  );
}
