import { describe, expect, it } from 'vitest';
import { nextGridSearch, readGridState, replacesHistory } from './users-grid-state';

describe('users grid state in the address', () => {
  it('reads the sort, its direction, the filters and the cursor, with defaults', () => {
    expect(readGridState(new URLSearchParams(''))).toEqual({
      after: '',
      before: '',
      sort: { field: 'username', direction: 'asc' },
      name: '',
      email: '',
      role: '',
      status: '',
    });
    expect(
      readGridState(new URLSearchParams('sort=-lastSignInAt&name=ann&status=disabled&after=abc')),
    ).toMatchObject({
      after: 'abc',
      sort: { field: 'lastSignInAt', direction: 'desc' },
      name: 'ann',
      status: 'disabled',
    });
    // A bare "-" falls back to the default field, descending.
    expect(readGridState(new URLSearchParams('sort=-')).sort).toEqual({
      field: 'username',
      direction: 'desc',
    });
  });

  it('starts again at the first page on any change but paging, and keeps one cursor', () => {
    expect(nextGridSearch('?sort=email&after=abc&page=3', { name: 'ann' })).toBe('sort=email&name=ann');
    expect(nextGridSearch('?name=ann&after=abc', { before: 'xyz', after: '' })).toBe('name=ann&before=xyz');
    expect(nextGridSearch('?name=ann&status=active', { name: '' })).toBe('status=active');
  });

  it('keeps what another change wrote meanwhile (a debounced name and a Status click, either order)', () => {
    const afterStatus = nextGridSearch('?name=an', { status: 'active' });
    expect(nextGridSearch(`?${afterStatus}`, { name: 'ann' })).toBe('name=ann&status=active');
  });

  it('adds a history entry for another page or sort (Back returns to it), replaces it for a filter', () => {
    expect(replacesHistory({ after: 'abc', before: '' })).toBe(false);
    expect(replacesHistory({ before: 'abc', after: '' })).toBe(false);
    expect(replacesHistory({ sort: '-email' })).toBe(false);
    expect(replacesHistory({ name: 'ann' })).toBe(true);
    expect(replacesHistory({ status: 'active' })).toBe(true);
    expect(replacesHistory({ role: '' })).toBe(true);
  });
});
