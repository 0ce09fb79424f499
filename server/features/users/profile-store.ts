import type { Kysely } from 'kysely';
import { normalizeEmail, normalizeUsername } from '../../../common/login-keys';
import type { Dialect } from '../../platform/db/kysely';
import { preparedQuery } from '../../platform/db/prepared';
import type { DB, UserUpdate } from '../../platform/db/schema';
import { sha256 } from '../../platform/secrets';
import type { CustomFieldValue } from '../custom-fields/store';
import type { UserExtras } from './presenter';
import { foldedUserColumns, type UserRecord, userColumns } from './store';

/** A user and their membership in an organization: compiled once (every profile read and write). */
const memberUserQuery = preparedQuery(['userId', 'organizationId'], (db, p) =>
  db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.userId', 'users.id')
    .select([...userColumns, 'users.isInstanceAdministrator'])
    .where('users.id', '=', p.userId)
    .where('memberships.organizationId', '=', p.organizationId),
);

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
  const { rows } = await memberUserQuery(db, { userId, organizationId });
  const row = rows[0];
  if (!row) return undefined;
  const { isInstanceAdministrator, ...user } = row;
  return { user: user as UserRecord, isInstanceAdministrator };
}

/**
 * The user row, locked until the end of the transaction `trx`, so that concurrent changes of one
 * profile run one after the other (the ETag's version is read under the lock). PostgreSQL:
 * `SELECT … FOR UPDATE` (a second writer waits here until the first commits, then reads its
 * version). SQLite needs no lock: Kysely runs a transaction alone on its one connection, and
 * `BEGIN IMMEDIATE` (kysely.ts) makes other processes wait for the write lock before they read.
 */
export async function lockUser(
  trx: Kysely<DB>,
  dialect: Dialect,
  userId: string,
): Promise<UserRecord | undefined> {
  const { rows } = await (dialect === 'postgres' ? lockUserQuery : readUserQuery)(trx, { userId });
  return rows[0] as UserRecord | undefined;
}

const readUserQuery = preparedQuery(['userId'], (db, p) =>
  db.selectFrom('users').select(userColumns).where('users.id', '=', p.userId),
);
const lockUserQuery = preparedQuery(['userId'], (db, p) =>
  db.selectFrom('users').select(userColumns).where('users.id', '=', p.userId).forUpdate(),
);

/**
 * The queries of `loadUserExtras`, compiled once: every profile read and write answers them. On
 * SQLite they run on the reader connection and are kept until the data changes.
 */
const extrasQueries = {
  emails: preparedQuery(['userId'], (db, p) =>
    db
      .selectFrom('userEmails')
      .select(['userEmails.email', 'userEmails.verifiedAt'])
      .where('userId', '=', p.userId)
      .orderBy('position')
      .orderBy('createdAt'),
  ),
  customFields: preparedQuery(['userId', 'organizationId'], (db, p) =>
    db
      .selectFrom('customFieldValues')
      .innerJoin('customFieldDefinitions', 'customFieldDefinitions.id', 'customFieldValues.fieldId')
      .select(['customFieldDefinitions.name', 'customFieldValues.value'])
      .where('customFieldDefinitions.organizationId', '=', p.organizationId)
      .where('customFieldValues.userId', '=', p.userId),
  ),
  roles: preparedQuery(['userId', 'organizationId'], (db, p) =>
    db
      .selectFrom('membershipRoles')
      .innerJoin('memberships', 'memberships.id', 'membershipRoles.membershipId')
      .innerJoin('roles', 'roles.id', 'membershipRoles.roleId')
      .select('roles.id')
      .where('memberships.userId', '=', p.userId)
      .where('memberships.organizationId', '=', p.organizationId)
      .orderBy('roles.name'),
  ),
  ownOrganizations: preparedQuery(['userId'], (db, p) =>
    db.selectFrom('memberships').select('organizationId').where('userId', '=', p.userId).orderBy('createdAt'),
  ),
  sharedOrganizations: preparedQuery(['userId', 'viewerId'], (db, p) =>
    db
      .selectFrom('memberships as theirs')
      .innerJoin('memberships as mine', 'mine.organizationId', 'theirs.organizationId')
      .select('theirs.organizationId')
      .where('theirs.userId', '=', p.userId)
      .where('mine.userId', '=', p.viewerId)
      .orderBy('theirs.createdAt'),
  ),
  avatar: preparedQuery(['userId'], (db, p) =>
    db.selectFrom('avatars').select('storageKey').where('userId', '=', p.userId),
  ),
};

/**
 * Everything the `users` resource shows beyond the row, as seen from the viewer's organization:
 * additional emails, the organization's custom field values, the user's roles there, the avatar,
 * and the organizations — all of the user's own for themselves, otherwise only those the viewer
 * shares with them (another organization's existence is not the viewer's business).
 */
export async function loadUserExtras(
  db: Kysely<DB>,
  viewer: { userId: string; organizationId: string },
  userId: string,
): Promise<Required<UserExtras>> {
  const { organizationId } = viewer;
  const [emails, customFields, roles, organizations, avatar] = await Promise.all([
    extrasQueries.emails(db, { userId }),
    extrasQueries.customFields(db, { userId, organizationId }),
    extrasQueries.roles(db, { userId, organizationId }),
    userId === viewer.userId
      ? extrasQueries.ownOrganizations(db, { userId })
      : extrasQueries.sharedOrganizations(db, { userId, viewerId: viewer.userId }),
    extrasQueries.avatar(db, { userId }),
  ]);
  const values: Record<string, CustomFieldValue> = {};
  for (const row of customFields.rows) values[row.name] = JSON.parse(row.value) as CustomFieldValue;
  return {
    additionalEmails: emails.rows.map((row) => ({ email: row.email, verified: row.verifiedAt !== null })),
    customFields: values,
    roleIds: roles.rows.map((row) => row.id),
    organizationIds: organizations.rows.map((row) => row.organizationId),
    avatar: avatar.rows[0] ? { version: avatarVersion(avatar.rows[0].storageKey) } : null,
  };
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
 * (compare-and-set: no lost update between two tabs or two administrators). Answers the new
 * version, or undefined when the row changed meanwhile.
 */
export async function updateProfileColumns(
  db: Kysely<DB>,
  userId: string,
  expectedVersion: number,
  changes: ProfileColumns,
  now: string,
): Promise<number | undefined> {
  const values: Record<string, unknown> = {
    ...changes,
    ...(changes.username !== undefined ? { usernameNormalized: normalizeUsername(changes.username) } : {}),
    ...(changes.email !== undefined ? { emailNormalized: normalizeEmail(changes.email) } : {}),
    ...foldedUserColumns(changes),
  };
  const columns = Object.keys(values).sort();
  const signature = columns.join(',');
  let update = profileUpdates.get(signature);
  if (!update) {
    update = preparedQuery([...columns, 'userId', 'expectedVersion', 'version', 'updatedAt'], (builder, p) =>
      builder
        .updateTable('users')
        .set({
          ...(Object.fromEntries(columns.map((column) => [column, p[column]])) as UserUpdate),
          version: p.version as unknown as number,
          updatedAt: p.updatedAt,
        })
        .where('id', '=', p.userId as string)
        .where('version', '=', p.expectedVersion as unknown as number),
    );
    profileUpdates.set(signature, update);
  }
  const result = await update(db, {
    ...values,
    userId,
    expectedVersion,
    version: expectedVersion + 1,
    updatedAt: now,
  });
  return Number(result.numAffectedRows) === 1 ? expectedVersion + 1 : undefined;
}

/**
 * The UPDATE of each set of profile columns, compiled once (building it cost more than SQLite
 * spends running it); at most one per subset of the few profile columns.
 */
const profileUpdates = new Map<string, ReturnType<typeof preparedQuery<string[], unknown>>>();
