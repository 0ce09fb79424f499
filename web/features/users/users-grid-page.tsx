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
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowDown, IconArrowsSort, IconArrowUp, IconPlus, IconSearch } from '@tabler/icons-react';
import { Fragment, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../../app/api';
import { FailureAlert, FetchingIndicator } from '../../ui/feedback';
import { useRecordsPerPage } from '../../ui/format';
import { Page } from '../../ui/page';
import { PageLoader } from '../../ui/page-loader';
import { useRoles } from '../access/api';
import { type UserRow, type UserSortField, type UsersListParams, useUsersList } from './admin-api';
import {
  type BulkActionContext,
  bulkActionProviders,
  type SelectedUser,
  SetEnabledDialog,
} from './bulk-actions';
import { CreateUserDialog } from './create-user-dialog';
import { UserGridRow } from './users-grid-row';
import { gridColumns as columns, toSelected, useGridState, userStatuses } from './users-grid-state';
import '../../i18n/lazy/users';
import { paths, pathTo } from '../../../common/paths';

/**
 * `/users`: the users of my organization (holders of `users.view`). Filter by name, email, role
 * and status; sort by the column headers; page through; open a user's page; **Create User**
 * (`users.create`); Enable/Disable (`users.disable`); select several users for the bulk actions
 * other features contribute (`bulkActionProviders`).
 */
export function UsersGridPage() {
  const { t } = useTranslation('users');
  const { data: me } = useCurrentUser();
  const navigate = useNavigate();
  const { state, update } = useGridState();
  const [nameInput, setNameInput] = useState(state.name);
  const [emailInput, setEmailInput] = useState(state.email);
  const [debouncedName] = useDebouncedValue(nameInput, 300);
  const [debouncedEmail] = useDebouncedValue(emailInput, 300);
  const [creating, setCreating] = useState(false);
  const [selection, setSelection] = useState<Map<string, SelectedUser>>(new Map());
  const [single, setSingle] = useState<{ enabled: boolean; users: SelectedUser[] } | null>(null);
  const roles = useRoles();

  // Debounced typing goes to the address (and so to the query).
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of the typed value counts
  useEffect(() => {
    if (debouncedName !== state.name) update({ name: debouncedName });
  }, [debouncedName]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of the typed value counts
  useEffect(() => {
    if (debouncedEmail !== state.email) update({ email: debouncedEmail });
  }, [debouncedEmail]);

  const recordsPerPage = useRecordsPerPage();
  const params: UsersListParams = {
    ...(state.after ? { after: state.after } : state.before ? { before: state.before } : {}),
    size: recordsPerPage,
    sort: state.sort,
    name: state.name,
    email: state.email,
    role: state.role || undefined,
    status: state.status || undefined,
  };
  const list = useUsersList(params);
  // What I may do from the grid: the list's meta.abilities (the server's policies).
  const abilities = list.data?.abilities;
  const canCreate = abilities?.create ?? false;
  const canDisable = abilities?.disable ?? false;
  const roleNames = useMemo(
    () => new Map((roles.data ?? []).map((role) => [role.id, role.name])),
    [roles.data],
  );

  const context: BulkActionContext = {
    users: [...selection.values()],
    currentUserId: me?.id ?? '',
    abilities,
    clearSelection: () => setSelection(new Map()),
  };
  const provided = bulkActionProviders.map((provider) => provider(context));
  const bulkActions = provided.flatMap((result) => result.actions);

  if (!me) return <PageLoader />;
  const users = list.data?.users ?? [];
  const totalCount = list.data?.totalCount ?? 0;
  const nextCursor = list.data?.nextCursor;
  const prevCursor = list.data?.prevCursor;
  const allOnPageSelected = users.length > 0 && users.every((user) => selection.has(user.id));
  const someOnPageSelected = users.some((user) => selection.has(user.id));

  const toggle = (user: UserRow, checked: boolean) =>
    setSelection((current) => {
      const next = new Map(current);
      if (checked) next.set(user.id, toSelected(user));
      else next.delete(user.id);
      return next;
    });
  const toggleAll = (checked: boolean) =>
    setSelection((current) => {
      const next = new Map(current);
      for (const user of users) {
        if (checked) next.set(user.id, toSelected(user));
        else next.delete(user.id);
      }
      return next;
    });

  const sortBy = (field: UserSortField) => {
    const direction = state.sort.field === field && state.sort.direction === 'asc' ? 'desc' : 'asc';
    update({ sort: `${direction === 'desc' ? '-' : ''}${field}` });
  };

  return (
    <Page
      title={t('grid.title')}
      actions={
        canCreate ? (
          <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setCreating(true)}>
            {t('grid.create')}
          </Button>
        ) : null
      }
    >
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
              data={(roles.data ?? []).map((role) => ({ value: role.id, label: role.name }))}
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
            <FetchingIndicator active={list.isFetching} />
          </Group>
        </search>
      </Paper>

      {bulkActions.length > 0 && selection.size > 0 ? (
        <Paper withBorder p="sm" aria-label={t('grid.selection')} component="section">
          <Group justify="space-between">
            <Text size="sm" fw={500} role="status">
              {t('grid.selected', { count: selection.size })}
            </Text>
            <Group gap="xs">
              {bulkActions.map((action) => (
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
              <Button size="xs" variant="subtle" onClick={() => setSelection(new Map())}>
                {t('grid.clearSelection')}
              </Button>
            </Group>
          </Group>
        </Paper>
      ) : null}

      <FailureAlert title={t('grid.loadFailed')} message={list.error?.message} />

      <Paper withBorder>
        <Table.ScrollContainer minWidth={900}>
          <Table highlightOnHover verticalSpacing="sm" aria-busy={list.isFetching}>
            <Table.Thead>
              <Table.Tr>
                {bulkActions.length > 0 ? (
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label={t('grid.selectAll')}
                      checked={allOnPageSelected}
                      indeterminate={someOnPageSelected && !allOnPageSelected}
                      onChange={(event) => toggleAll(event.currentTarget.checked)}
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
                          <SortIcon
                            active={state.sort.field === column.sort}
                            direction={state.sort.direction}
                          />
                        </Group>
                      </UnstyledButton>
                    ) : (
                      t(`grid.columns.${column.key}`)
                    )}
                  </Table.Th>
                ))}
                {canDisable ? (
                  <Table.Th w={56}>
                    <VisuallyHidden>{t('grid.actions')}</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.isPending ? (
                <Table.Tr>
                  <Table.Td colSpan={columns.length + 2}>
                    <PageLoader label={t('grid.loading')} />
                  </Table.Td>
                </Table.Tr>
              ) : users.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={columns.length + 2}>
                    <Text c="dimmed" ta="center" py="lg">
                      {t('grid.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : (
                users.map((user) => (
                  <UserGridRow
                    key={user.id}
                    user={user}
                    roleNames={roleNames}
                    selectable={bulkActions.length > 0}
                    selected={selection.has(user.id)}
                    onSelect={(checked) => toggle(user, checked)}
                    onOpen={() => navigate(pathTo(paths.user, { id: user.id }))}
                    onSetEnabled={
                      canDisable && user.id !== me.id
                        ? () => setSingle({ enabled: !user.enabled, users: [toSelected(user)] })
                        : canDisable
                          ? null
                          : undefined
                    }
                  />
                ))
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite">
          {list.data ? t('grid.total', { count: totalCount }) : ''}
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

      <CreateUserDialog opened={creating} onClose={() => setCreating(false)} />
      <SetEnabledDialog pending={single} onClose={() => setSingle(null)} />
      {provided.map((result, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the providers list is fixed, so the index is stable
        <Fragment key={index}>{result.dialogs}</Fragment>
      ))}
    </Page>
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
