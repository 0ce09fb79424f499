import { useLocation, useNavigate, useSearchParams } from 'react-router';
import type { users } from '../../i18n/en/users';
import type { UserRow, UserSortField } from './admin-api';
import type { SelectedUser } from './bulk-actions';

/** The statuses a user can have; their words are `users:status.<status>`. */
export const userStatuses: readonly UserRow['status'][] = ['active', 'reset', 'disabled'];

/** The grid's columns; their headings are `users:grid.columns.<key>`. */
export const gridColumns: { key: keyof typeof users.grid.columns; sort?: UserSortField }[] = [
  { key: 'username', sort: 'username' },
  { key: 'name', sort: 'lastName' },
  { key: 'email', sort: 'email' },
  { key: 'status' },
  { key: 'roles' },
  { key: 'lastSignInAt', sort: 'lastSignInAt' },
];

export function toSelected(user: UserRow): SelectedUser {
  return {
    id: user.id,
    name: user.fullName || user.username,
    username: user.username,
    email: user.email,
    enabled: user.enabled,
  };
}

type GridParameter = 'after' | 'before' | 'sort' | 'name' | 'email' | 'role' | 'status';

/** What the grid shows, read from its address's query string (`?sort=-email&status=active…`). */
export function readGridState(searchParams: URLSearchParams) {
  const sortValue = searchParams.get('sort') ?? 'username';
  const direction: 'asc' | 'desc' = sortValue.startsWith('-') ? 'desc' : 'asc';
  const field = (sortValue.replace(/^-/, '') || 'username') as UserSortField;
  return {
    // Cursors of the API's links.next/prev: deep pages cost what the first costs.
    after: searchParams.get('after') ?? '',
    before: searchParams.get('before') ?? '',
    sort: { field, direction },
    name: searchParams.get('name') ?? '',
    email: searchParams.get('email') ?? '',
    role: searchParams.get('role') ?? '',
    status: (searchParams.get('status') ?? '') as UserRow['status'] | '',
  };
}

/**
 * The query string after `changes` (an empty value removes the parameter): any change but paging
 * starts again at the first page, and a page has one cursor; the old `page` number is dropped.
 */
export function nextGridSearch(current: string, changes: Partial<Record<GridParameter, string>>): string {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  if (!('after' in changes) && !('before' in changes)) {
    next.delete('after');
    next.delete('before');
  }
  next.delete('page');
  return next.toString();
}

/**
 * Whether a change of the grid replaces the browser's history entry instead of adding one: a
 * filter typed or picked does (Back should not replay every keystroke of a name), another page or
 * another sort does not, so Back returns to the page or the order the user came from.
 */
export function replacesHistory(changes: Partial<Record<GridParameter, string>>): boolean {
  return !('after' in changes || 'before' in changes || 'sort' in changes);
}

/** The grid's state lives in the address, so a filtered page can be bookmarked and shared. */
export function useGridState() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const gridPath = useLocation().pathname;
  const state = readGridState(searchParams);
  const update = (changes: Partial<Record<GridParameter, string>>) => {
    // A debounced change may land after a click on a user has already left the grid: it must not
    // write the grid's parameters onto the next page's address.
    if (window.location.pathname !== gridPath) return;
    // From the address as it is now, not as it was when this render happened: a debounced name
    // and a click on Status can land in either order, and neither may undo the other.
    const search = nextGridSearch(window.location.search, changes);
    if (search === window.location.search.replace(/^\?/, '')) return;
    navigate(
      { pathname: gridPath, search: search ? `?${search}` : '' },
      { replace: replacesHistory(changes) },
    );
  };
  return { state, update };
}
