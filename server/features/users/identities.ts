import type { Kysely } from 'kysely';
import unhomoglyph from 'unhomoglyph';
import { normalizeEmail } from '../../../common/login-keys';
import { containsAtSign, usernameUnicodeProblem } from '../../../common/unicode-text';
import type { DB, IdentitiesTable } from '../../platform/db/schema';
import { isUniqueViolation } from '../../platform/db/unique-violation';
import { AppError } from '../../platform/http/errors';
import { deleteIdentities, insertIdentity, readIdentitySources } from './store';

/**
 * The identities of a person — their username and every email address they own, primary or
 * additional — as keys in one table with one unique index (`identities.key`, migration
 * 0007-identities). Every write of `users.username`, `users.email` or `user_emails` goes through
 * `syncUserIdentities` in the same transaction, so a uniqueness rule that spans tables (a primary
 * address against another user's additional one, a username against an email) holds under
 * concurrency on both databases: of two transactions claiming one key, the second fails on the
 * index (PostgreSQL makes it wait for the first to commit) and its request answers 409.
 */
export type IdentityKind = IdentitiesTable['kind'];

/** A key another user holds: the write that tried to claim it is refused (409). */
export class IdentityTakenError extends Error {
  override name = 'IdentityTakenError';
  constructor(
    readonly kind: IdentityKind,
    readonly key: string,
  ) {
    super(`This ${kind} is already taken.`);
  }
}

/**
 * The Unicode rules of a username (common/unicode-text.ts `usernameUnicodeProblem`), in the
 * service too, so that every way in — API, CLI, bootstrap — applies them, not only the API's
 * schemas: 422 with a stable code pointing at `/data/attributes/username`.
 */
export function assertUsernameAcceptable(username: string): void {
  const problem = usernameUnicodeProblem(username);
  if (!problem) return;
  throw new AppError('validation', problem.code, problem.message, {
    source: { pointer: '/data/attributes/username' },
  });
}

/** The detail of a 409 on a username equal to another ignoring case, or looking the same. */
export const USERNAME_TAKEN = 'This username is already taken, or looks the same as one that is.';

/** Characters that draw nothing and bidirectional controls: not part of what a login looks like. */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Bidi_Control}]/gu;

/**
 * The confusable skeleton of a username (UTS #39 §4, with the steps Atrium adds before it): NFKC
 * (full-width and other compatibility forms become plain ones), default-ignorable and bidi-control
 * characters removed, then the confusables mapping of UTS #39 (the `unhomoglyph` table, built from
 * Unicode's confusables.txt) applied both before and after lower-casing — so a capital "I", which
 * the table draws as "l", is compared as it looks, and a "0" (mapped to "O") meets an "o" — and
 * NFD last. Two usernames with the same skeleton can look the same: only one may exist. The
 * result is for comparing only, never for display (`m` becomes `rn`).
 */
export function usernameSkeleton(username: string): string {
  const visible = username.normalize('NFKC').replace(INVISIBLE, '').normalize('NFD');
  return unhomoglyph(unhomoglyph(visible).toLowerCase()).normalize('NFD');
}

/**
 * The identity key of a username: its skeleton. A username never contains "@" or a look-alike of
 * it (the schemas refuse them), so it can never equal an email's key, which always has one; a
 * username older than that rule which does contain one is keyed as the email it spells, so it
 * still cannot share a key with that address.
 */
export function usernameKey(username: string): string {
  return containsAtSign(username) ? normalizeEmail(username.normalize('NFKC')) : usernameSkeleton(username);
}

/**
 * Makes the `identities` rows of one user match their username, primary email and additional
 * emails as they are now in this transaction `trx`: stale keys are deleted and new ones inserted.
 * Call it once per transaction, after the writes. Throws `IdentityTakenError` naming a key another
 * user holds; on PostgreSQL that failure has
 * aborted the transaction, so the caller must let it roll back.
 */
export async function syncUserIdentities(trx: Kysely<DB>, userId: string): Promise<void> {
  const { user, additional, existing } = await readIdentitySources(trx, userId);
  const wanted = new Map<string, IdentityKind>();
  if (user) {
    wanted.set(usernameKey(user.username), 'username');
    if (!wanted.has(normalizeEmail(user.email))) wanted.set(normalizeEmail(user.email), 'email');
  }
  for (const row of additional) {
    if (!wanted.has(normalizeEmail(row.email))) wanted.set(normalizeEmail(row.email), 'email');
  }
  const held = new Set(existing.map((row) => row.key));
  const stale = [...held].filter((key) => !wanted.has(key));
  if (stale.length > 0) {
    await deleteIdentities(trx, userId, stale);
  }
  // In one order (by key) for every transaction, so two that claim each other's keys wait
  // rather than deadlock.
  const claims = [...wanted]
    .filter(([key]) => !held.has(key))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, kind] of claims) {
    try {
      await insertIdentity(trx, { key, kind, userId });
    } catch (error) {
      if (isUniqueViolation(error)) throw new IdentityTakenError(kind, key);
      throw error;
    }
  }
}
