import { Button, Paper, Table, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../../app/api';
import { FailureAlert } from '../../ui/feedback';
import { Page } from '../../ui/page';
import { PageLoader } from '../../ui/page-loader';
import { useRoles } from '../access/api';
import {
  type BulkActionContext,
  bulkActionProviders,
  type SelectedUser,
  SetEnabledDialog,
} from './bulk-actions';
import { CreateUserDialog } from './create-user-dialog';
import { useUserSelection, useUsersGridList } from './users-grid-hooks';
import { SelectionBar, UsersGridFilters, UsersGridHead, UsersGridPager } from './users-grid-parts';
import { UserGridRow } from './users-grid-row';
import { gridColumns as columns, toSelected, useGridState } from './users-grid-state';
import '../../i18n/lazy/users';
import { TableEmptyRow, tableScrollContainerClass } from '../../ui/table-empty-row';

/**
 * `/users`: the users of my organization (holders of `users.view`). Filter by name, email, role
 * and status; sort by the column headers; page through; open a user's page; **Create User**
 * (`users.create`); Enable/Disable (`users.disable`); select several users for the bulk actions
 * other features contribute (`bulkActionProviders`).
 */
export function UsersGridPage() {
  const { t } = useTranslation('users');
  const { data: me } = useCurrentUser();
  const _navigate = useNavigate();
  const grid = useGridState();
  const { state, update } = grid;
  const [creating, setCreating] = useState(false);
  const [single, setSingle] = useState<{ enabled: boolean; users: SelectedUser[] } | null>(null);
  const roles = useRoles();

  const list = useUsersGridList(state);
  const userSelection = useUserSelection(list.data?.users ?? []);
  const { selection, setSelection } = userSelection;
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
  const _users = list.data?.users ?? [];
  const totalCount = list.data?.totalCount ?? 0;
  const nextCursor = list.data?.nextCursor;
  const prevCursor = list.data?.prevCursor;

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
      <UsersGridFilters grid={grid} roles={roles.data ?? []} isFetching={list.isFetching} />

      {bulkActions.length > 0 && selection.size > 0 ? (
        <SelectionBar count={selection.size} actions={bulkActions} onClear={() => setSelection(new Map())} />
      ) : null}

      <FailureAlert title={t('grid.loadFailed')} message={list.error?.message} />

      <UsersGridTable
        grid={grid}
        list={list}
        selection={userSelection}
        selectable={bulkActions.length > 0}
        canDisable={canDisable}
        meId={me.id}
        roleNames={roleNames}
        onSetEnabled={setSingle}
      />

      <UsersGridPager
        total={list.data ? t('grid.total', { count: totalCount }) : ''}
        prevCursor={prevCursor}
        nextCursor={nextCursor}
        update={update}
      />

      <CreateUserDialog opened={creating} onClose={() => setCreating(false)} />
      <SetEnabledDialog pending={single} onClose={() => setSingle(null)} />
      {provided.map((result, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the providers list is fixed, so the index is stable
        <Fragment key={index}>{result.dialogs}</Fragment>
      ))}
    </Page>
  );
}

/** The table: the column headers, then the users of the page (or loading, or none). */
function UsersGridTable({
  grid,
  list,
  selection: { selection, toggle, toggleAll, allOnPageSelected, someOnPageSelected },
  selectable,
  canDisable,
  meId,
  roleNames,
  onSetEnabled,
}: {
  grid: ReturnType<typeof useGridState>;
  list: ReturnType<typeof useUsersGridList>;
  selection: ReturnType<typeof useUserSelection>;
  selectable: boolean;
  canDisable: boolean;
  meId: string;
  roleNames: Map<string, string>;
  onSetEnabled: (pending: { enabled: boolean; users: SelectedUser[] }) => void;
}) {
  const { t } = useTranslation('users');
  const navigate = useNavigate();
  const users = list.data?.users ?? [];
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={900} className={tableScrollContainerClass}>
        <Table highlightOnHover verticalSpacing="sm" aria-busy={list.isFetching}>
          <UsersGridHead
            grid={grid}
            selectAll={
              selectable
                ? {
                    checked: allOnPageSelected,
                    indeterminate: someOnPageSelected && !allOnPageSelected,
                    onChange: toggleAll,
                  }
                : null
            }
            actionsColumn={
              canDisable ? (
                <Table.Th w={56}>
                  <VisuallyHidden>{t('grid.actions')}</VisuallyHidden>
                </Table.Th>
              ) : null
            }
          />
          <Table.Tbody>
            {list.isPending ? (
              <Table.Tr>
                <Table.Td colSpan={columns.length + 2}>
                  <PageLoader label={t('grid.loading')} />
                </Table.Td>
              </Table.Tr>
            ) : users.length === 0 ? (
              <TableEmptyRow colSpan={columns.length + 2}>{t('grid.empty')}</TableEmptyRow>
            ) : (
              users.map((user) => (
                <UserGridRow
                  key={user.id}
                  user={user}
                  roleNames={roleNames}
                  selectable={selectable}
                  selected={selection.has(user.id)}
                  onSelect={(checked) => toggle(user, checked)}
                  onOpen={() => navigate(`/users/${encodeURIComponent(user.id)}`)}
                  onSetEnabled={
                    canDisable && user.id !== meId
                      ? () => onSetEnabled({ enabled: !user.enabled, users: [toSelected(user)] })
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
  );
}
