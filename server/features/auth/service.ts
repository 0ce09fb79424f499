import { recordAuditEvent } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import type { Actor } from '../../platform/http/access';
import { AppError, notFound } from '../../platform/http/errors';
import type { ListPage, ListQuery } from '../../platform/http/jsonapi';
import type { RequestContext } from '../../platform/http/request-context';
import { enforceRateLimit } from '../../platform/rate-limit';
import { sha256 } from '../../platform/secrets';
import { resolveSettings } from '../../platform/settings';
import { isMember } from '../memberships/store';
import { findHomeOrganizationId } from '../organizations/store';
import { authorizeOrganizationSwitch } from './policy';
import {
  countFailedSignIn,
  deleteSession,
  deleteSessionByTokenHash,
  findSignInAccount,
  findUserSession,
  insertSession,
  listUserSessions,
  lockAccount,
  moveSessionToOrganization,
  recordSuccessfulSignIn,
  type SessionRecord,
} from './store';
import { csrfTokenFor, newSessionToken } from './tokens';

const invalidCredentials = () =>
  new AppError('unauthenticated', 'invalid_credentials', 'The username or password is incorrect.', {
    source: { pointer: '/data/attributes/login' },
  });

/**
 * Signs a person in: per-IP budget, per-account lockout with growing waits, the same answer and
 * time for an unknown user and a wrong password, a brand-new session id (any session the browser
 * presented is ended: no fixation), and an audit row either way.
 */
export async function signIn(
  deps: Pick<Deps, 'db' | 'clock' | 'hasher' | 'config'>,
  input: { login: string; password: string; presentedToken: string | undefined },
  context: RequestContext,
): Promise<{ token: string; csrfToken: string; session: SessionRecord }> {
  const { db, clock, config } = deps;
  await enforceRateLimit(db, clock, `sign-in:ip:${context.ip}`, config.signInRateLimitPerMinute, 60_000);

  const { user, match, now } = await checkCredentials(deps, input, context);
  const organizationId = await findHomeOrganizationId(db, user.id, user.lastOrganizationId);
  if (!organizationId) {
    throw new AppError('unauthenticated', 'no_organization', 'This account belongs to no organization.');
  }
  return openSession(deps, { ...input, user, match, now, organizationId }, context);
}

/**
 * The account the login names, if the password matches and the account may sign in; refusals
 * (unknown, locked, wrong, disabled, reset) cost the same hashing time and are audited where
 * they say something.
 */
async function checkCredentials(
  deps: Pick<Deps, 'db' | 'clock' | 'hasher' | 'config'>,
  input: { login: string; password: string },
  context: RequestContext,
) {
  const { db, clock, hasher } = deps;
  const login = input.login.trim();
  const user = await findSignInAccount(db, login);

  const now = clock.now();
  if (!user?.passwordHash) {
    await hasher.verifyAgainstDummy(input.password);
    await recordAuditEvent(db, clock, {
      action: 'session.sign_in_failed',
      organizationId: null,
      actorUserId: null,
      subjectUserId: user?.id ?? null,
      ip: context.ip,
      details: { reason: user ? 'no_password' : 'unknown_user' },
    });
    if (user?.status === 'reset') throw passwordWasReset();
    throw invalidCredentials();
  }
  if (user.lockedUntil && Date.parse(user.lockedUntil) > now.getTime()) {
    await hasher.verifyAgainstDummy(input.password);
    const retryAfter = Math.ceil((Date.parse(user.lockedUntil) - now.getTime()) / 1000);
    throw new AppError(
      'rate_limited',
      'account_locked',
      'Too many failed sign-ins: this account is locked for a while. Try again later or reset your password.',
      { headers: { 'retry-after': String(retryAfter) }, meta: { retryAfterSeconds: retryAfter } },
    );
  }
  const match = await hasher.match(user.passwordHash, input.password);
  if (match === 'no_match') {
    await registerFailure(deps, user, context);
    throw invalidCredentials();
  }
  if (user.status === 'disabled') {
    throw new AppError(
      'unauthenticated',
      'account_disabled',
      'This account is disabled. Ask an administrator.',
    );
  }
  if (user.status === 'reset') throw passwordWasReset();

  return { user, match, now };
}

/**
 * A brand-new session for a checked account (ending the one the browser presented), the account's
 * failure counters reset and its sign-in counted, its hash upgraded if it predates normalization.
 */
async function openSession(
  deps: Pick<Deps, 'db' | 'clock' | 'hasher'>,
  input: {
    password: string;
    presentedToken: string | undefined;
    user: Awaited<ReturnType<typeof checkCredentials>>['user'];
    match: Awaited<ReturnType<typeof checkCredentials>>['match'];
    now: Date;
    organizationId: string;
  },
  context: RequestContext,
): Promise<{ token: string; csrfToken: string; session: SessionRecord }> {
  const { db, clock, hasher } = deps;
  const { user, match, now, organizationId } = input;
  const settings = await resolveSettings(db, { organizationId });
  // A hash made before passwords were normalized (NFKC): replace it by the normalized one.
  const upgradedHash = match === 'match_unnormalized' ? await hasher.hash(input.password) : undefined;
  const token = newSessionToken();
  const nowIso = now.toISOString();
  const session = await db.transaction().execute(async (trx) => {
    if (input.presentedToken) await deleteSessionByTokenHash(trx, sha256(input.presentedToken));
    const created = await insertSession(trx, {
      tokenHash: sha256(token),
      userId: user.id,
      organizationId,
      ip: context.ip ?? null,
      userAgent: context.userAgent?.slice(0, 512) ?? null,
      createdAt: nowIso,
      lastSeenAt: nowIso,
      expiresAt: new Date(now.getTime() + settings['session.absolute_minutes'] * 60_000).toISOString(),
    });
    await recordSuccessfulSignIn(trx, user.id, { at: nowIso, organizationId, upgradedHash });
    await recordAuditEvent(trx, clock, {
      action: 'session.signed_in',
      organizationId,
      actorUserId: user.id,
      subjectUserId: user.id,
      ip: context.ip,
      details: { sessionId: created.id },
    });
    return created;
  });
  return { token, csrfToken: csrfTokenFor(token), session };
}

function passwordWasReset() {
  return new AppError(
    'unauthenticated',
    'password_reset_required',
    'Your password was reset by an administrator. Use the link in the email we sent you.',
  );
}

async function registerFailure(
  deps: Pick<Deps, 'db' | 'clock'>,
  user: { id: string; failedSignInCount: number; lockoutCount: number },
  context: RequestContext,
): Promise<void> {
  const { db, clock } = deps;
  const settings = await resolveSettings(db, {});
  const failures = user.failedSignInCount + 1;
  const locks = failures >= settings['lockout.threshold'];
  await db.transaction().execute(async (trx) => {
    if (locks) {
      const lockoutCount = user.lockoutCount + 1;
      const minutes = settings['lockout.minutes'] * 2 ** Math.min(lockoutCount - 1, 10);
      const lockedUntil = new Date(clock.now().getTime() + minutes * 60_000).toISOString();
      await lockAccount(trx, user.id, { lockoutCount, lockedUntil });
      await recordAuditEvent(trx, clock, {
        action: 'account.locked',
        organizationId: null,
        actorUserId: null,
        subjectUserId: user.id,
        ip: context.ip,
        details: { minutes, lockedUntil },
      });
    } else {
      await countFailedSignIn(trx, user.id);
    }
    await recordAuditEvent(trx, clock, {
      action: 'session.sign_in_failed',
      organizationId: null,
      actorUserId: null,
      subjectUserId: user.id,
      ip: context.ip,
      details: { reason: 'wrong_password' },
    });
  });
}

export async function signOut(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  context: RequestContext,
): Promise<void> {
  if (actor.via.kind !== 'session') return;
  const sessionId = actor.via.sessionId;
  await deps.db.transaction().execute(async (trx) => {
    await deleteSession(trx, sessionId);
    await recordAuditEvent(trx, deps.clock, {
      action: 'session.signed_out',
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      subjectUserId: actor.userId,
      ip: context.ip,
      details: { sessionId },
    });
  });
}

export async function listMySessions(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  listQuery: ListQuery,
): Promise<ListPage<SessionRecord>> {
  return listUserSessions(deps.db, actor.userId, listQuery);
}

export async function getMySession(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<SessionRecord> {
  const session = await findUserSession(deps.db, actor.userId, id);
  if (!session) throw notFound('session');
  return session;
}

/** Ends one of the actor's own sessions ("my signed-in devices"). Others' sessions are 404. */
export async function endMySession(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  context: RequestContext,
): Promise<void> {
  const session = await getMySession(deps, actor, id);
  await deps.db.transaction().execute(async (trx) => {
    await deleteSession(trx, session.id);
    await recordAuditEvent(trx, deps.clock, {
      action: 'session.ended',
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      subjectUserId: actor.userId,
      ip: context.ip,
      details: { sessionId: session.id },
    });
  });
}

/** Moves the current session to another organization the user is a member of. */
export async function switchOrganization(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  organizationId: string,
  context: RequestContext,
): Promise<SessionRecord> {
  authorizeOrganizationSwitch(actor);
  const sessionId = actor.via.sessionId;
  if (!(await isMember(deps.db, actor.userId, organizationId))) {
    throw new AppError('not_found', 'organization_not_found', 'The organization was not found.', {
      source: { pointer: '/data/relationships/organization/data/id' },
    });
  }
  await deps.db.transaction().execute(async (trx) => {
    await moveSessionToOrganization(trx, { sessionId, userId: actor.userId, organizationId });
    await recordAuditEvent(trx, deps.clock, {
      action: 'session.organization_switched',
      organizationId,
      actorUserId: actor.userId,
      subjectUserId: actor.userId,
      ip: context.ip,
      details: { from: actor.organizationId, to: organizationId },
    });
  });
  return getMySession(deps, actor, sessionId);
}
