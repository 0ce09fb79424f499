import type { Kysely } from 'kysely';
import { errorMeta } from '../../../common/error-particulars';
import {
  checkPassword,
  loadPasswordBlocklist,
  PASSWORD_MAX_LENGTH,
  type PasswordPolicy,
  passwordLength,
} from '../../../common/password-policy';
import { recordAuditEvent } from '../../platform/audit';
import type { DB } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import { AppError, attributePointer, type ErrorDetail } from '../../platform/http/errors';
import { consumeRateLimit } from '../../platform/rate-limit';
import { resolveSettings } from '../../platform/settings';
import { findOrganizationName, findPasswordHash, peekRateLimit, replacePasswordHash } from './store';

/** The policy in force for an organization (the system's when none is given). */
export async function passwordPolicyFor(db: Kysely<DB>, organizationId?: string): Promise<PasswordPolicy> {
  const settings = await resolveSettings(db, organizationId ? { organizationId } : {});
  return {
    minLength: settings['password.min_length'],
    lowerCase: settings['password.lower_case'],
    upperCase: settings['password.upper_case'],
    numbers: settings['password.numbers'],
    specialChars: settings['password.special_chars'],
  };
}

/** Refuses an absurdly long value (> 1024 code points, ASVS 6.2.9) before anything expensive. */
export function assertNotTooLong(password: string, field: string): void {
  if (password.length > PASSWORD_MAX_LENGTH && passwordLength(password) > PASSWORD_MAX_LENGTH) {
    throw new AppError(
      'validation',
      'password_too_long',
      `The password must have at most ${PASSWORD_MAX_LENGTH} characters.`,
      {
        source: attributePointer(field),
        meta: errorMeta('password_too_long', { rule: 'too_long', max: PASSWORD_MAX_LENGTH }),
      },
    );
  }
}

/** Whose new password it is: the words it must not contain and the organization whose policy applies. */
export type PasswordOwner = {
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  /** The organization whose policy applies (the system's when undefined). */
  organizationId: string | undefined;
  /**
   * Who chooses it, for the wording of the messages: the owner (`self`, the default: "your
   * username") or an administrator for another person (`other`: "the user's username").
   */
  chosenBy?: 'self' | 'other' | undefined;
};

/**
 * THE acceptability check of a new password, wherever one is chosen (own change, an
 * administrator's Change Password, the reset link, Create User, the CLI): NIST SP 800-63B §5.1.1.2
 * / ASVS 6.2 as `checkPassword` applies them to the NFKC form, with the policy of the owner's
 * organization, the blocklist, and the owner's username, email name, names and organization as
 * context words. Answers the 422 to throw — `password_<rule>` on `/data/attributes/<field>` with
 * `meta.rule` and the rule's numbers (`min` and `length` of too_short, `max` of too_long), one entry per broken rule — or undefined. Over-long input is thrown at once
 * (`password_too_long`), before the blocklist or any hashing.
 */
export async function findPasswordProblems(
  db: Kysely<DB>,
  password: string,
  owner: PasswordOwner,
  field = 'newPassword',
): Promise<AppError | undefined> {
  assertNotTooLong(password, field);
  const [policy, organizationName, blocklist] = await Promise.all([
    passwordPolicyFor(db, owner.organizationId),
    owner.organizationId ? findOrganizationName(db, owner.organizationId) : undefined,
    loadPasswordBlocklist(),
  ]);
  const failures = checkPassword(
    password,
    policy,
    {
      username: owner.username,
      email: owner.email,
      firstName: owner.firstName,
      lastName: owner.lastName,
      organizationName,
      owner: owner.chosenBy,
    },
    { blocklist },
  );
  const [first, ...rest] = failures;
  if (!first) return undefined;
  const source = attributePointer(field);
  return new AppError('validation', `password_${first.rule}`, first.message, {
    source,
    meta: { rule: first.rule, ...first.params },
    more: rest.map((failure) => ({
      code: `password_${failure.rule}`,
      detail: failure.message,
      source,
      meta: { rule: failure.rule, ...failure.params },
    })),
  });
}

/** `findPasswordProblems`, thrown. Call it BEFORE hashing: a 10 MB "password" never reaches argon2. */
export async function assertAcceptablePassword(
  db: Kysely<DB>,
  password: string,
  owner: PasswordOwner,
  field = 'newPassword',
): Promise<void> {
  const problems = await findPasswordProblems(db, password, owner, field);
  if (problems) throw problems;
}

/**
 * Wrong current passwords tolerated per user in 15 minutes, across every form that asks for one
 * (Change Your Password, changing one's own primary email): one budget, so two forms do not give
 * twice the guesses. Right answers are not counted.
 */
export const CURRENT_PASSWORD_ATTEMPTS = 5;
const CURRENT_PASSWORD_WINDOW_MS = 15 * 60_000;

/**
 * THE current-password check (re-authentication before a sensitive change, ASVS 6.2.3), for
 * Change Your Password and for changing one's own primary email. In order:
 * - empty → 422 `current_password_required` on `/data/attributes/currentPassword`;
 * - more than 5 wrong answers in 15 minutes → 429 `rate_limited` with `Retry-After`;
 * - wrong → 422 `current_password_wrong` on `/data/attributes/currentPassword` (with `more`, the
 *   caller's other errors, so the form shows everything at once), counted, and — for a password
 *   change — audited as `password.change_failed`;
 * - right, but only as typed, not in its NFKC form (a hash older than normalization) → the hash
 *   is replaced by one of the normalized form.
 * It never counts toward the sign-in lockout: the caller already holds a session or key, and
 * locking the account would let a thief lock its owner out.
 */
export async function confirmCurrentPassword(
  deps: Pick<Deps, 'db' | 'clock' | 'hasher'>,
  input: {
    userId: string;
    password: string | undefined;
    during: 'password_change' | 'email_change';
    organizationId: string;
    actorUserId: string;
    ip: string | null;
    more?: ErrorDetail[];
  },
): Promise<void> {
  const { db, clock, hasher } = deps;
  const source = attributePointer('currentPassword');
  if (!input.password) {
    throw new AppError(
      'validation',
      'current_password_required',
      input.during === 'email_change'
        ? 'Enter your current password to change your primary email.'
        : 'Enter your current password.',
      { source, more: input.more ?? [] },
    );
  }
  const limitKey = `current-password:user:${input.userId}`;
  const budget = await peekRateLimit(db, limitKey, CURRENT_PASSWORD_ATTEMPTS, clock.now().toISOString());
  if (!budget.allowed) {
    throw new AppError('rate_limited', 'rate_limited', 'Too many attempts. Try again later.', {
      headers: { 'retry-after': String(budget.retryAfterSeconds) },
      meta: { retryAfterSeconds: budget.retryAfterSeconds },
    });
  }
  const storedHash = await findPasswordHash(db, input.userId);
  const match = storedHash ? await hasher.match(storedHash, input.password) : 'no_match';
  if (!storedHash) await hasher.verifyAgainstDummy(input.password);
  if (match === 'no_match') {
    await consumeRateLimit(db, clock, limitKey, CURRENT_PASSWORD_ATTEMPTS, CURRENT_PASSWORD_WINDOW_MS);
    if (input.during === 'password_change') {
      await recordAuditEvent(db, clock, {
        action: 'password.change_failed',
        organizationId: input.organizationId,
        actorUserId: input.actorUserId,
        subjectUserId: input.userId,
        ip: input.ip,
        details: { reason: 'wrong_current_password' },
      });
    }
    throw new AppError('validation', 'current_password_wrong', 'The current password is not correct.', {
      source,
      more: input.more ?? [],
    });
  }
  if (match === 'match_unnormalized' && storedHash) {
    await replacePasswordHash(db, input.userId, storedHash, await hasher.hash(input.password));
  }
}
