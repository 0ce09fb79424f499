import type { Kysely } from 'kysely';
import { normalizeEmail, normalizeUsername } from '../../../common/login-keys';
import type { DB, PasswordTokensTable, User } from '../../platform/db/schema';
import { newId } from '../../platform/ids';

/**
 * What the password operations need of a user. `passwordHash` is read only to verify the current
 * password and never leaves the service.
 */
export type PasswordSubject = Pick<
  User,
  | 'id'
  | 'username'
  | 'email'
  | 'namePrefix'
  | 'firstName'
  | 'middleName'
  | 'lastName'
  | 'nameSuffix'
  | 'status'
  | 'locale'
  | 'lastOrganizationId'
>;

const subjectColumns = [
  'users.id',
  'users.username',
  'users.email',
  'users.namePrefix',
  'users.firstName',
  'users.middleName',
  'users.lastName',
  'users.nameSuffix',
  'users.status',
  'users.locale',
  'users.lastOrganizationId',
] as const;

/** The user if they are a member of the organization (tenancy: anyone else is "not found"). */
export async function findMemberSubject(
  db: Kysely<DB>,
  organizationId: string,
  userId: string,
): Promise<PasswordSubject | undefined> {
  return db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.userId', 'users.id')
    .select(subjectColumns)
    .where('users.id', '=', userId)
    .where('memberships.organizationId', '=', organizationId)
    .executeTakeFirst();
}

/** Members of the organization among `userIds` (for the bulk reset's all-or-nothing check). */
export async function findMemberSubjects(
  db: Kysely<DB>,
  organizationId: string,
  userIds: string[],
): Promise<PasswordSubject[]> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.userId', 'users.id')
    .select(subjectColumns)
    .where('users.id', 'in', userIds)
    .where('memberships.organizationId', '=', organizationId)
    .execute();
}

export async function findSubjectById(db: Kysely<DB>, userId: string): Promise<PasswordSubject | undefined> {
  return db.selectFrom('users').select(subjectColumns).where('users.id', '=', userId).executeTakeFirst();
}

/** By username or primary email, case-insensitively (the "Forgot your password?" form). */
export async function findSubjectByLogin(
  db: Kysely<DB>,
  login: string,
): Promise<PasswordSubject | undefined> {
  return db
    .selectFrom('users')
    .select(subjectColumns)
    .where((eb) =>
      eb.or([
        eb('usernameNormalized', '=', normalizeUsername(login)),
        eb('emailNormalized', '=', normalizeEmail(login)),
      ]),
    )
    .executeTakeFirst();
}

export async function findOrganizationName(
  db: Kysely<DB>,
  organizationId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('organizations')
    .select('name')
    .where('id', '=', organizationId)
    .executeTakeFirst();
  return row?.name;
}

/**
 * A new password hash; the status becomes `active` if it was `reset` (a disabled account stays
 * disabled, and enabling it later restores `active`); lockout cleared; every outstanding link of
 * the user voided (`voidAccountTokens`: a password change is a security event).
 */
export async function storePasswordHash(
  db: Kysely<DB>,
  userId: string,
  values: { passwordHash: string; mustChangePassword: boolean; now: string },
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      passwordHash: values.passwordHash,
      passwordChangedAt: values.now,
      mustChangePassword: values.mustChangePassword,
      failedSignInCount: 0,
      lockoutCount: 0,
      lockedUntil: null,
      updatedAt: values.now,
    })
    .where('id', '=', userId)
    .execute();
  await db
    .updateTable('users')
    .set({ status: 'active' })
    .where('id', '=', userId)
    .where('status', '=', 'reset')
    .execute();
  await db
    .updateTable('users')
    .set({ statusBeforeDisable: 'active' })
    .where('id', '=', userId)
    .where('statusBeforeDisable', '=', 'reset')
    .execute();
  await voidAccountTokens(db, userId, values.now);
}

/**
 * Swaps a hash for an equivalent one (the same password, rehashed in its NFKC form) — not a
 * password change: nothing else moves. Only if the hash is still `from` (a concurrent change wins).
 */
export async function replacePasswordHash(
  db: Kysely<DB>,
  userId: string,
  from: string,
  to: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ passwordHash: to })
    .where('id', '=', userId)
    .where('passwordHash', '=', from)
    .execute();
}

/**
 * An administrator's reset: the old password is dead, sign-in answers "reset", and every older
 * link is voided (`voidAccountTokens`) — insert the new link after this.
 */
export async function markPasswordReset(db: Kysely<DB>, userId: string, now: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ status: 'reset', passwordHash: null, mustChangePassword: false, updatedAt: now })
    .where('id', '=', userId)
    .execute();
  await voidAccountTokens(db, userId, now);
}

export async function insertPasswordToken(
  db: Kysely<DB>,
  token: Omit<PasswordTokensTable, 'id' | 'usedAt'>,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('passwordTokens')
    .values({ id, ...token, usedAt: null })
    .execute();
  return id;
}

export async function findPasswordTokenByHash(db: Kysely<DB>, tokenHash: string) {
  return db
    .selectFrom('passwordTokens')
    .select(['id', 'userId', 'purpose', 'expiresAt', 'usedAt'])
    .where('tokenHash', '=', tokenHash)
    .executeTakeFirst();
}

/** Uses a token once: true only for the one caller that flipped it from unused to used. */
export async function claimPasswordToken(db: Kysely<DB>, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('passwordTokens')
    .set({ usedAt: now })
    .where('id', '=', id)
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A rate-limit counter without spending from it: is the budget still open? */
export async function peekRateLimit(db: Kysely<DB>, key: string, limit: number, now: string) {
  const row = await db
    .selectFrom('rateLimits')
    .select(['count', 'resetAt'])
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row || row.resetAt <= now || row.count < limit) return { allowed: true, retryAfterSeconds: 0 };
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((Date.parse(row.resetAt) - Date.parse(now)) / 1000)),
  };
}

/** The password hash of a user, to check their current password. Never leaves the service. */
export async function findPasswordHash(db: Kysely<DB>, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('passwordHash').where('id', '=', userId).executeTakeFirst();
  return row?.passwordHash ?? null;
}

/**
 * Voids every outstanding password-reset link and email-verification token of a user (ASVS
 * 11.5.1; SECURITY.md "Recovery and resets"): a link must not outlive a security event. Called in
 * the same transaction as every change of the account's primary email, password, status or
 * enabled flag — by the store functions that write those columns (`storePasswordHash`,
 * `markPasswordReset`, `setAccountEnabled`) and by the one operation that changes a primary
 * email (`updateUserProfile`) — so a path that changes them through those cannot forget.
 * `now` (ISO-8601) is recorded as the tokens' `usedAt`.
 */
export async function voidAccountTokens(db: Kysely<DB>, userId: string, now: string): Promise<void> {
  await db
    .updateTable('passwordTokens')
    .set({ usedAt: now })
    .where('userId', '=', userId)
    .where('usedAt', 'is', null)
    .execute();
  await db
    .updateTable('emailVerifications')
    .set({ usedAt: now })
    .where('usedAt', 'is', null)
    .where('userEmailId', 'in', (eb) => eb.selectFrom('userEmails').select('id').where('userId', '=', userId))
    .execute();
}
