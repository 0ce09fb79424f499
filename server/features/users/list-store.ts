import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import { errorMeta } from '../../../common/error-particulars';
import { normalizeEmail } from '../../../common/login-keys';
import { isPostgres } from '../../platform/db/columns';
import { preparedQuery, rememberWhileUnchanged } from '../../platform/db/prepared';
import type { DB } from '../../platform/db/schema';
import { notFound } from '../../platform/http/errors';
import {
  containsCondition,
  countListQuery,
  fetchListPage,
  type ListFilter,
  type ListPage,
  type ListQuery,
  type ListSpec,
  listReadsOf,
} from '../../platform/http/jsonapi';
import { badParameter } from '../../platform/http/jsonapi/query-error';
import { foldCase } from '../../platform/text/case-fold';
import { roleFields } from '../access/presenter';
import { type PresentableUser, userFields } from './presenter';
import { refreshUserSearch } from './search-store';
import { presentableUserColumns } from './store';

/**
 * `GET /api/users`: the members of the actor's organization. Besides the toolkit's own filters:
 * - `filter[name]=ada` (or `[contains]`): a substring of the first name, last name, "first last"
 *   or username, case-insensitively;
 * - `filter[email]`: the primary email, exactly (case-insensitively) or `[contains]`;
 * - `filter[role]=<id or name>[,…]`: members holding any of these roles here.
 */
export const userListSpec: ListSpec = {
  type: 'users',
  sort: {
    username: 'users.usernameNormalized',
    // The folded copies: the same order on both databases, and indexed.
    firstName: 'users.firstNameFolded',
    lastName: 'users.lastNameFolded',
    email: 'users.emailNormalized',
    createdAt: 'users.createdAt',
    lastSignInAt: 'users.lastSignInAt',
  },
  defaultSort: 'username',
  nullableSorts: ['lastSignInAt'],
  sortValues: { createdAt: 'timestamp', lastSignInAt: 'timestamp' },
  filters: {
    name: { column: 'users.usernameNormalized', kind: 'string', ops: ['eq', 'contains'] },
    email: { column: 'users.emailNormalized', kind: 'string', ops: ['eq', 'contains'] },
    role: { column: 'roles.id', kind: 'string', ops: ['eq'] },
    status: { column: 'users.status', kind: 'enum', values: ['active', 'reset', 'disabled'] },
    createdAt: { column: 'users.createdAt', kind: 'timestamp' },
    lastSignInAt: { column: 'users.lastSignInAt', kind: 'timestamp' },
  },
  includes: ['roles'],
  fieldsets: { users: userFields, roles: roleFields },
};

export type ListedUser = PresentableUser & { avatarKey: string | null; roleIds: string[] };

const MAX_ROLE_FILTER_VALUES = 20;

/**
 * One page of the organization's members, each with their role ids there. On SQLite the page is
 * kept while the database is unchanged (prepared.ts rememberWhileUnchanged: any commit, of any
 * process, drops it), so a grid opened again and again is read once; the caller must not change it.
 */
export async function listOrganizationUsers(
  db: Kysely<DB>,
  organizationId: string,
  listQuery: ListQuery,
): Promise<ListPage<ListedUser>> {
  if (listQuery.filters.some(isSubstringFilter)) await refreshUserSearch(db);
  return rememberWhileUnchanged(db, `users-list:${organizationId}:${JSON.stringify(listQuery)}`, () =>
    readOrganizationUsers(db, organizationId, listQuery),
  );
}

async function readOrganizationUsers(
  db: Kysely<DB>,
  organizationId: string,
  listQuery: ListQuery,
): Promise<ListPage<ListedUser>> {
  const fromUsers = !isPostgres(db) && (await isLargeOrganization(db, organizationId));
  // A count, a substring or an OFFSET reads every member: on SQLite, off the event loop.
  const reads = listReadsOf(db, listQuery, listQuery.filters.some(isSubstringFilter));
  const standard: ListFilter[] = [];
  const filtered = (base: ReturnType<typeof membersQuery>) => {
    standard.length = 0;
    for (const filter of listQuery.filters) {
      const value = String(filter.value);
      if (isSubstringFilter(filter)) {
        base = base.where(substringCondition(reads, filter.field, value));
      } else if (filter.field === 'email' && filter.op === 'eq') {
        base = base.where('users.emailNormalized', '=', normalizeEmail(value));
      } else if (filter.field === 'role') {
        base = base.where(roleCondition(organizationId, value));
      } else {
        standard.push(filter);
      }
    }
    return base;
  };

  const pageQuery = { ...listQuery, filters: standard, withTotal: false };
  const page =
    listQuery.page.byNumber === true && listQuery.page.number > 1
      ? await fetchOffsetPage(
          reads,
          organizationId,
          filtered(membersQuery(reads, organizationId, fromUsers)),
          pageQuery,
        )
      : await fetchListPage(filtered(membersQuery(reads, organizationId, fromUsers)), pageQuery, 'users.id');
  if (listQuery.withTotal) {
    page.total = await countOrganizationUsers(reads, organizationId, listQuery.filters, () =>
      countListQuery(filtered(membersQuery(reads, organizationId)), { filters: standard }),
    );
  }
  const roleIds = await loadRoleIds(
    db,
    organizationId,
    page.rows.map((row) => row.id),
  );
  return { ...page, rows: page.rows.map((row) => ({ ...row, roleIds: roleIds.get(row.id) ?? [] })) };
}

/**
 * A page past the first by number (OFFSET): the ids of its members first, from the sort's index
 * and the memberships' (user, organization) index alone, then the rows of those members only.
 * Read in one query, every member skipped was a whole users row fetched and dropped: page 400 of
 * 100,000 (OFFSET 39,900) read 40,000 rows, 1.1–1.6 s of a busy PostgreSQL, where the index
 * entries alone take a third of that. A member removed between the two reads is missing from the
 * page (numbered pages shift under changes anyway; cursors do not).
 */
async function fetchOffsetPage(
  db: Kysely<DB>,
  organizationId: string,
  members: ReturnType<typeof membersQuery>,
  listQuery: ListQuery,
): Promise<ListPage<Omit<ListedUser, 'roleIds'>>> {
  const ids = await fetchListPage(members.clearSelect().select('users.id'), listQuery, 'users.id');
  if (ids.rows.length === 0) return { ...ids, rows: [] };
  const rows = await membersQuery(db, organizationId)
    .where(
      'users.id',
      'in',
      ids.rows.map((row) => row.id),
    )
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return { ...ids, rows: ids.rows.flatMap((row) => byId.get(row.id) ?? []) };
}

/**
 * The exact number of members matching the list's filters (`X-Include: totalCount`), from one
 * index where it can: without filters, or filtered by status and creation date only, the
 * organization's memberships answer it (their copies of the user's status and creation date,
 * migration 0022), an index range where the join read every member's user row (545 ms for
 * 100,000 on a busy SQLite). Other filters (name, email, role, last sign-in) count the joined rows.
 */
async function countOrganizationUsers(
  db: Kysely<DB>,
  organizationId: string,
  filters: readonly ListFilter[],
  countJoined: () => Promise<number>,
): Promise<number> {
  if (filters.length === 0) return Number((await countMembers(db, { organizationId })).rows[0]?.count ?? 0);
  const onMemberships: ListFilter[] = [];
  for (const filter of filters) {
    const column = MEMBERSHIP_FACETS[filter.field];
    if (!column) return countJoined();
    onMemberships.push({ ...filter, column });
  }
  return countListQuery(
    db
      .selectFrom('memberships')
      .select('memberships.id')
      .where('memberships.organizationId', '=', organizationId),
    { filters: onMemberships },
  );
}

/** Filters a membership can answer from its copies of the user's columns (migration 0022). */
const MEMBERSHIP_FACETS: Partial<Record<string, string>> = {
  status: 'memberships.userStatus',
  createdAt: 'memberships.userCreatedAt',
};

/** `filter[role]`: members holding, in this organization, any of the roles named (ids or names). */
function roleCondition(organizationId: string, value: string) {
  const wanted = [...new Set(value.split(','))];
  if (wanted.length > MAX_ROLE_FILTER_VALUES || wanted.some((item) => item === '')) {
    throw badParameter(
      'filter[role]',
      'invalid_filter_value',
      `filter[role] must be up to ${MAX_ROLE_FILTER_VALUES} role ids or names, separated by commas.`,
      errorMeta('invalid_filter_value', {
        reason: 'role_list',
        parameter: 'filter[role]',
        maximum: MAX_ROLE_FILTER_VALUES,
      }),
    );
  }
  const folded = wanted.map(foldCase);
  return (eb: ExpressionBuilder<DB, 'users' | 'memberships'>) =>
    eb.exists(
      eb
        .selectFrom('membershipRoles')
        .innerJoin('roles', 'roles.id', 'membershipRoles.roleId')
        .select(sql.lit(1).as('one'))
        .whereRef('membershipRoles.membershipId', '=', 'memberships.id')
        .where('roles.organizationId', '=', organizationId)
        .where((inner) =>
          inner.or([
            inner('roles.id', 'in', wanted),
            inner(sql<string>`fold_case(${sql.ref('roles.name')})`, 'in', folded),
          ]),
        ),
    );
}

/** One member of the organization as the list shows them (404 for anyone else). */
export async function getListedUser(
  db: Kysely<DB>,
  organizationId: string,
  userId: string,
): Promise<ListedUser> {
  const row = await membersQuery(db, organizationId).where('users.id', '=', userId).executeTakeFirst();
  if (!row) throw notFound('user');
  const roleIds = await loadRoleIds(db, organizationId, [row.id]);
  return { ...row, roleIds: roleIds.get(row.id) ?? [] };
}

/**
 * The organization's members with their avatars. `fromUsers` (SQLite): read `users` first, in the
 * order of the sort's index, and keep the members (`CROSS JOIN` fixes SQLite's join order). The
 * planner otherwise always starts from the organization's memberships and sorts all of them in a
 * temporary B-tree for every page — 330 ms for 100,000 members, where reading the sort index
 * until the page is full takes 0.05 ms. For a small organization among many users the reverse
 * holds (33 ms against 0.01 ms: the whole index read to find a few members), hence
 * isLargeOrganization.
 */
function membersQuery(db: Kysely<DB>, organizationId: string, fromUsers = false) {
  const joined = fromUsers
    ? db.selectFrom('users').crossJoin('memberships').whereRef('memberships.userId', '=', 'users.id')
    : db.selectFrom('users').innerJoin('memberships', 'memberships.userId', 'users.id');
  return joined
    .leftJoin('avatars', 'avatars.userId', 'users.id')
    .select(presentableUserColumns)
    .select(['avatars.storageKey as avatarKey'])
    .where('memberships.organizationId', '=', organizationId);
}

/** Members from which an organization's list reads users in sort order (see membersQuery). */
export const LARGE_ORGANIZATION_MEMBERS = 2_000;

/** An organization's members (every membership has its user: a foreign key). */
const countMembers = preparedQuery(['organizationId'], (db, p) =>
  db
    .selectFrom('memberships')
    .select(sql<number>`count(*)`.as('count'))
    .where('organizationId', '=', p.organizationId),
);

/** Counts an organization's members up to LARGE_ORGANIZATION_MEMBERS: at most that many index entries. */
const boundedMemberCount = preparedQuery(['organizationId'], (db, p) =>
  db
    .selectFrom(
      db
        .selectFrom('memberships')
        .select(sql.lit(1).as('one'))
        .where('organizationId', '=', p.organizationId)
        .limit(LARGE_ORGANIZATION_MEMBERS)
        .as('members'),
    )
    .select(sql<number>`count(*)`.as('count')),
);

/**
 * Whether the organization has at least LARGE_ORGANIZATION_MEMBERS members: its pages are then
 * read from the users' sort index (a few hundred rows at most for a page, unless the organization
 * is a small share of a much larger instance); below it, sorting its members costs a few
 * milliseconds at most. Kept while the database is unchanged.
 */
export async function isLargeOrganization(db: Kysely<DB>, organizationId: string): Promise<boolean> {
  return rememberWhileUnchanged(db, `large-organization:${organizationId}`, async () => {
    const { rows } = await boundedMemberCount(db, { organizationId });
    return Number(rows[0]?.count ?? 0) >= LARGE_ORGANIZATION_MEMBERS;
  });
}

/** Role ids per user in one organization, for a page of users: one query. */
async function loadRoleIds(
  db: Kysely<DB>,
  organizationId: string,
  userIds: string[],
): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (userIds.length === 0) return result;
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('membershipRoles', 'membershipRoles.membershipId', 'memberships.id')
    .innerJoin('roles', 'roles.id', 'membershipRoles.roleId')
    .select(['memberships.userId', 'membershipRoles.roleId'])
    .where('memberships.organizationId', '=', organizationId)
    .where('memberships.userId', 'in', userIds)
    .orderBy('roles.name')
    .execute();
  for (const row of rows) {
    const list = result.get(row.userId) ?? [];
    list.push(row.roleId);
    result.set(row.userId, list);
  }
  return result;
}

/** `filter[name]` (any operator) and `filter[email][contains]`: read through the trigram index. */
function isSubstringFilter(filter: ListFilter): filter is ListFilter & { field: 'name' | 'email' } {
  return filter.field === 'name' || (filter.field === 'email' && filter.op === 'contains');
}

/** Substrings shorter than a trigram: no trigram index can serve them. */
const TRIGRAM_LENGTH = 3;

/**
 * `filter[name]` (first name, last name, "first last" or username) or `filter[email][contains]`:
 * a substring of the folded columns (`foldCase`, so `émile` finds `Émile` on both databases),
 * found through a trigram index: pg_trgm GIN indexes on PostgreSQL, the FTS5 trigram table
 * `user_search_fts` on SQLite, brought up to date first (`refreshUserSearch`). A substring of
 * one or two characters has no trigram: both databases read every user for it, and on SQLite a
 * LIKE over the users' folded columns does that about ten times faster than FTS5's scan of
 * its own table.
 */
function substringCondition(db: Kysely<DB>, field: 'name' | 'email', value: string): Expression<SqlBool> {
  const folded = foldCase(value);
  if (isPostgres(db) || [...folded].length < TRIGRAM_LENGTH) {
    if (field === 'email') return containsCondition(sql.ref('users.emailFolded'), value);
    return sql<SqlBool>`(${containsCondition(
      sql<string>`(${sql.ref('users.firstNameFolded')} || ' ' || ${sql.ref('users.lastNameFolded')})`,
      value,
    )} or ${containsCondition(sql.ref('users.usernameFolded'), value)})`;
  }
  const pattern = `*${folded.replace(/[*?[]/g, (char) => `[${char}]`)}*`;
  const matches =
    field === 'email'
      ? sql`select rowid from user_search_fts where email glob ${pattern}`
      : sql`select rowid from user_search_fts where name glob ${pattern}
            union select rowid from user_search_fts where username glob ${pattern}`;
  return sql<SqlBool>`${sql.ref('users.id')} in (select user_id from user_search where id in (${matches}))`;
}
