/*
 * Additional addresses are changed with the user's profile (users/policy.ts `canEditProfile`).
 * Verifying one needs no actor: the mailed link's token is the authority, whoever posts it.
 */

/** A verification link works once, until it expires. */
export function canUseVerification<T extends { usedAt: string | null; expiresAt: string }>(
  verification: T | undefined,
  now: Date,
): verification is T {
  return (
    verification !== undefined &&
    verification.usedAt === null &&
    Date.parse(verification.expiresAt) > now.getTime()
  );
}
