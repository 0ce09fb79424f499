import type { Kysely } from 'kysely';
import { normalizeEmail } from '../../../common/login-keys';
import { recordAuditEvent } from '../../platform/audit';
import type { DB } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/http/errors';
import { type MailLocalization, queueMail } from '../../platform/mail/outbox';
import { enforceRateLimit } from '../../platform/rate-limit';
import { randomToken, sha256 } from '../../platform/secrets';
import { canUseVerification } from './policy';
import {
  deleteUserEmails,
  findVerificationByTokenHash,
  insertEmailVerification,
  insertUserEmail,
  listUserEmails,
  updateUserEmail,
  useVerification,
} from './store';
// Registers the emails this module queues.
import './mail-templates';
import type { RequestContext } from '../../platform/http/request-context';

/** How long an email verification link works. */
export const VERIFICATION_HOURS = 24;
/** Verification attempts a minute from one IP address (token guesses). */
const VERIFY_ATTEMPTS_PER_MINUTE = 20;

/** The user whose addresses change; `localization`: how their emails read (`recipientLocalization`). */
export type EmailOwner = { id: string; name: string; localization: MailLocalization | undefined };

/**
 * Makes the user's additional addresses exactly `desired`, in that order, inside the caller's
 * transaction: removed addresses are deleted (with their pending links), kept ones keep their
 * verified state, and each new address is stored unverified with a 24-hour single-use link
 * (only its SHA-256 is stored) sent in an `email-verification` email queued in the same
 * transaction. The caller has checked the addresses (format, uniqueness) and wakes the mailer
 * after the commit. Answers which addresses were added and removed.
 */
export async function syncAdditionalEmails(
  trx: Kysely<DB>,
  deps: Pick<Deps, 'clock' | 'config'>,
  owner: EmailOwner,
  organizationId: string | null,
  desired: readonly string[],
): Promise<{ added: string[]; removed: string[]; reordered: boolean }> {
  const existing = await listUserEmails(trx, owner.id);
  const wanted = new Set(desired.map(normalizeEmail));
  const removed = existing.filter((row) => !wanted.has(normalizeEmail(row.email)));
  await deleteUserEmails(
    trx,
    owner.id,
    removed.map((row) => row.id),
  );
  const kept = new Map(
    existing
      .filter((row) => wanted.has(normalizeEmail(row.email)))
      .map((row) => [normalizeEmail(row.email), row]),
  );
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const added: string[] = [];
  let reordered = false;
  for (const [position, email] of desired.entries()) {
    const normalized = normalizeEmail(email);
    const row = kept.get(normalized);
    if (row) {
      if (row.position !== position || row.email !== email) {
        reordered = true;
        await updateUserEmail(trx, row.id, { email, position });
      }
      continue;
    }
    const userEmailId = await insertUserEmail(trx, {
      userId: owner.id,
      email,
      emailNormalized: normalized,
      position,
      createdAt: nowIso,
    });
    const token = randomToken(32);
    await insertEmailVerification(trx, {
      userEmailId,
      tokenHash: sha256(token),
      createdAt: nowIso,
      expiresAt: new Date(now.getTime() + VERIFICATION_HOURS * 3_600_000).toISOString(),
    });
    await queueMail(trx, deps, {
      template: 'email-verification',
      to: { address: email, name: owner.name },
      data: { name: owner.name, email, token, expiresInHours: VERIFICATION_HOURS },
      localization: owner.localization,
      organizationId,
    });
    added.push(email);
  }
  return { added, removed: removed.map((row) => row.email), reordered };
}

const invalidToken = () =>
  new AppError(
    'validation',
    'invalid_token',
    'This verification link is not valid. It may have been used already or have expired.',
    { source: { pointer: '/data/attributes/token' } },
  );

/**
 * Uses an email verification link: the address becomes verified. Unknown, used and expired
 * tokens get the same answer; guesses are limited per IP address.
 */
export async function verifyEmail(
  deps: Pick<Deps, 'db' | 'clock'>,
  token: string,
  context: RequestContext,
): Promise<void> {
  const { db, clock } = deps;
  await enforceRateLimit(
    db,
    clock,
    `email-verification:ip:${context.ip}`,
    VERIFY_ATTEMPTS_PER_MINUTE,
    60_000,
  );
  const verification = await findVerificationByTokenHash(db, sha256(token));
  const now = clock.now();
  if (!canUseVerification(verification, now)) throw invalidToken();
  await db.transaction().execute(async (trx) => {
    if (!(await useVerification(trx, verification, now.toISOString()))) throw invalidToken();
    await recordAuditEvent(trx, clock, {
      action: 'email.verified',
      organizationId: null,
      actorUserId: verification.userId,
      subjectUserId: verification.userId,
      ip: context.ip,
      details: { userEmailId: verification.userEmailId },
    });
  });
}
