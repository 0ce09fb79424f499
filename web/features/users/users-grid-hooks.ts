import { useState } from 'react';
import { useRecordsPerPage } from '../../ui/format';
import { type UserRow, type UsersListParams, useUsersList } from './admin-api';
import type { SelectedUser } from './bulk-actions';
import { type readGridState, toSelected } from './users-grid-state';

/** The page of users the grid's state asks for, at the viewer's records per page. */
export function useUsersGridList(state: ReturnType<typeof readGridState>) {
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
  return useUsersList(params);
}

/** The users selected for the bulk actions (kept across pages), and the page's select-all state. */
export function useUserSelection(users: UserRow[]) {
  const [selection, setSelection] = useState<Map<string, SelectedUser>>(new Map());
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
  const allOnPageSelected = users.length > 0 && users.every((user) => selection.has(user.id));
  const someOnPageSelected = users.some((user) => selection.has(user.id));
  return { selection, setSelection, toggle, toggleAll, allOnPageSelected, someOnPageSelected };
}
