import type { Kysely } from 'kysely';
import type { DB, UserUpdate } from '../../platform/db/schema';
import { sha256 } from '../../platform/secrets';
import { loadCustomFieldValues } from '../custom-fields/store';
import { listUserEmails } from '../user-emails/store';
import type { UserExtras } from './presenter';
import { foldedUserColumns, normalizeEmail, normalizeUsername, type UserRecord, userColumns } from './store';

/**
 * A user who is a member of the organization, or undefined — another organization's user is
 * treated exactly like a missing one.
 */
export async function findMemberUser(
  db: Kysely<DB>,
  organizationId: string,
  userId: string,
): Promise<UserRecord | undefined> {
  return db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.userId', 'users.id')
    .select(userColumns)
    .where('users.id', '=', userId)
    .where('memberships.organizationId', '=', organizationId)
    .executeTakeFirst();
}

/** The version of a user row (the ETag), read inside a transaction before a conditional update. */
export async function findUserVersion(db: Kysely<DB>, userId: string): Promise<number | undefined> {
  const row = await db.selectFrom('users').select('version').where('id', '=', userId).executeTakeFirst();
  return row ? Number(row.version) : undefined;
}

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
  const [emails, customFields, roles, organizations, avatar] = await Promise.all([
    listUserEmails(db, userId),
    loadCustomFieldValues(db, viewer.organizationId, userId),
    db
      .selectFrom('membershipRoles')
      .innerJoin('memberships', 'memberships.id', 'membershipRoles.membershipId')
      .innerJoin('roles', 'roles.id', 'membershipRoles.roleId')
      .select('roles.id')
      .where('memberships.userId', '=', userId)
      .where('memberships.organizationId', '=', viewer.organizationId)
      .orderBy('roles.name')
      .execute(),
    userId === viewer.userId
      ? db
          .selectFrom('memberships')
          .select('organizationId')
          .where('userId', '=', userId)
          .orderBy('createdAt')
          .execute()
      : db
          .selectFrom('memberships as theirs')
          .innerJoin('memberships as mine', 'mine.organizationId', 'theirs.organizationId')
          .select('theirs.organizationId')
          .where('theirs.userId', '=', userId)
          .where('mine.userId', '=', viewer.userId)
          .orderBy('theirs.createdAt')
          .execute(),
    findAvatarKey(db, userId),
  ]);
  return {
    additionalEmails: emails.map((row) => ({ email: row.email, verified: row.verifiedAt !== null })),
    customFields,
    roleIds: roles.map((row) => row.id),
    organizationIds: organizations.map((row) => row.organizationId),
    avatar: avatar ? { version: avatarVersion(avatar.storageKey) } : null,
  };
}

export async function findAvatarKey(
  db: Kysely<DB>,
  userId: string,
): Promise<{ storageKey: string } | undefined> {
  return db.selectFrom('avatars').select('storageKey').where('userId', '=', userId).executeTakeFirst();
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
  const result = await db
    .updateTable('users')
    .set({
      ...changes,
      ...(changes.username !== undefined ? { usernameNormalized: normalizeUsername(changes.username) } : {}),
      ...(changes.email !== undefined ? { emailNormalized: normalizeEmail(changes.email) } : {}),
      ...foldedUserColumns(changes),
      version: expectedVersion + 1,
      updatedAt: now,
    })
    .where('id', '=', userId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? expectedVersion + 1 : undefined;
}
