import type { Kysely } from 'kysely';
import { errorMeta } from '../../../common/error-particulars';
import { type NewUserAttributes, newUserAttributesSchema } from '../../../common/identity';
import { recordAuditEvent } from '../../platform/audit';
import type { DB } from '../../platform/db/schema';
import { isUniqueViolation } from '../../platform/db/unique-violation';
import type { Deps } from '../../platform/deps';
import { type Actor, authorize, resolveUserId } from '../../platform/http/access';
import { AppError, conflictField, forbidden, invalidField, notFound } from '../../platform/http/errors';
import type { RequestContext } from '../../platform/http/request-context';
import { parseInput } from '../../platform/http/validation';
import { ADMINISTRATOR_PERMISSION, canManageAccountOf } from '../access/policy';
import { ensureAnAdministratorRemains } from '../access/service';
import {
  findIsInstanceAdministrator,
  findRolesByIds,
  listRoles,
  loadPermissions,
  setInstanceAdministrator,
} from '../access/store';
import { deleteUserSessions } from '../auth/store';
import { listMemberRoleIds, replaceMembershipRoles } from '../memberships/store';
import { assertAcceptablePassword } from '../passwords/rules';
import { assertUsernameAcceptable, IdentityTakenError, USERNAME_TAKEN } from './identities';
import {
  authorizeTo,
  canAppointInstanceAdministrators,
  canChangeUserRoles,
  canChangeUserStatus,
} from './policy';
import {
  findEmailsTakenByOthers,
  findMemberAccount,
  insertUser,
  isUsernameTaken,
  setAccountEnabled,
  touchUser,
} from './store';

export type AdminChanges = { enabled?: boolean; roleIds?: string[]; instanceAdministrator?: boolean };

/** JSON pointer of the `roles` relationship of a users document (422s point here). */
export const ROLES_POINTER = '/data/relationships/roles';

/**
 * The administrator's part of `PATCH /api/users/{id}`: the `enabled` attribute (needs
 * `users.disable`) and the `roles` relationship (needs `users.edit`), applied inside the caller's
 * transaction `trx`, with their audit rows (`user.enabled` / `user.disabled` /
 * `user.roles_changed`). The caller owns the user resource and its ETag: this function does not
 * bump `users.version`; it answers whether anything changed so the caller can.
 *
 * Rules (violations are 422 with a pointer, and nothing is written):
 * - the user must be a member of the actor's organization, else 404 (as if missing); `me` works;
 * - role ids must be roles of the actor's organization (another organization's id is "not found");
 * - nobody can disable themselves (`/data/attributes/enabled`);
 * - no escalation: nobody gives or takes away a role granting a permission they do not hold
 *   (422 on that role), nor enables/disables a user who holds one (403);
 * - nobody can take away their own last role that grants `roles.manage` (`/data/relationships/roles`);
 * - `instanceAdministrator` (appoint / dismiss, audited) only by an instance administrator (403),
 *   never on oneself when dismissing (422 `cannot_dismiss_self`);
 * - an instance administrator's status only by another instance administrator (403);
 * - the organization always keeps at least one active member holding `roles.manage`.
 * Status is the account's, not the membership's: disabling signs the user out of every
 * organization at once (all sessions deleted here); API keys stop working because the
 * authenticators refuse users who are not active. Enabling restores the status the account had
 * before it was disabled (a pending reset stays `reset`); both void the user's outstanding links.
 */
export async function applyAdminChanges(
  trx: Kysely<DB>,
  deps: Pick<Deps, 'clock'>,
  actor: Actor,
  userId: string,
  changes: AdminChanges,
  context: RequestContext = {},
): Promise<{ changed: boolean }> {
  const { clock } = deps;
  const targetId = resolveUserId(actor, userId);
  if (changes.enabled !== undefined) authorizeTo(canChangeUserStatus(actor));
  if (changes.roleIds !== undefined) authorizeTo(canChangeUserRoles(actor));
  if (changes.instanceAdministrator !== undefined) authorizeTo(canAppointInstanceAdministrators(actor));

  const target = await findMemberAccount(trx, actor.organizationId, targetId);
  if (!target) throw notFound('user');

  const step: AdminChangeStep = {
    trx,
    clock,
    actor,
    target,
    now: clock.now().toISOString(),
    audit: {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      subjectUserId: target.id,
      ip: context.ip ?? null,
    },
  };
  // Each step says whether it changed anything, and the pointer of a change that may have taken
  // away the last administrator (checked once, after all of them).
  const outcomes = [
    changes.enabled !== undefined ? await changeStatus(step, changes.enabled) : {},
    changes.instanceAdministrator !== undefined
      ? await changeInstanceAdministrator(step, changes.instanceAdministrator)
      : {},
    changes.roleIds !== undefined ? await changeRoles(step, changes.roleIds) : {},
  ];
  const administratorCheck = outcomes.find((outcome) => outcome.administratorCheck)?.administratorCheck;
  if (administratorCheck) await ensureAnAdministratorRemains(trx, actor.organizationId, administratorCheck);
  return { changed: outcomes.some((outcome) => outcome.changed) };
}

/** What every step of `applyAdminChanges` works with: the locked transaction, the target, the audit row's fields. */
type AdminChangeStep = {
  trx: Kysely<DB>;
  clock: Deps['clock'];
  actor: Actor;
  target: NonNullable<Awaited<ReturnType<typeof findMemberAccount>>>;
  now: string;
  audit: { organizationId: string; actorUserId: string; subjectUserId: string; ip: string | null };
};

type StepOutcome = { changed?: boolean; administratorCheck?: string };

async function changeStatus(
  { trx, clock, actor, target, now, audit }: AdminChangeStep,
  enabled: boolean,
): Promise<StepOutcome> {
  const isEnabled = target.status !== 'disabled';
  if (enabled === isEnabled) return {};
  if (!enabled && target.id === actor.userId) {
    throw invalidField('enabled', 'cannot_disable_self', 'You cannot disable your own account.');
  }
  await ensureNotMorePowerful(trx, actor, target.id);
  const status = await setAccountEnabled(trx, target.id, enabled, now);
  let sessionsEnded = 0;
  if (!enabled) sessionsEnded = await deleteUserSessions(trx, target.id);
  await recordAuditEvent(trx, clock, {
    ...audit,
    action: enabled ? 'user.enabled' : 'user.disabled',
    details: enabled
      ? { previousStatus: target.status, status }
      : { previousStatus: target.status, sessionsEnded },
  });
  return enabled ? { changed: true } : { changed: true, administratorCheck: '/data/attributes/enabled' };
}

async function changeInstanceAdministrator(
  { trx, clock, actor, target, now, audit }: AdminChangeStep,
  instanceAdministrator: boolean,
): Promise<StepOutcome> {
  if (instanceAdministrator === target.isInstanceAdministrator) return {};
  if (!instanceAdministrator && target.id === actor.userId) {
    // Someone must keep the instance-wide powers: another instance administrator dismisses you.
    throw invalidField(
      'instanceAdministrator',
      'cannot_dismiss_self',
      'You cannot dismiss yourself as an instance administrator. Ask another one to do it.',
    );
  }
  await setInstanceAdministrator(trx, target.id, instanceAdministrator, now);
  await recordAuditEvent(trx, clock, {
    ...audit,
    action: instanceAdministrator
      ? 'user.instance_administrator_appointed'
      : 'user.instance_administrator_dismissed',
    details: {},
  });
  return { changed: true };
}

async function changeRoles(
  { trx, clock, actor, target, now, audit }: AdminChangeStep,
  roleIds: string[],
): Promise<StepOutcome> {
  const wanted = [...new Set(roleIds)];
  const roles = await findRolesByIds(trx, actor.organizationId, wanted);
  const found = new Set(roles.map((role) => role.id));
  const position = roleIds.findIndex((id) => !found.has(id));
  if (position >= 0) {
    throw new AppError('not_found', 'role_not_found', 'This role does not exist in your organization.', {
      source: { pointer: `${ROLES_POINTER}/data/${position}/id` },
    });
  }
  const current = await listMemberRoleIds(trx, target.id, actor.organizationId);
  const added = wanted.filter((id) => !current.includes(id));
  const removed = current.filter((id) => !wanted.includes(id));
  if (added.length === 0 && removed.length === 0) return {};
  const removedRoles = await findRolesByIds(trx, actor.organizationId, removed);
  for (const role of [...roles.filter((r) => added.includes(r.id)), ...removedRoles]) {
    if (role.permissions.every((permission) => actor.permissions.has(permission))) continue;
    const index = roleIds.indexOf(role.id);
    throw new AppError(
      'validation',
      'role_exceeds_own_permissions',
      `You cannot give or take away the role "${role.name}": it grants permissions you do not have.`,
      {
        source: { pointer: index >= 0 ? `${ROLES_POINTER}/data/${index}/id` : ROLES_POINTER },
        meta: errorMeta('role_exceeds_own_permissions', { role: role.name }),
      },
    );
  }
  if (target.id === actor.userId && actor.permissions.has(ADMINISTRATOR_PERMISSION)) {
    const keepsAdministration = roles.some((role) => role.permissions.includes(ADMINISTRATOR_PERMISSION));
    if (!keepsAdministration) {
      throw new AppError(
        'validation',
        'cannot_remove_own_admin_role',
        'You cannot remove your own last administrator role. Ask another administrator to do it.',
        { source: { pointer: ROLES_POINTER } },
      );
    }
  }
  await replaceMembershipRoles(trx, target.membershipId, wanted);
  await touchUser(trx, target.id, now);
  const names = await roleNames(trx, actor.organizationId, [...added, ...removed]);
  await recordAuditEvent(trx, clock, {
    ...audit,
    action: 'user.roles_changed',
    details: {
      added: added.map((id) => ({ id, name: names.get(id) ?? null })),
      removed: removed.map((id) => ({ id, name: names.get(id) ?? null })),
    },
  });
  return removed.length > 0 ? { changed: true, administratorCheck: ROLES_POINTER } : { changed: true };
}

/**
 * Nobody enables or disables a user who holds permissions they do not hold themselves, nor an
 * instance administrator unless they are one.
 */
async function ensureNotMorePowerful(trx: Kysely<DB>, actor: Actor, targetId: string): Promise<void> {
  if (
    !canManageAccountOf(actor, { isInstanceAdministrator: await findIsInstanceAdministrator(trx, targetId) })
  ) {
    throw forbidden('You cannot change the status of an instance administrator.');
  }
  const held = await loadPermissions(trx, targetId, actor.organizationId);
  for (const permission of held ?? []) {
    if (!actor.permissions.has(permission)) {
      throw forbidden('You cannot change the status of a user who has permissions you do not have.');
    }
  }
}

async function roleNames(
  trx: Kysely<DB>,
  organizationId: string,
  ids: string[],
): Promise<Map<string, string>> {
  const roles = await findRolesByIds(trx, organizationId, ids);
  return new Map(roles.map((role) => [role.id, role.name]));
}

export type CreateUserInput = NewUserAttributes & {
  /** Ids of roles of the actor's organization; `undefined` gives the organization's "User" role. */
  roleIds?: string[] | undefined;
  /** Makes the new user an instance administrator (only an instance administrator may: the first start). */
  instanceAdministrator?: boolean | undefined;
};

/**
 * Creates a user who joins the actor's current organization with the given roles (needs
 * `users.create`; granting roles follows the same no-escalation rule as a role change). The
 * password must satisfy the organization's password policy; the user must change it at their
 * first sign-in unless `mustChangePassword` is false. Username and email are unique — the
 * username ignoring case and by its confusable skeleton, the email by its comparison key (case,
 * IDNA form of the domain) against everyone's primary and additional addresses — else 409 naming
 * the field, also when a concurrent request claims the same login first (`identities`). Audited as
 * `user.created`, in the same transaction. The attributes are checked with the route's schema
 * (`newUserAttributesSchema`) here too, so callers without a request meet the same rules.
 */
export async function createUser(
  deps: Pick<Deps, 'db' | 'clock' | 'hasher'>,
  actor: Actor,
  request: CreateUserInput,
  context: RequestContext = {},
): Promise<{ id: string; roleIds: string[] }> {
  authorize(actor, 'users.create');
  const { db, clock, hasher } = deps;
  // The route has checked these already; the CLI and the first start come without a route.
  const { roleIds: requestedRoleIds, instanceAdministrator, ...attributes } = request;
  if (instanceAdministrator) authorizeTo(canAppointInstanceAdministrators(actor));
  const input = parseInput(newUserAttributesSchema, attributes, '/data/attributes');
  assertUsernameAcceptable(input.username);
  const roleIds = await resolveNewUserRoles(db, actor, requestedRoleIds);

  await assertAcceptablePassword(
    db,
    input.password,
    {
      username: input.username,
      email: input.email,
      firstName: input.firstName,
      lastName: input.lastName,
      organizationId: actor.organizationId,
      chosenBy: 'other',
    },
    'password',
  );
  // Uniqueness first, so a taken name costs no hashing; checked again inside the transaction.
  await ensureLoginsAvailable(db, input);
  const passwordHash = await hasher.hash(input.password);

  try {
    const id = await db.transaction().execute(async (trx) => {
      await ensureLoginsAvailable(trx, input);
      const userId = await insertUser(
        trx,
        clock,
        {
          username: input.username,
          email: input.email,
          firstName: input.firstName,
          lastName: input.lastName,
          namePrefix: input.namePrefix ?? null,
          middleName: input.middleName ?? null,
          nameSuffix: input.nameSuffix ?? null,
          passwordHash,
          mustChangePassword: input.mustChangePassword ?? true,
          isInstanceAdministrator: instanceAdministrator === true,
        },
        { organizationId: actor.organizationId, roleIds },
      );
      await recordAuditEvent(trx, clock, {
        action: 'user.created',
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        subjectUserId: userId,
        ip: context.ip ?? null,
        details: { username: input.username, roleIds, mustChangePassword: input.mustChangePassword ?? true },
      });
      return userId;
    });
    return { id, roleIds };
  } catch (error) {
    // Another request claimed the same login meanwhile: the unique indexes decide (409).
    if (error instanceof IdentityTakenError && error.kind === 'email') throw emailTaken();
    if (!(error instanceof IdentityTakenError) && !isUniqueViolation(error)) throw error;
    await ensureLoginsAvailable(db, input);
    throw conflictField('username', 'username_taken', USERNAME_TAKEN);
  }
}

async function resolveNewUserRoles(
  db: Kysely<DB>,
  actor: Actor,
  requested: string[] | undefined,
): Promise<string[]> {
  if (requested === undefined) {
    const roles = await listRoles(db, actor.organizationId);
    const defaultRole = roles.find((role) => role.name === 'User');
    if (!defaultRole?.permissions.every((p) => actor.permissions.has(p))) return [];
    return [defaultRole.id];
  }
  const wanted = [...new Set(requested)];
  const roles = await findRolesByIds(db, actor.organizationId, wanted);
  const found = new Set(roles.map((role) => role.id));
  const missing = requested.findIndex((id) => !found.has(id));
  if (missing >= 0) {
    throw new AppError('not_found', 'role_not_found', 'This role does not exist in your organization.', {
      source: { pointer: `${ROLES_POINTER}/data/${missing}/id` },
    });
  }
  for (const role of roles) {
    if (role.permissions.every((permission) => actor.permissions.has(permission))) continue;
    throw new AppError(
      'validation',
      'role_exceeds_own_permissions',
      `You cannot give the role "${role.name}": it grants permissions you do not have.`,
      {
        source: { pointer: `${ROLES_POINTER}/data/${requested.indexOf(role.id)}/id` },
        meta: errorMeta('role_exceeds_own_permissions', { role: role.name }),
      },
    );
  }
  return wanted;
}

/**
 * 409 when the username or the email is taken — the same lookups as a profile change. Sign-in
 * accepts both, so each login must name one person: usernames cannot contain "@" (the shared
 * schema refuses it), hence no username can equal an email, and emails are unique across primary
 * and additional addresses.
 */
async function ensureLoginsAvailable(
  db: Kysely<DB>,
  input: { username: string; email: string },
): Promise<void> {
  const [usernameTaken, emailsTaken] = await Promise.all([
    isUsernameTaken(db, input.username),
    findEmailsTakenByOthers(db, [input.email]),
  ]);
  if (usernameTaken) throw conflictField('username', 'username_taken', USERNAME_TAKEN);
  if (emailsTaken.size > 0) throw emailTaken();
}

function emailTaken(): AppError {
  return conflictField('email', 'email_taken', 'This email address already belongs to another user.');
}
