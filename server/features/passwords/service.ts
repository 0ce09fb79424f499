import type { Kysely } from 'kysely';
import { normalizePassword } from '../../../common/password-policy';
import { recordAuditEvent } from '../../platform/audit';
import type { DB } from '../../platform/db/schema';
import type { Deps } from '../../platform/deps';
import type { Actor } from '../../platform/http/access';
import { resolveUserId } from '../../platform/http/access';
import { AppError, attributePointer, forbidden, notFound } from '../../platform/http/errors';
import { isId } from '../../platform/ids';
import { type MailLocalization, queueMail } from '../../platform/mail/outbox';
import { personNameFor, recipientLocalization } from '../../platform/mail/recipient';
import { randomToken, sha256 } from '../../platform/secrets';
import { resolveSettings } from '../../platform/settings';
import { canManageAccountOf } from '../access/policy';
import { findIsInstanceAdministrator } from '../access/store';
import { deleteUserSessions, findUserSession, insertSession, type SessionRecord } from '../auth/store';
import { csrfTokenFor, newSessionToken } from '../auth/tokens';
import { canManagePasswords, isOwnAccount } from './policy';
import {
  assertAcceptablePassword,
  assertNotTooLong,
  confirmCurrentPassword,
  findPasswordProblems,
  type PasswordOwner,
} from './rules';
import {
  findMemberSubject,
  findMemberSubjects,
  insertPasswordToken,
  markPasswordReset,
  type PasswordSubject,
  storePasswordHash,
} from './store';
// Registers the emails this module queues.
import './mail-templates';
import type { RequestContext } from '../../platform/http/request-context';

/** An administrator's reset link lives a day; a self-service one an hour (recovery.ts). */
export const ADMIN_RESET_TOKEN_HOURS = 24;

/** Refuses an absurdly long value before anything expensive (hashing, the blocklist). */
/** Whose password it is, for the acceptability check (the actor's organization's policy). */
/**
 * Ends every session of a user; the one the request came with (if any) is replaced by a new id
 * for the same sign-in (rotation, ASVS 7.4.3: its absolute lifetime is not extended). Answers how
 * many sessions ended (the rotated one included) and the outcome for the caller's answer.
 */
async function endSessionsRotatingCurrent(
  trx: Kysely<DB>,
  userId: string,
  currentSession: SessionRecord | undefined,
  context: RequestContext,
  now: string,
): Promise<{ ended: number; outcome: PasswordChangeResult }> {
  const ended = await deleteUserSessions(trx, userId);
  if (!currentSession) return { ended, outcome: { kind: 'sessions_ended' } };
  const token = newSessionToken();
  const session = await insertSession(trx, {
    tokenHash: sha256(token),
    userId,
    organizationId: currentSession.organizationId,
    ip: context.ip ?? null,
    userAgent: context.userAgent?.slice(0, 512) ?? null,
    createdAt: currentSession.createdAt,
    lastSeenAt: now,
    expiresAt: currentSession.expiresAt,
  });
  return { ended, outcome: { kind: 'rotated', token, csrfToken: csrfTokenFor(token), session } };
}

function ownerOf(user: PasswordSubject, organizationId: string): PasswordOwner {
  return {
    username: user.username,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    organizationId,
  };
}

/** 403 when one of the users is an instance administrator and the actor is not (`canManageAccountOf`). */
async function authorizeAccountOf(deps: Pick<Deps, 'db'>, actor: Actor, userIds: string[]): Promise<void> {
  for (const userId of userIds) {
    if (userId === actor.userId) continue;
    const isInstanceAdministrator = await findIsInstanceAdministrator(deps.db, userId);
    if (!canManageAccountOf(actor, { isInstanceAdministrator })) {
      throw forbidden(
        "Only an instance administrator changes or resets another instance administrator's password.",
      );
    }
  }
}

/** The target of an administrator's action: a member of the actor's organization, else 404. */
async function getMember(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<PasswordSubject> {
  const userId = resolveUserId(actor, id);
  const user = isId(userId) ? await findMemberSubject(deps.db, actor.organizationId, userId) : undefined;
  if (!user) throw notFound('user');
  return user;
}

export type PasswordChangeResult =
  /** The request came with a session: it was replaced by this one (new cookie, new CSRF token). */
  | { kind: 'rotated'; token: string; csrfToken: string; session: SessionRecord }
  /** An API key: every session of the user was ended. */
  | { kind: 'sessions_ended' };

/**
 * "Change Your Password" (Edit My User → Password). The new password passes the one
 * acceptability check (`findPasswordProblems`) and the current one the one current-password check
 * (`confirmCurrentPassword`: 422 `current_password_wrong`, 5 wrong tries per 15 minutes, not the
 * sign-in lockout); both sets of errors are reported together.
 * Then, in one transaction: new argon2id hash, must-change cleared, every other session ended,
 * the current one replaced by a new id, reset links voided, audit row, notification email.
 */
export async function changeOwnPassword(
  deps: Pick<Deps, 'db' | 'clock' | 'hasher' | 'config' | 'mail'>,
  actor: Actor,
  input: { userId: string; currentPassword: string; newPassword: string },
  context: RequestContext,
): Promise<PasswordChangeResult> {
  const { db, clock, hasher } = deps;
  const userId = resolveUserId(actor, input.userId);
  if (!isOwnAccount(actor, userId)) {
    // Someone else's account: forbidden if they are in the organization, not found otherwise.
    const other = isId(userId) ? await findMemberSubject(db, actor.organizationId, userId) : undefined;
    if (!other) throw notFound('user');
    throw forbidden('You can change only your own password here. Administrators use Change Password.');
  }
  assertNotTooLong(input.newPassword, 'newPassword');
  const user = await getMember(deps, actor, userId);
  const policyError = await findPasswordProblems(db, input.newPassword, ownerOf(user, actor.organizationId));
  await confirmCurrentPassword(deps, {
    userId: user.id,
    password: input.currentPassword,
    during: 'password_change',
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    ip: context.ip ?? null,
    more: policyError?.details() ?? [],
  });
  if (policyError) throw policyError;
  if (normalizePassword(input.newPassword) === normalizePassword(input.currentPassword)) {
    throw new AppError(
      'validation',
      'password_unchanged',
      'The new password must differ from the current one.',
      {
        source: attributePointer('newPassword'),
      },
    );
  }

  const passwordHash = await hasher.hash(input.newPassword);
  const now = clock.now().toISOString();
  const currentSession =
    actor.via.kind === 'session' ? await findUserSession(db, user.id, actor.via.sessionId) : undefined;
  const localization = await recipientLocalization(db, {
    organizationId: actor.organizationId,
    userId: user.id,
  });
  const result = await db.transaction().execute(async (trx): Promise<PasswordChangeResult> => {
    await storePasswordHash(trx, user.id, { passwordHash, mustChangePassword: false, now });
    const { ended, outcome } = await endSessionsRotatingCurrent(trx, user.id, currentSession, context, now);
    await recordAuditEvent(trx, clock, {
      action: 'password.changed',
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      subjectUserId: user.id,
      ip: context.ip,
      details: {
        otherSessionsEnded: currentSession ? ended - 1 : ended,
        sessionRotated: Boolean(currentSession),
      },
    });
    await queueMail(trx, deps, {
      template: 'password-changed',
      to: { address: user.email, name: personNameFor(localization, user) },
      data: { name: personNameFor(localization, user), changedAt: now, byAdministrator: false },
      localization,
      organizationId: actor.organizationId,
    });
    return outcome;
  });
  deps.mail.wake();
  return result;
}

/**
 * Administrator's "Change Password": sets a password the user does not choose, so by default
 * (`mustChange` undefined) they must change it at next sign-in (ASVS 6.4.1) — except on oneself:
 * an administrator choosing their own password knows it, so the default is off there. One
 * transaction: hash, status back to `active` if it was `reset` (a disabled user stays disabled),
 * reset links voided, every session of the user ended — on oneself with a session, the current
 * one is rotated instead (`rotated`: new cookie and CSRF token, as "Change Your Password" does) —
 * audit row, email (with the password only when the organization turned on the insecure setting
 * "Include the new password in the email").
 */
export async function setPasswordByAdministrator(
  deps: Pick<Deps, 'db' | 'clock' | 'hasher' | 'config' | 'mail'>,
  actor: Actor,
  input: { userId: string; newPassword: string; mustChange?: boolean | undefined },
  /** `ip: null` for a system actor (the CLI), which has no request and no session to rotate. */
  context: RequestContext,
): Promise<PasswordChangeResult> {
  const { db, clock, hasher } = deps;
  if (!canManagePasswords(actor)) throw forbidden();
  assertNotTooLong(input.newPassword, 'newPassword');
  const user = await getMember(deps, actor, input.userId);
  await authorizeAccountOf(deps, actor, [user.id]);
  await assertAcceptablePassword(db, input.newPassword, {
    ...ownerOf(user, actor.organizationId),
    chosenBy: user.id === actor.userId ? 'self' : 'other',
  });
  const settings = await resolveSettings(db, { organizationId: actor.organizationId });
  const localization = await recipientLocalization(db, {
    organizationId: actor.organizationId,
    userId: user.id,
  });
  const isSelf = user.id === actor.userId;
  const mustChange = input.mustChange ?? !isSelf;
  const passwordHash = await hasher.hash(input.newPassword);
  const now = clock.now().toISOString();
  const currentSession =
    isSelf && actor.via.kind === 'session'
      ? await findUserSession(db, user.id, actor.via.sessionId)
      : undefined;
  const result = await db.transaction().execute(async (trx) => {
    await storePasswordHash(trx, user.id, { passwordHash, mustChangePassword: mustChange, now });
    // A session to rotate means a signed-in browser, so a request with an address.
    const { ended, outcome } = await endSessionsRotatingCurrent(
      trx,
      user.id,
      currentSession,
      { ip: context.ip ?? '', userAgent: context.userAgent },
      now,
    );
    await recordAuditEvent(trx, clock, {
      action: 'password.set_by_admin',
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      subjectUserId: user.id,
      ip: context.ip,
      details: {
        mustChange,
        sessionsEnded: currentSession ? ended - 1 : ended,
        sessionRotated: Boolean(currentSession),
        passwordInEmail: settings['password.include_in_email'],
      },
    });
    await queueMail(trx, deps, {
      template: 'password-changed',
      to: { address: user.email, name: personNameFor(localization, user) },
      data: {
        name: personNameFor(localization, user),
        changedAt: now,
        byAdministrator: true,
        ...(settings['password.include_in_email'] ? { newPassword: input.newPassword } : {}),
      },
      localization,
      organizationId: actor.organizationId,
    });
    return outcome;
  });
  deps.mail.wake();
  return result;
}

/**
 * Administrator's "Reset Password" for one or several users (all-or-nothing: each must be a
 * member of the actor's organization, else 404 and nothing changes). Per user, in the same
 * transaction: status `reset`, the password hash removed (the old password stops working), every
 * session ended, older links voided, a new single-use 24-hour token (only its SHA-256 is kept),
 * the email with the link, an audit row. API keys are refused while the status is `reset`.
 */
export async function resetPasswordsByAdministrator(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'mail'>,
  actor: Actor,
  ids: string[],
  context: RequestContext & { bulk?: boolean },
): Promise<{ userIds: string[]; endedOwnSessions: boolean }> {
  const { db, clock } = deps;
  if (!canManagePasswords(actor)) throw forbidden();
  const userIds = ids.map((id) => resolveUserId(actor, id));
  const unique = [...new Set(userIds)];
  const members = await findMemberSubjects(
    db,
    actor.organizationId,
    unique.filter((id) => isId(id)),
  );
  const byId = new Map(members.map((member) => [member.id, member]));
  const missing = userIds.findIndex((id) => !byId.has(id));
  if (missing >= 0) {
    throw new AppError('not_found', 'not_found', 'The requested user was not found.', {
      ...(context.bulk ? { source: { pointer: `/data/${missing}/id` } } : {}),
    });
  }
  await authorizeAccountOf(deps, actor, unique);
  const disabled = unique.findIndex((id) => byId.get(id)?.status === 'disabled');
  if (disabled >= 0) {
    throw new AppError(
      'conflict',
      'user_disabled',
      'A disabled user cannot have their password reset. Enable the user first.',
      {
        ...(context.bulk
          ? { source: { pointer: `/data/${userIds.indexOf(unique[disabled] as string)}/id` } }
          : {}),
      },
    );
  }
  const localizations = new Map(
    await Promise.all(
      unique.map(
        async (id) =>
          [
            id,
            await recipientLocalization(db, { organizationId: actor.organizationId, userId: id }),
          ] as const,
      ),
    ),
  );
  const now = clock.now();
  const nowIso = now.toISOString();
  const expiresAt = new Date(now.getTime() + ADMIN_RESET_TOKEN_HOURS * 3_600_000).toISOString();
  await db.transaction().execute(async (trx) => {
    for (const id of unique) {
      const user = byId.get(id) as PasswordSubject;
      const localization = localizations.get(user.id) as MailLocalization;
      const token = randomToken();
      await markPasswordReset(trx, user.id, nowIso);
      const ended = await deleteUserSessions(trx, user.id);
      await insertPasswordToken(trx, {
        userId: user.id,
        tokenHash: sha256(token),
        purpose: 'admin_reset',
        createdAt: nowIso,
        expiresAt,
      });
      await recordAuditEvent(trx, clock, {
        action: 'password.reset_by_admin',
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        subjectUserId: user.id,
        ip: context.ip,
        details: { sessionsEnded: ended, expiresAt, bulk: Boolean(context.bulk) },
      });
      await queueMail(trx, deps, {
        template: 'password-reset',
        to: { address: user.email, name: personNameFor(localization, user) },
        data: {
          name: personNameFor(localization, user),
          token,
          expiresInHours: ADMIN_RESET_TOKEN_HOURS,
          byAdministrator: true,
        },
        localization,
        organizationId: actor.organizationId,
      });
    }
  });
  deps.mail.wake();
  return { userIds: unique, endedOwnSessions: unique.includes(actor.userId) };
}
