import { normalizeUsername } from '../../../common/login-keys';
import { recordAuditEvent } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import { AppError, attributePointer } from '../../platform/http/errors';
import type { RequestContext } from '../../platform/http/request-context';
import { queueMail } from '../../platform/mail/outbox';
import { personNameFor, recipientLocalization } from '../../platform/mail/recipient';
import { consumeRateLimit, enforceRateLimit } from '../../platform/rate-limit';
import { randomToken, sha256 } from '../../platform/secrets';
import { deleteUserSessions } from '../auth/store';
import { findHomeOrganizationId } from '../organizations/store';
import { assertAcceptablePassword, assertNotTooLong } from './rules';
import {
  claimPasswordToken,
  findPasswordTokenByHash,
  findSubjectById,
  findSubjectByLogin,
  insertPasswordToken,
  storePasswordHash,
} from './store';
// Registers the emails this module queues.
import './mail-templates';

export const SELF_SERVICE_TOKEN_HOURS = 1;
/** Reset requests from one IP address (any login), per window. */
const REQUESTS_PER_IP = 10;
const REQUEST_WINDOW_MS = 10 * 60_000;
/** At most one email per account per minute, whatever the IP. */
const EMAILS_PER_ACCOUNT_MINUTE = 1;
/** Attempts to use a reset token from one IP address, per window (guessing is hopeless; still). */
const TOKEN_ATTEMPTS_PER_IP = 10;
const TOKEN_WINDOW_MS = 10 * 60_000;

/**
 * "Forgot your password?": answers the same whether or not the login matches an account, does the
 * same database work either way (a rate-limit upsert and a transaction with an audit row; the mail
 * is sent by the outbox worker, never in the request), and sends at most one email per account a
 * minute. The status and password of the account do not change: the old password keeps working
 * until the link is used.
 */
export async function requestPasswordReset(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'mail'>,
  login: string,
  context: RequestContext,
): Promise<void> {
  const { db, clock } = deps;
  await enforceRateLimit(
    db,
    clock,
    `password-reset-request:ip:${context.ip}`,
    REQUESTS_PER_IP,
    REQUEST_WINDOW_MS,
  );
  const user = await findSubjectByLogin(db, login.trim());
  const accountKey = user ? user.id : sha256(normalizeUsername(login.trim()));
  const budget = await consumeRateLimit(
    db,
    clock,
    `password-reset-request:account:${accountKey}`,
    EMAILS_PER_ACCOUNT_MINUTE,
    60_000,
  );
  const organizationId = user
    ? await findHomeOrganizationId(db, user.id, user.lastOrganizationId)
    : undefined;
  const localization = await recipientLocalization(db, { organizationId, userId: user?.id });
  const sends = Boolean(user && organizationId && budget.allowed && user.status !== 'disabled');
  const now = clock.now();
  const nowIso = now.toISOString();
  await db.transaction().execute(async (trx) => {
    if (user && organizationId && sends) {
      const token = randomToken();
      await insertPasswordToken(trx, {
        userId: user.id,
        tokenHash: sha256(token),
        purpose: 'self_service',
        createdAt: nowIso,
        expiresAt: new Date(now.getTime() + SELF_SERVICE_TOKEN_HOURS * 3_600_000).toISOString(),
      });
      await queueMail(trx, deps, {
        template: 'password-reset',
        to: { address: user.email, name: personNameFor(localization, user) },
        data: {
          name: personNameFor(localization, user),
          token,
          expiresInHours: SELF_SERVICE_TOKEN_HOURS,
          byAdministrator: false,
        },
        localization,
        organizationId,
      });
    }
    await recordAuditEvent(trx, clock, {
      action: 'password.reset_requested',
      organizationId: organizationId ?? null,
      actorUserId: null,
      subjectUserId: user?.id ?? null,
      ip: context.ip,
      details: {
        outcome: !user
          ? 'unknown_login'
          : user.status === 'disabled'
            ? 'disabled'
            : !organizationId
              ? 'no_organization'
              : budget.allowed
                ? 'sent'
                : 'throttled',
      },
    });
  });
  if (sends) deps.mail.wake();
}

const invalidToken = () =>
  new AppError(
    'validation',
    'invalid_token',
    'This password reset link is invalid, was already used or has expired. Request a new one.',
    { source: attributePointer('token') },
  );

/**
 * The reset page's "Save": a valid token (known, unused, unexpired, its user not disabled) and a
 * password that meets the policy of the user's organization. One transaction: the token used and
 * every other token of the user voided, new hash, status `active`, must-change cleared, every
 * session ended, "password changed" email, audit row. No automatic sign-in.
 */
export async function completePasswordReset(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'hasher' | 'mail'>,
  input: { token: string; newPassword: string },
  context: RequestContext,
): Promise<void> {
  const { db, clock, hasher } = deps;
  await enforceRateLimit(
    db,
    clock,
    `password-reset:ip:${context.ip}`,
    TOKEN_ATTEMPTS_PER_IP,
    TOKEN_WINDOW_MS,
  );
  assertNotTooLong(input.newPassword, 'newPassword');
  const token = await findPasswordTokenByHash(db, sha256(input.token));
  const now = clock.now().toISOString();
  if (!token || token.usedAt !== null || token.expiresAt <= now) throw invalidToken();
  const user = await findSubjectById(db, token.userId);
  if (!user || user.status === 'disabled') throw invalidToken();
  const organizationId = await findHomeOrganizationId(db, user.id, user.lastOrganizationId);
  await assertAcceptablePassword(db, input.newPassword, {
    username: user.username,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    organizationId,
  });
  const localization = await recipientLocalization(db, { organizationId, userId: user.id });
  const passwordHash = await hasher.hash(input.newPassword);
  await db.transaction().execute(async (trx) => {
    if (!(await claimPasswordToken(trx, token.id, now))) throw invalidToken();
    await storePasswordHash(trx, user.id, { passwordHash, mustChangePassword: false, now });
    const ended = await deleteUserSessions(trx, user.id);
    await recordAuditEvent(trx, clock, {
      action: 'password.reset_completed',
      organizationId: organizationId ?? null,
      actorUserId: user.id,
      subjectUserId: user.id,
      ip: context.ip,
      details: { purpose: token.purpose, sessionsEnded: ended },
    });
    await queueMail(trx, deps, {
      template: 'password-changed',
      to: { address: user.email, name: personNameFor(localization, user) },
      data: { name: personNameFor(localization, user), changedAt: now, byAdministrator: false },
      localization,
      organizationId: organizationId ?? null,
    });
  });
  deps.mail.wake();
}
