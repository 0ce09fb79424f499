import { type ExpressionBuilder, type Kysely, type QueryCreator, sql } from 'kysely';
import { normalizeEmail, normalizeUsername } from '../../../common/login-keys';
import { AUDIT_EVENT_COLUMNS, type AuditEventRow, insertAuditEventRow } from '../../platform/audit';
import { isPostgres } from '../../platform/db/columns';
import type { Dialect } from '../../platform/db/kysely';
import { preparedQuery, rememberUserExtras } from '../../platform/db/prepared';
import type { DB, UserUpdate } from '../../platform/db/schema';
import { sha256 } from '../../platform/secrets';
import type { CustomFieldValue } from '../custom-fields/store';
import type { UserExtras } from './presenter';
import { foldedUserColumns, type UserRecord, userColumns } from './store';

/** A user and their membership in an organization: compiled once (every profile read and write). */
const memberUserQuery = preparedQuery(['userId', 'organizationId'], (db, p) => memberUser(db, p));
/** The same, locking the user's row (PostgreSQL). */
const lockMemberUserQuery = preparedQuery(['userId', 'organizationId'], (db, p) =>
  memberUser(db, p).forUpdate('users'),
);

function memberUser(db: Kysely<DB>, p: { userId: string; organizationId: string }) {
  return db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.userId', 'users.id')
    .select([...userColumns, 'users.isInstanceAdministrator'])
    .where('users.id', '=', p.userId)
    .where('memberships.organizationId', '=', p.organizationId);
}

/**
 * A member's user record, and whether they are an instance administrator (which the user resource
 * does not show, but what others may do to them depends on it: `meta.abilities`).
 */
export type MemberUser = { user: UserRecord; isInstanceAdministrator: boolean };

/**
 * A user who is a member of the organization, or undefined — another organization's user is
 * treated exactly like a missing one.
 */
export async function findMemberUser(
  db: Kysely<DB>,
  organizationId: string,
  userId: string,
): Promise<MemberUser | undefined> {
  return memberUserOf((await memberUserQuery(db, { userId, organizationId })).rows[0]);
}

/**
 * `findMemberUser` in the transaction `trx`, with the user row locked until its end, so that
 * concurrent changes of one profile run one after the other (the ETag's version is read under the
 * lock). PostgreSQL: `SELECT … FOR UPDATE OF users` (a second writer waits here until the first
 * commits, then reads its version; the membership row is not locked). SQLite needs no lock:
 * Kysely runs a transaction alone on its one connection, and `BEGIN IMMEDIATE` (kysely.ts) makes
 * other processes wait for the write lock before they read.
 */
export async function lockMemberUser(
  trx: Kysely<DB>,
  dialect: Dialect,
  organizationId: string,
  userId: string,
): Promise<MemberUser | undefined> {
  const query = dialect === 'postgres' ? lockMemberUserQuery : memberUserQuery;
  return memberUserOf((await query(trx, { userId, organizationId })).rows[0]);
}

function memberUserOf(row: (UserRecord & { isInstanceAdministrator: boolean }) | undefined) {
  if (!row) return undefined;
  const { isInstanceAdministrator, ...user } = row;
  return { user: user as UserRecord, isInstanceAdministrator };
}

/**
 * The extras of `loadUserExtras` as the columns of one statement (one round trip on PostgreSQL,
 * one call on SQLite's reader, where five queries cost five), each list as JSON text, in its order
 * (an ordered aggregate: SQLite ≥ 3.44 and PostgreSQL both take `agg(x ORDER BY …)`).
 * `shared`: the organizations listed are those the viewer shares with the user, not all of theirs.
 */
function extrasColumns(
  db: Kysely<DB>,
  p: Record<'userId' | 'organizationId' | 'viewerId', string>,
  shared: boolean,
) {
  const pg = isPostgres(db);
  const array = sql.raw(pg ? 'json_agg' : 'json_group_array');
  const object = sql.raw(pg ? 'json_object_agg' : 'json_group_object');
  const emptyArray = sql.raw(pg ? "'[]'::json" : "'[]'");
  const emptyObject = sql.raw(pg ? "'{}'::json" : "'{}'");
  const pair = pg
    ? sql`json_build_array(email, verified_at is not null)`
    : sql`json_array(email, verified_at is not null)`;
  const value = pg ? sql`value` : sql`json(value)`;
  const organizations = shared
    ? sql`(select coalesce(${array}(theirs.organization_id order by theirs.created_at), ${emptyArray})
        from memberships theirs
        join memberships mine on mine.organization_id = theirs.organization_id
        where theirs.user_id = ${p.userId} and mine.user_id = ${p.viewerId})`
    : sql`(select coalesce(${array}(organization_id order by created_at), ${emptyArray})
        from memberships where user_id = ${p.userId})`;
  return [
    sql<string>`(select coalesce(${array}(${pair} order by position, created_at), ${emptyArray})
      from user_emails where user_id = ${p.userId})`.as('emails'),
    sql<string>`(select coalesce(${object}(definitions.name, ${value}), ${emptyObject})
      from custom_field_values
      join custom_field_definitions definitions on definitions.id = custom_field_values.field_id
      where definitions.organization_id = ${p.organizationId}
        and custom_field_values.user_id = ${p.userId})`.as('custom'),
    sql<string>`(select coalesce(${array}(roles.id order by roles.name), ${emptyArray})
      from membership_roles
      join memberships on memberships.id = membership_roles.membership_id
      join roles on roles.id = membership_roles.role_id
      where memberships.user_id = ${p.userId} and memberships.organization_id = ${p.organizationId})`.as(
      'roles',
    ),
    sql<string>`${organizations}`.as('organizations'),
    sql<string | null>`(select storage_key from avatars where user_id = ${p.userId})`.as('avatar'),
  ] as const;
}

const EXTRAS_PARAMETERS = ['userId', 'organizationId', 'viewerId'] as const;
/** The extras alone, compiled once per database and viewer kind: every profile read and write answers it. */
const extrasQuery = (shared: boolean) =>
  preparedQuery(EXTRAS_PARAMETERS, (db, p) => db.selectNoFrom(extrasColumns(db, p, shared)));
const ownExtras = extrasQuery(false);
const sharedExtras = extrasQuery(true);
/**
 * A member's row, its row version and their extras in one statement (PostgreSQL: one round trip,
 * one snapshot). The row version is `xmin` as text: it changes with every write of the row.
 */
const memberWithExtrasQuery = (shared: boolean) =>
  preparedQuery(EXTRAS_PARAMETERS, (db, p) =>
    memberUser(db, p).select([ROW_VERSION, ...extrasColumns(db, p, shared)]),
  );
/** PostgreSQL: the transaction that wrote this version of the row (`xmin`), as text. */
const ROW_VERSION = sql<string>`users.xmin::text`.as('rowVersion');
const memberWithOwnExtras = memberWithExtrasQuery(false);
const memberWithSharedExtras = memberWithExtrasQuery(true);

/** The extras columns of a row, as the statements above return them. */
type ExtrasRow = {
  emails: unknown;
  custom: unknown;
  roles: unknown;
  organizations: unknown;
  avatar: string | null;
};

/** PostgreSQL's json comes as text (kysely.ts's type parsers), SQLite's is text: parsed here. */
const parsed = <T>(text: unknown): T => (typeof text === 'string' ? JSON.parse(text) : text) as T;

/**
 * Everything the `users` resource shows beyond the row, as seen from the viewer's organization:
 * additional emails, the organization's custom field values, the user's roles there, the avatar,
 * and the organizations — all of the user's own for themselves, otherwise only those the viewer
 * shares with them (another organization's existence is not the viewer's business). Kept as
 * `rememberUserExtras` allows (a write of the user's row keeps them): frozen, shared by callers.
 */
export async function loadUserExtras(
  db: Kysely<DB>,
  viewer: { userId: string; organizationId: string },
  userId: string,
): Promise<Readonly<Required<UserExtras>>> {
  const own = userId === viewer.userId;
  const parameters = { userId, organizationId: viewer.organizationId, viewerId: viewer.userId };
  return rememberUserExtras(
    db,
    `${own ? 'own' : 'shared'} ${userId} ${viewer.organizationId} ${viewer.userId}`,
    async () => {
      const { rows } = await (own ? ownExtras : sharedExtras)(db, parameters);
      return extrasOf(rows[0] as ExtrasRow);
    },
  );
}

/** Frozen extras from the JSON text of their columns. */
function extrasOf(row: ExtrasRow): Readonly<Required<UserExtras>> {
  return Object.freeze({
    additionalEmails: Object.freeze(
      parsed<[string, boolean | number][]>(row.emails).map(([email, verified]) =>
        Object.freeze({ email, verified: Boolean(verified) }),
      ),
    ),
    customFields: Object.freeze(parsed<Record<string, CustomFieldValue>>(row.custom)),
    roleIds: Object.freeze(parsed<string[]>(row.roles)),
    organizationIds: Object.freeze(parsed<string[]>(row.organizations)),
    avatar: row.avatar ? Object.freeze({ version: avatarVersion(row.avatar) }) : null,
  }) as Required<UserExtras>;
}

/**
 * `findMemberUser` and `loadUserExtras` at once, as the viewer sees the user: on PostgreSQL in one
 * statement (one round trip, and the row and its extras from one snapshot); on SQLite the two
 * calls, whose extras stay kept while a write of the row keeps them (`rememberUserExtras`).
 * Undefined when the user is not a member of the viewer's organization.
 */
export async function findMemberUserWithExtras(
  db: Kysely<DB>,
  viewer: { userId: string; organizationId: string },
  userId: string,
): Promise<MemberWithExtras | undefined> {
  if (!isPostgres(db)) {
    const member = await findMemberUser(db, viewer.organizationId, userId);
    return member && { ...member, extras: await loadUserExtras(db, viewer, userId) };
  }
  const query = userId === viewer.userId ? memberWithOwnExtras : memberWithSharedExtras;
  const { rows } = await query(db, {
    userId,
    organizationId: viewer.organizationId,
    viewerId: viewer.userId,
  });
  return memberWithExtrasOf(rows[0] as MemberWithExtrasRow | undefined);
}

/**
 * A member, their extras as the viewer sees them, and on PostgreSQL the version of the user's row
 * they were read from (`rowVersion`: its `xmin`, which every write of the row changes; for
 * `updateProfileReturningMember`'s compare-and-set).
 */
export type MemberWithExtras = MemberUser & { extras: Readonly<Required<UserExtras>>; rowVersion?: string };

type MemberWithExtrasRow = UserRecord & { isInstanceAdministrator: boolean; rowVersion: string } & ExtrasRow;

function memberWithExtrasOf(row: MemberWithExtrasRow | undefined): MemberWithExtras | undefined {
  if (!row) return undefined;
  const { emails, custom, roles, organizations, avatar, rowVersion, ...member } = row;
  const extras = extrasOf({ emails, custom, roles, organizations, avatar });
  return { ...(memberUserOf(member) as MemberUser), extras, rowVersion };
}

/** A public fingerprint of an avatar's storage key: changes with every new picture. */
export function avatarVersion(storageKey: string): string {
  return sha256(`avatar:${storageKey}`).slice(0, 16);
}

/** Whether another user already has this username (case-insensitively). */

export type ProfileColumns = Pick<
  UserUpdate,
  | 'username'
  | 'namePrefix'
  | 'firstName'
  | 'middleName'
  | 'lastName'
  | 'nameSuffix'
  | 'birthday'
  | 'email'
  | 'phone'
>;

/**
 * Writes profile columns and bumps `version`, only if the row still has `expectedVersion`
 * (compare-and-set: no lost update between two tabs or two administrators), and with them the
 * audit row `audit` recording the change (`auditEventRow`), written only if the row was. Answers
 * the new version, or undefined when the row changed meanwhile (nothing written).
 *
 * On PostgreSQL the two are one statement (`WITH changed AS (UPDATE … RETURNING id) INSERT INTO
 * audit_events SELECT … FROM changed`): the user's row is locked from `lockMemberUser` to the
 * commit, and each round trip in between is paid by every writer of that profile queued behind
 * the lock (issue 17: 50 writers of one profile); outside a transaction, that statement alone is
 * the whole compare-and-set, atomic, in one round trip (the row-only writes use
 * `updateProfileReturningMember`, which also answers the member). SQLite runs in this process: two
 * statements, in a transaction of their own when `db` is not one.
 */
export async function updateProfileColumns(
  db: Kysely<DB>,
  userId: string,
  expectedVersion: number,
  changes: ProfileColumns,
  now: string,
  audit?: AuditEventRow,
): Promise<number | undefined> {
  const values = profileColumnValues(changes);
  const columns = Object.keys(values).sort();
  const withAudit = audit !== undefined && isPostgres(db);
  if (audit !== undefined && !withAudit && !db.isTransaction) {
    return db
      .transaction()
      .execute((trx) => updateProfileColumns(trx, userId, expectedVersion, changes, now, audit));
  }
  const signature = `${columns.join(',')}${withAudit ? '+audit' : ''}`;
  let update = profileUpdates.get(signature);
  if (!update) {
    update = withAudit ? auditedProfileUpdate(columns) : profileUpdate(columns);
    profileUpdates.set(signature, update);
  }
  const result = await update(db, {
    ...values,
    ...(withAudit ? auditParameters(audit) : {}),
    userId,
    expectedVersion,
    version: expectedVersion + 1,
    updatedAt: now,
  });
  if (Number(result.numAffectedRows) !== 1) return undefined;
  if (audit && !withAudit) await insertAuditEventRow(db, audit);
  return expectedVersion + 1;
}

/** The columns a change of `changes` writes: with them their normalized and folded copies. */
function profileColumnValues(changes: ProfileColumns): Record<string, unknown> {
  return {
    ...changes,
    ...(changes.username !== undefined ? { usernameNormalized: normalizeUsername(changes.username) } : {}),
    ...(changes.email !== undefined ? { emailNormalized: normalizeEmail(changes.email) } : {}),
    ...foldedUserColumns(changes),
  };
}

const UPDATE_PARAMETERS = ['userId', 'expectedVersion', 'version', 'updatedAt'] as const;

/** The UPDATE of `columns` under compare-and-set (compiled once per set of columns). */
function profileUpdate(columns: string[]): PreparedProfileUpdate {
  return preparedQuery([...columns, ...UPDATE_PARAMETERS], (builder, p) =>
    updateColumns(builder, columns, p),
  ) as PreparedProfileUpdate;
}

function updateColumns(builder: QueryCreator<DB>, columns: string[], p: Record<string, string>) {
  return builder
    .updateTable('users')
    .set({
      ...(Object.fromEntries(columns.map((column) => [column, p[column]])) as UserUpdate),
      version: p.version as unknown as number,
      updatedAt: p.updatedAt,
    })
    .where('id', '=', p.userId as string)
    .where('version', '=', p.expectedVersion as unknown as number);
}

/** Audit parameters are named apart from the columns of users (`audit.id`, …). */
const auditParameter = (column: (typeof AUDIT_EVENT_COLUMNS)[number]) => `audit.${column}`;

function auditParameters(audit: AuditEventRow): Record<string, unknown> {
  return Object.fromEntries(AUDIT_EVENT_COLUMNS.map((column) => [auditParameter(column), audit[column]]));
}

/** PostgreSQL: the UPDATE and, if it changed the row, the audit row, in one statement. */
function auditedProfileUpdate(columns: string[]): PreparedProfileUpdate {
  return preparedQuery(
    [...columns, ...UPDATE_PARAMETERS, ...AUDIT_EVENT_COLUMNS.map(auditParameter)],
    (builder, p) =>
      builder
        .with('changed', (db) => updateColumns(db, columns, p).returning('users.id'))
        .insertInto('auditEvents')
        .columns([...AUDIT_EVENT_COLUMNS])
        .expression((eb) => auditRowOfChanged(eb, p)),
  ) as PreparedProfileUpdate;
}

/**
 * PostgreSQL, outside a transaction: `updateProfileColumns` of a member's row (`viewer`'s view of
 * `userId`) with `audit`, and the member as the write left them, in one statement and one round
 * trip (issue 17: the write's round trips were a third of its time). The compare-and-set holds
 * only while the row is still `expected.version` and still the very row version it was planned on
 * (`expected.rowVersion`, its `xmin`: every write of the row changes it, a sign-in's too), and the
 * user still a member of the viewer's organization; the row, its new row version and the extras
 * answered are read by the same statement, so nothing answered was kept from before. Undefined,
 * with nothing written, when any of those failed. Throws (a programming error) on SQLite or in a
 * transaction: the statement autocommits on the pool, `xmin` is PostgreSQL's.
 */
export async function updateProfileReturningMember(
  db: Kysely<DB>,
  viewer: { userId: string; organizationId: string },
  userId: string,
  expected: { version: number; rowVersion: string },
  changes: ProfileColumns,
  now: string,
  audit: AuditEventRow,
): Promise<MemberWithExtras | undefined> {
  if (!isPostgres(db) || db.isTransaction) {
    throw new Error('updateProfileReturningMember runs on PostgreSQL, outside a transaction');
  }
  const values = profileColumnValues(changes);
  const columns = Object.keys(values).sort();
  const shared = userId !== viewer.userId;
  const signature = `${columns.join(',')}+audit+member${shared ? '+shared' : ''}`;
  let update = returningUpdates.get(signature);
  if (!update) {
    update = returningProfileUpdate(columns, shared);
    returningUpdates.set(signature, update);
  }
  const { rows } = await update(db, {
    ...values,
    ...auditParameters(audit),
    userId,
    organizationId: viewer.organizationId,
    viewerId: viewer.userId,
    expectedVersion: expected.version,
    rowVersion: expected.rowVersion,
    version: expected.version + 1,
    updatedAt: now,
  });
  return memberWithExtrasOf(rows[0] as MemberWithExtrasRow | undefined);
}

type ReturningProfileUpdate = (
  db: Kysely<DB>,
  values: Record<string, unknown>,
) => Promise<{ rows: unknown[] }>;

const returningUpdates = new Map<string, ReturningProfileUpdate>();

/** `updateProfileReturningMember`'s statement for `columns` (compiled once per set of columns). */
function returningProfileUpdate(columns: string[], shared: boolean): ReturningProfileUpdate {
  return preparedQuery(
    [
      ...columns,
      ...UPDATE_PARAMETERS,
      ...EXTRAS_PARAMETERS,
      'rowVersion',
      ...AUDIT_EVENT_COLUMNS.map(auditParameter),
    ],
    (builder, p) =>
      builder
        .with('changed', (db) =>
          updateColumns(db, columns, p)
            .where(sql<boolean>`users.xmin = cast(${p.rowVersion} as xid)`)
            .where((eb) =>
              eb.exists(
                eb
                  .selectFrom('memberships')
                  .select('memberships.userId')
                  .where('memberships.userId', '=', p.userId as string)
                  .where('memberships.organizationId', '=', p.organizationId as string),
              ),
            )
            .returning([...userColumns, 'users.isInstanceAdministrator', ROW_VERSION]),
        )
        .with('audited', (db) =>
          db
            .insertInto('auditEvents')
            .columns([...AUDIT_EVENT_COLUMNS])
            .expression((eb) => auditRowOfChanged(eb, p)),
        )
        .selectFrom('changed')
        .selectAll('changed')
        .select(extrasColumns(builder, p, shared)),
  );
}

/** The audit row named by the `audit.…` parameters, selected once per row of the CTE `changed`. */
function auditRowOfChanged<Changed extends { id: string }>(
  eb: ExpressionBuilder<DB & { changed: Changed }, 'auditEvents'>,
  p: Record<string, string>,
) {
  const value = (column: (typeof AUDIT_EVENT_COLUMNS)[number]) => p[auditParameter(column)];
  return eb
    .selectFrom('changed')
    .select([
      sql<string>`cast(${value('id')} as text)`.as('id'),
      sql<string>`cast(${value('organizationId')} as text)`.as('organizationId'),
      sql<string>`cast(${value('actorUserId')} as text)`.as('actorUserId'),
      sql<string>`cast(${value('subjectUserId')} as text)`.as('subjectUserId'),
      sql<string>`cast(${value('action')} as text)`.as('action'),
      sql<string>`cast(${value('ip')} as text)`.as('ip'),
      sql<string>`cast(${value('details')} as jsonb)`.as('details'),
      sql<string>`cast(${value('occurredAt')} as timestamptz)`.as('occurredAt'),
    ]);
}

type PreparedProfileUpdate = (
  db: Kysely<DB>,
  values: Record<string, unknown>,
) => Promise<{ numAffectedRows?: bigint | undefined }>;

const profileUpdates = new Map<string, PreparedProfileUpdate>();
