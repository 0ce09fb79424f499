import type { Kysely } from 'kysely';
import {
  checkPassword,
  describePolicy,
  loadPasswordBlocklist,
  type PasswordContext,
  type PasswordPolicy,
} from '../../../common/password-policy';
import type { DB } from '../../platform/db/schema';
import { AppError, attributePointer } from '../../platform/http/errors';
import { resolveSettings } from '../../platform/settings';

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

export function policySentences(policy: PasswordPolicy): string[] {
  return describePolicy(policy);
}

/**
 * Refuses a new password that breaks the policy: 422 pointing at `field`, one error per broken
 * rule, each naming it (`password_too_short`, `password_common_password` …). Call it BEFORE hashing:
 * a 10 MB "password" never reaches argon2.
 */
export async function assertAcceptablePassword(
  password: string,
  policy: PasswordPolicy,
  context: PasswordContext,
  field = 'newPassword',
): Promise<void> {
  const failures = passwordFailures(password, policy, context, await loadPasswordBlocklist(), field);
  if (failures) throw failures;
}

/** The same check as an error to report (or undefined), for callers that report several fields. */
export function passwordFailures(
  password: string,
  policy: PasswordPolicy,
  context: PasswordContext,
  blocklist: Awaited<ReturnType<typeof loadPasswordBlocklist>>,
  field = 'newPassword',
): AppError | undefined {
  const failures = checkPassword(password, policy, context, { blocklist });
  const [first, ...rest] = failures;
  if (!first) return undefined;
  const source = attributePointer(field);
  return new AppError('validation', `password_${first.rule}`, first.message, {
    source,
    meta: { rule: first.rule },
    more: rest.map((failure) => ({
      code: `password_${failure.rule}`,
      detail: failure.message,
      source,
      meta: { rule: failure.rule },
    })),
  });
}
