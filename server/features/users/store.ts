import type { Insertable, Kysely } from 'kysely';
import { normalizeEmail, normalizeUsername } from '../../../common/login-keys';
import type { Clock } from '../../platform/clock';
import type { DB, IdentitiesTable, User, UserStatus } from '../../platform/db/schema';
import { newId } from '../../platform/ids';
import { foldCase } from '../../platform/text/case-fold';
import { addMembership } from '../memberships/store';
import { voidAccountTokens } from '../passwords/store';
import { syncUserIdentities, usernameKey } from './identities';
import type { PresentableUser } from './presenter';

/** The columns `presentUser` reads: what every list or profile query of users selects. */
export const presentableUserColumns = [
  'users.id',
  'users.username',
  'users.email',
  'users.namePrefix',
  'users.firstName',
  'users.middleName',
  'users.lastName',
  'users.nameSuffix',
  'users.birthday',
  'users.phone',
  'users.status',
  'users.mustChangePassword',
  'users.lastSignInAt',
  'users.signInCount',
  'users.createdAt',
  'users.updatedAt',
] as const;

/** The columns a user may be read with. The password hash is not among them. */
export const userColumns = [
  ...presentableUserColumns,
  'users.passwordChangedAt',
  'users.lastOrganizationId',
  'users.locale',
  'users.timezone',
  'users.version',
] as const;

export type UserRecord = Omit<
  User,
  | 'passwordHash'
  | 'usernameNormalized'
  | 'emailNormalized'
  | 'failedSignInCount'
  | 'lockoutCount'
  | 'lockedUntil'
  | 'firstNameFolded'
  | 'lastNameFolded'
  | 'usernameFolded'
  | 'emailFolded'
  | 'statusBeforeDisable'
  | 'isInstanceAdministrator'
>;

/**
 * The `…Folded` search copies (`foldCase`) of the columns given: every write of a user's names,
 * username or email sets them with it, so lists search and sort them alike on both databases.
 */
export function foldedUserColumns(user: {
  firstName?: string | undefined;
  lastName?: string | undefined;
  username?: string | undefined;
  email?: string | undefined;
}): { firstNameFolded?: string; lastNameFolded?: string; usernameFolded?: string; emailFolded?: string } {
  return {
    ...(user.firstName !== undefined ? { firstNameFolded: foldCase(user.firstName) } : {}),
    ...(user.lastName !== undefined ? { lastNameFolded: foldCase(user.lastName) } : {}),
    ...(user.username !== undefined ? { usernameFolded: foldCase(user.username) } : {}),
    ...(user.email !== undefined ? { emailFolded: foldCase(user.email) } : {}),
  };
}

export type NewUserInput = {
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  passwordHash: string | null;
  mustChangePassword?: boolean;
  /** The first administrator (first start); everyone else is appointed later. */
  isInstanceAdministrator?: boolean;
  namePrefix?: string | null;
  middleName?: string | null;
  nameSuffix?: string | null;
};

/**
 * Inserts a user, claims their username and email in `identities` (throws `IdentityTakenError`
 * when another user holds either), and makes them a member of an organization with the given
 * roles — in one transaction (the caller's, or one of its own).
 */
export async function insertUser(
  db: Kysely<DB>,
  clock: Clock,
  input: NewUserInput,
  membership: { organizationId: string; roleIds: string[] },
): Promise<string> {
  if (!db.isTransaction) {
    return db.transaction().execute((trx) => insertUser(trx, clock, input, membership));
  }
  const now = clock.now().toISOString();
  const id = newId();
  await db
    .insertInto('users')
    .values({
      id,
      username: input.username,
      usernameNormalized: normalizeUsername(input.username),
      email: input.email,
      emailNormalized: normalizeEmail(input.email),
      namePrefix: input.namePrefix ?? null,
      firstName: input.firstName,
      middleName: input.middleName ?? null,
      lastName: input.lastName,
      nameSuffix: input.nameSuffix ?? null,
      firstNameFolded: foldCase(input.firstName),
      lastNameFolded: foldCase(input.lastName),
      usernameFolded: foldCase(input.username),
      emailFolded: foldCase(input.email),
      birthday: null,
      phone: null,
      status: 'active',
      passwordHash: input.passwordHash,
      passwordChangedAt: input.passwordHash ? now : null,
      mustChangePassword: input.mustChangePassword ?? false,
      isInstanceAdministrator: input.isInstanceAdministrator ?? false,
      lockedUntil: null,
      lastSignInAt: null,
      lastOrganizationId: membership.organizationId,
      locale: null,
      timezone: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await syncUserIdentities(db, id);
  await addMembership(db, clock, id, membership.organizationId, membership.roleIds);
  return id;
}

export async function countUsers(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Whether another user already has this username or one that looks the same: equal ignoring case
 * (`username_normalized`), or with the same confusable skeleton (`identities`, UTS #39).
 */
export async function isUsernameTaken(
  db: Kysely<DB>,
  username: string,
  exceptUserId?: string,
): Promise<boolean> {
  const [sameName, sameLook] = await Promise.all([
    db
      .selectFrom('users')
      .select('id')
      .where('usernameNormalized', '=', normalizeUsername(username))
      .$if(exceptUserId !== undefined, (qb) => qb.where('id', '!=', exceptUserId as string))
      .executeTakeFirst(),
    db
      .selectFrom('identities')
      .select('userId')
      .where('key', '=', usernameKey(username))
      .$if(exceptUserId !== undefined, (qb) => qb.where('userId', '!=', exceptUserId as string))
      .executeTakeFirst(),
  ]);
  return sameName !== undefined || sameLook !== undefined;
}

/**
 * Which of these addresses another user already has — as a primary or an additional address, or
 * as a username (one created before usernames were refused an "@"; sign-in accepts both, so a
 * login must name one person) — compared by `normalizeEmail` (case, IDNA form of the domain):
 * returns their keys.
 */
export async function findEmailsTakenByOthers(
  db: Kysely<DB>,
  emails: readonly string[],
  exceptUserId?: string,
): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const keys = [...new Set(emails.map(normalizeEmail))];
  const rows = await db
    .selectFrom('identities')
    .select('key')
    .where('key', 'in', keys)
    .$if(exceptUserId !== undefined, (qb) => qb.where('userId', '!=', exceptUserId as string))
    .execute();
  return new Set(rows.map((row) => row.key));
}

/**
 * Disables or enables an account (the enabled flag is the status `disabled`). Disabling keeps the
 * status it had (`active` or `reset`) in `statusBeforeDisable`; enabling restores exactly that —
 * a pending administrator's reset stays `reset`, its API key stays refused — never an invented
 * `active` (`active` only for a row disabled with nothing kept). Voids the user's outstanding
 * links (`voidAccountTokens`). Answers the status the account has now.
 */
export async function setAccountEnabled(
  db: Kysely<DB>,
  userId: string,
  enabled: boolean,
  now: string,
): Promise<UserStatus> {
  if (enabled) {
    await db
      .updateTable('users')
      .set((eb) => ({
        status: eb.fn.coalesce('statusBeforeDisable', eb.val<UserStatus>('active')),
        statusBeforeDisable: null,
        updatedAt: now,
      }))
      .where('id', '=', userId)
      .where('status', '=', 'disabled')
      .execute();
  } else {
    await db
      .updateTable('users')
      .set((eb) => ({ statusBeforeDisable: eb.ref('status'), status: 'disabled', updatedAt: now }))
      .where('id', '=', userId)
      .where('status', '!=', 'disabled')
      .execute();
  }
  await voidAccountTokens(db, userId, now);
  const row = await db
    .selectFrom('users')
    .select('status')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.status;
}

/** A member's account state and membership, for an administrator's change of it (undefined: not a member). */
export async function findMemberAccount(
  db: Kysely<DB>,
  organizationId: string,
  userId: string,
): Promise<
  { id: string; status: UserStatus; isInstanceAdministrator: boolean; membershipId: string } | undefined
> {
  return db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.userId', 'users.id')
    .select(['users.id', 'users.status', 'users.isInstanceAdministrator', 'memberships.id as membershipId'])
    .where('users.id', '=', userId)
    .where('memberships.organizationId', '=', organizationId)
    .executeTakeFirst();
}

/** Marks a user changed (`updatedAt`) when what changed lives in another table (their roles). */
export async function touchUser(db: Kysely<DB>, userId: string, now: string): Promise<void> {
  await db.updateTable('users').set({ updatedAt: now }).where('id', '=', userId).execute();
}

/**
 * The presentable users among `ids` who are members of the organization, in id order (the users
 * an `include` adds: a former member stays a bare identifier).
 */
export async function listPresentableMembers(
  db: Kysely<DB>,
  organizationId: string,
  ids: readonly string[],
): Promise<PresentableUser[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.userId', 'users.id')
    .select(presentableUserColumns)
    .where('memberships.organizationId', '=', organizationId)
    .where('users.id', 'in', ids)
    .orderBy('users.id')
    .execute();
}

/**
 * What a user's identities are made of, as this transaction sees it (see `syncUserIdentities`):
 * their username and primary email, their additional emails in order, the keys they hold now.
 */
export async function readIdentitySources(db: Kysely<DB>, userId: string) {
  const [user, additional, existing] = await Promise.all([
    db.selectFrom('users').select(['username', 'email']).where('id', '=', userId).executeTakeFirst(),
    db
      .selectFrom('userEmails')
      .select('email')
      .where('userId', '=', userId)
      .orderBy('position')
      .orderBy('createdAt')
      .execute(),
    db.selectFrom('identities').select('key').where('userId', '=', userId).execute(),
  ]);
  return { user, additional, existing };
}

export async function deleteIdentities(
  db: Kysely<DB>,
  userId: string,
  keys: readonly string[],
): Promise<void> {
  await db.deleteFrom('identities').where('userId', '=', userId).where('key', 'in', keys).execute();
}

/** Claims a key for a user: fails on the unique index when another user holds it. */
export async function insertIdentity(db: Kysely<DB>, identity: Insertable<IdentitiesTable>): Promise<void> {
  await db.insertInto('identities').values(identity).execute();
}
