import type { Kysely } from 'kysely';
import { isoDateOf, subtractYears } from '../../../common/dates';
import { normalizeEmail } from '../../../common/login-keys';
import { formatPersonName } from '../../../common/person-name';
import { defaultPhoneCountry, parsePhone } from '../../../common/phone';
import { BIRTHDAY_MAX_YEARS, type UserProfileUpdate } from '../../../common/profile';
import { type AuditEventRow, auditEventRow, recordAuditEvent } from '../../platform/audit';
import type { DB } from '../../platform/db/schema';
import { isUniqueViolation, violatedField } from '../../platform/db/unique-violation';
import type { Deps } from '../../platform/deps';
import type { Actor } from '../../platform/http/access';
import { resolveUserId } from '../../platform/http/access';
import { AppError, conflictField, type ErrorDetail, forbidden, notFound } from '../../platform/http/errors';
import { type MailLocalization, queueMail } from '../../platform/mail/outbox';
import { personNameFor, recipientLocalization } from '../../platform/mail/recipient';
import { canManageAccountOf } from '../access/policy';
import { findIsInstanceAdministrator } from '../access/store';
import { listDefinitions, loadCustomFieldValues, writeCustomFieldValues } from '../custom-fields/store';
import { planCustomFieldChanges } from '../custom-fields/values';
import { confirmCurrentPassword } from '../passwords/rules';
import { voidAccountTokens } from '../passwords/store';
import { syncAdditionalEmails } from '../user-emails/service';
import { listUserEmails } from '../user-emails/store';
import { applyAdminChanges } from './admin-service';
import {
  assertUsernameAcceptable,
  IdentityTakenError,
  syncUserIdentities,
  USERNAME_TAKEN,
} from './identities';
import { canAppointInstanceAdministrators, canEditProfile, canViewUser } from './policy';
import type { UserExtras } from './presenter';
import {
  findMemberUser,
  findMemberUserWithExtras,
  loadUserExtras,
  lockMemberUser,
  type MemberUser,
  type MemberWithExtras,
  type ProfileColumns,
  updateProfileColumns,
  updateProfileReturningMember,
} from './profile-store';
import { findEmailsTakenByOthers, isUsernameTaken, type UserRecord } from './store';
// Registers the emails this module queues.
import './mail-templates';
import { type ErrorParticulars, errorMeta } from '../../../common/error-particulars';
import type { RequestContext } from '../../platform/http/request-context';

export type UserView = MemberUser & { extras: Required<UserExtras>; etag: string };

// ── ETags ────────────────────────────────────────────────────────────────────────────────────

/** The strong ETag of a user resource: its version, bumped by every change of the profile. */
export function userEtag(version: number): string {
  return `"v${version}"`;
}

/**
 * Whether an `If-Match` header lets a change of a resource at `version` go ahead (RFC 9110
 * §13.1.1: `*` or a list of strong tags; weak tags never match). `undefined` header: no
 * precondition.
 */
export function ifMatchAllows(header: string | undefined, version: number): boolean {
  if (header === undefined) return true;
  const value = header.trim();
  if (value === '*') return true;
  const current = userEtag(version);
  return value
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === current);
}

function staleRecord(): AppError {
  return new AppError(
    'precondition_failed',
    'stale_record',
    'This user was changed by someone else since you opened it. Reload it to see the changes, then make yours again.',
    { source: { header: 'If-Match' } },
  );
}

// ── Reading ──────────────────────────────────────────────────────────────────────────────────

/** `GET /api/users/{id}`: the user as the actor may see them; another organization's user is 404. */
export async function getUserProfile(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<UserView> {
  const userId = resolveUserId(actor, id);
  if (!canViewUser(actor, userId)) throw forbidden();
  const member = await findMemberUserWithExtras(deps.db, actor, userId);
  if (!member) throw notFound('user');
  return userViewOf(member);
}

/** The view of a member as read (its row version left out: it is for compare-and-set only). */
function userViewOf(member: MemberWithExtras): UserView {
  const { rowVersion: _, ...view } = member;
  return { ...view, etag: userEtag(Number(member.user.version)) };
}

// ── Updating ─────────────────────────────────────────────────────────────────────────────────

export type ProfileUpdateRequest = {
  attributes: UserProfileUpdate;
  /** The `roles` relationship, when the body has one (administrators). */
  roleIds?: string[] | undefined;
  /** The `If-Match` header: the ETag the client read. Optional for integrations (see below). */
  ifMatch?: string | undefined;
};

const PROFILE_FIELDS = [
  'username',
  'namePrefix',
  'firstName',
  'middleName',
  'lastName',
  'nameSuffix',
  'birthday',
  'email',
  'phone',
] as const satisfies readonly (keyof ProfileColumns & keyof UserProfileUpdate)[];

const OPTIONAL_TEXT = new Set(['namePrefix', 'middleName', 'nameSuffix']);

/**
 * `PATCH /api/users/{id}`: changes a profile atomically — columns, additional emails (new
 * ones get a verification email), custom field values, and the administrator's `enabled` / roles
 * through `applyAdminChanges` — with its audit rows and outbox rows; `version` goes up by one.
 *
 * Every invalid field is reported at once (422 with a pointer per field) and nothing is saved.
 * Concurrency (RFC 9110 §13.1.1): on PostgreSQL a change of the row alone (names, birthday,
 * phone) is written under compare-and-set, without the row's lock (`updateRowOnly`); any other
 * change, one that lost that race three times, one whose If-Match did not name the version read,
 * and every change on SQLite (see `updateRowOnly`), runs in a transaction that first locks the
 * user row (`lockMemberUser`), so that such changes of one profile run one after the other, on
 * both databases and across processes. With `If-Match` the change applies
 * only to the version the client read: of N writers holding the same ETag exactly one succeeds,
 * the others answer 412. Without it (integrations may omit it) the change applies to the current
 * version: when the row found under the lock (or at the compare-and-set) is newer than the one
 * the request was checked against, the change is planned again on it, so every acknowledged
 * change is kept and none answers a false 412.
 * Changing one's OWN primary email needs `currentPassword`; the old address is told either way.
 */
export async function updateUserProfile(
  deps: Pick<Deps, 'db' | 'dialect' | 'clock' | 'hasher' | 'config' | 'mail'>,
  actor: Actor,
  id: string,
  request: ProfileUpdateRequest,
  context: RequestContext = {},
): Promise<UserView> {
  const userId = resolveUserId(actor, id);
  const input = request.attributes;
  const touchesProfile =
    PROFILE_FIELDS.some((field) => input[field] !== undefined) ||
    input.additionalEmails !== undefined ||
    input.customFields !== undefined;
  if (touchesProfile && !canEditProfile(actor, userId)) throw forbidden();
  if (input.enabled !== undefined && !actor.permissions.has('users.disable')) throw forbidden();
  if (request.roleIds !== undefined && !actor.permissions.has('users.edit')) throw forbidden();
  if (input.instanceAdministrator !== undefined && !canAppointInstanceAdministrators(actor))
    throw forbidden();
  if (
    !touchesProfile &&
    input.enabled === undefined &&
    input.instanceAdministrator === undefined &&
    request.roleIds === undefined &&
    !canViewUser(actor, userId)
  ) {
    throw forbidden();
  }
  // Another user's profile (their email leads to their password): not an instance administrator's.
  if (
    touchesProfile &&
    userId !== actor.userId &&
    !canManageAccountOf(actor, {
      isInstanceAdministrator: await findIsInstanceAdministrator(deps.db, userId),
    })
  ) {
    throw forbidden("Only an instance administrator edits another instance administrator's profile.");
  }

  // A concurrent change of the primary email can make a password necessary that was not checked:
  // the whole request then starts again (outside the transaction, which must not wait on a hash).
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptProfileUpdate(deps, actor, userId, request, context);
    } catch (error) {
      if (!(error instanceof PasswordNowNeeded) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

const MAX_ATTEMPTS = 3;

/** Thrown inside the transaction when the row changed so that the current password is now needed. */
class PasswordNowNeeded extends Error {}

/** What a request changes, checked against one version of the user row. */
type ProfilePlan = {
  base: UserRecord;
  columns: ProfileColumns;
  emailChanged: boolean;
  primaryEmail: string;
  additionalEmails: string[] | undefined;
  customFieldPlan: ReturnType<typeof planCustomFieldChanges> | undefined;
};

async function attemptProfileUpdate(
  deps: Pick<Deps, 'db' | 'dialect' | 'clock' | 'hasher' | 'config' | 'mail'>,
  actor: Actor,
  userId: string,
  request: ProfileUpdateRequest,
  context: RequestContext,
): Promise<UserView> {
  const { db, clock } = deps;
  const input = request.attributes;
  // The user's locale picks the phone's default country and the language of emails: read the
  // settings only when this request needs them.
  const needsLocale =
    (typeof input.phone === 'string' && input.phone !== '') ||
    input.additionalEmails !== undefined ||
    input.email !== undefined;
  // Emails about the account go out in the user's language, locale and time zone (their settings).
  const localization = needsLocale
    ? await recipientLocalization(db, { organizationId: actor.organizationId, userId })
    : undefined;

  // PostgreSQL only: on SQLite the locked transaction below costs less (see updateRowOnly).
  if (changesRowOnly(request) && deps.dialect === 'postgres') {
    const view = await oneWriteAtATime(db, userId, () =>
      updateRowOnly(deps, actor, userId, request, localization, context),
    );
    if (view) return view;
    // A version If-Match does not name, or others kept changing the row: take its lock (below).
  }

  // 2. Changing one's own primary email proves who is asking (after the cheap checks), outside
  // the transaction, which must not wait on a hash: only then is the change planned before it.
  let plan: ProfilePlan | undefined;
  let passwordChecked = false;
  if (input.email !== undefined && userId === actor.userId) {
    const member = await findMemberUser(db, actor.organizationId, userId);
    if (!member) throw notFound('user');
    if (!ifMatchAllows(request.ifMatch, Number(member.user.version))) throw staleRecord();
    plan = await planProfileChanges(
      db,
      clock,
      actor,
      userId,
      input,
      member.user,
      localeOf(member, localization),
    );
    passwordChecked = plan.emailChanged;
    if (passwordChecked) {
      await confirmCurrentPassword(deps, {
        userId,
        password: input.currentPassword,
        during: 'email_change',
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        ip: context.ip ?? null,
      });
    }
  }

  // 3. One transaction: lock the row, uniqueness, the row's new version, emails, custom fields,
  // admin changes, audit, outbox.
  let applied: AppliedProfileChange;
  try {
    applied = await db
      .transaction()
      .execute((trx) =>
        applyProfileChange(
          trx,
          deps,
          actor,
          userId,
          request,
          { plan, localization, passwordChecked },
          context,
        ),
      );
  } catch (error) {
    // Two requests raced past the uniqueness check: the unique index decides.
    if (error instanceof IdentityTakenError) throw identityConflict(error, input);
    if (isUniqueViolation(error)) throw uniquenessConflict(violatedField(error));
    throw error;
  }
  if (applied.queuedMail) deps.mail.wake();
  return profileAfterUpdate(deps, actor, request, applied);
}

/**
 * Fields whose change writes the user's row alone: the profile's columns but the two that must
 * stay unique (and whose change touches other tables), and the password a primary email needs.
 */
const ROW_ONLY_FIELDS: ReadonlySet<string> = new Set([
  ...PROFILE_FIELDS.filter((field) => field !== 'username' && field !== 'email'),
  'currentPassword',
]);

/** Each database handle's row-only writes in flight, by user: each starts when the one before it ended. */
const rowWritesOf = mapPerDatabase<Promise<void>>();

/** A map of its own for each database handle (its pool), made on first use: `of(db)`. */
function mapPerDatabase<T>(): (db: Kysely<DB>) => Map<string, T> {
  const byDatabase = new WeakMap<Kysely<DB>, Map<string, T>>();
  return (db) => {
    let map = byDatabase.get(db);
    if (!map) {
      map = new Map();
      byDatabase.set(db, map);
    }
    return map;
  };
}

/**
 * Runs `write` (a row-only change) after the earlier row-only writes of the same user through
 * this database handle (this process's pool) have ended, so that they never race each other's
 * compare-and-set (50 writers of one profile would otherwise mostly fail and plan again). Other
 * writes of the row (other processes', this process's under the row's lock) still race, and
 * the compare-and-set catches them.
 */
async function oneWriteAtATime<T>(db: Kysely<DB>, userId: string, write: () => Promise<T>): Promise<T> {
  const rowWrites = rowWritesOf(db);
  const result = (rowWrites.get(userId) ?? Promise.resolve()).then(write);
  const ended = result.then(
    () => undefined,
    () => undefined,
  );
  rowWrites.set(userId, ended);
  try {
    return await result;
  } finally {
    if (rowWrites.get(userId) === ended) rowWrites.delete(userId);
  }
}

/** Times `updateRowOnly` plans and writes a change before it leaves it to the row's lock. */
const COMPARE_AND_SET_ATTEMPTS = 3;

function changesRowOnly(request: ProfileUpdateRequest): boolean {
  return (
    request.roleIds === undefined &&
    Object.keys(request.attributes).every((field) => ROW_ONLY_FIELDS.has(field))
  );
}

/**
 * PostgreSQL: a change of the user's row alone (names, birthday, phone), without the row's lock:
 * the change is planned on the row as this process's last write of it left it (`keptRowsOf`), or
 * else on the row read now, and written with its audit row under compare-and-set on the row's
 * version and row version (`updateProfileReturningMember`: one statement, which also reads the
 * member it answers; one round trip in all where the locked transaction takes five). When the row
 * changed since it was planned on, it is read again and the change planned on the new row; a
 * change refused on a kept row is planned again on the row read now. Undefined (the caller then
 * takes the row's lock, under which a change cannot lose) when `If-Match` does not name the
 * version read — only the lock answers 412, on the current version — and after
 * COMPARE_AND_SET_ATTEMPTS lost races, so no writer starves under a stream of others (RFC 9110
 * §13.1.1's semantics either way).
 *
 * Not on SQLite: there the locked transaction costs less. Its one writing connection runs
 * transactions one after another (no lock to wait on) and commits those that arrive together at
 * once (sqlite-group-commit.ts), where this path's queue (`oneWriteAtATime`) commits one write of
 * a profile at a time: 50 writers of one profile took 493–538 µs of CPU a write this way, against
 * 212–296 µs locked (issue 17's bench, every write a change).
 */
async function updateRowOnly(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  userId: string,
  request: ProfileUpdateRequest,
  localization: MailLocalization | undefined,
  context: RequestContext,
): Promise<UserView | undefined> {
  const { db, clock } = deps;
  // By user alone: the row is the same whichever organization it is changed from (the write
  // checks the membership).
  const kept = keptRowsOf(db);
  let attempts = 0;
  while (attempts < COMPARE_AND_SET_ATTEMPTS) {
    // The row this process's last write of it left, to plan on without reading it (the write
    // checks it is still that row); else the row read now, with its extras.
    let base = kept.get(userId);
    let member: MemberWithExtras | undefined;
    if (!base || !ifMatchAllows(request.ifMatch, Number(base.user.version))) {
      attempts++;
      member = await findMemberUserWithExtras(db, actor, userId);
      if (!member) throw notFound('user');
      base = { user: member.user, rowVersion: member.rowVersion as string };
      if (!ifMatchAllows(request.ifMatch, Number(base.user.version))) return undefined;
    }
    let plan: ProfilePlan;
    try {
      plan = await planProfileChanges(
        db,
        clock,
        actor,
        userId,
        request.attributes,
        base.user,
        localeOf(base, localization),
      );
    } catch (error) {
      // Refused on a kept row (a phone checked in its locale): refused only if the row read now
      // refuses it.
      if (member || !(error instanceof AppError) || error.kind !== 'validation') throw error;
      kept.delete(userId);
      continue;
    }
    const changedFields = Object.keys(plan.columns);
    if (changedFields.length === 0) {
      // Nothing changed: the row as read now is the current version (nothing written); a kept row
      // may be behind it, so it is read.
      if (member) return userViewOf(member);
      kept.delete(userId);
      continue;
    }
    const now = clock.now().toISOString();
    const audit = profileUpdatedRow(clock, actor, userId, context, changedFields);
    const expected = { version: Number(base.user.version), rowVersion: base.rowVersion };
    const saved = await updateProfileReturningMember(db, actor, userId, expected, plan.columns, now, audit);
    if (saved) {
      keep(kept, userId, { user: saved.user, rowVersion: saved.rowVersion as string });
      return userViewOf(saved);
    }
    // The row changed since (or the user left the organization): read it again.
    kept.delete(userId);
  }
  return undefined;
}

/** A user's row as a row-only write planned on it: the record and its row version (`xmin`). */
type KeptRow = { user: UserRecord; rowVersion: string };

/** Rows kept at most per database handle; past it the oldest go first. */
const MAX_KEPT_ROWS = 1_000;

/**
 * Each database handle's users' rows as this process's last row-only write of them left them, by
 * user: `updateRowOnly` plans the next change on it without reading the row,
 * and the write's compare-and-set on the row version proves it current (else it reads the row).
 * Never answered: what a write answers is read by the write.
 */
const keptRowsOf = mapPerDatabase<KeptRow>();

function keep(rows: Map<string, KeptRow>, key: string, row: KeptRow): void {
  rows.delete(key);
  if (rows.size >= MAX_KEPT_ROWS) rows.delete(rows.keys().next().value as string);
  rows.set(key, row);
}

/** Who changed whose profile, from where: what every audit row of a profile change shares. */
function changeAudit(actor: Actor, userId: string, context: RequestContext) {
  return {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    subjectUserId: userId,
    ip: context.ip ?? null,
  };
}

/** The `profile.updated` audit row of a change of `fields`, written with the row's UPDATE. */
function profileUpdatedRow(
  clock: Deps['clock'],
  actor: Actor,
  userId: string,
  context: RequestContext,
  fields: string[],
): AuditEventRow {
  return auditEventRow(clock, {
    ...changeAudit(actor, userId, context),
    action: 'profile.updated',
    details: { fields },
  });
}

/** The user row as a planned change left it, saved as `version` at `at` (ISO 8601). */
function userAsSaved(
  plan: Pick<ProfilePlan, 'base' | 'columns'>,
  saved: { version: number; at: string },
): UserRecord {
  return { ...plan.base, ...plan.columns, version: saved.version, updatedAt: saved.at };
}

/** The locale a change is checked in (the phone's default country): the user's own, else their settings'. */
function localeOf(
  member: Pick<MemberUser, 'user'>,
  localization: MailLocalization | undefined,
): string | null {
  return member.user.locale ?? localization?.locale ?? null;
}

/** What one transaction of a profile update did: the plan it applied, the fields it changed, the saved version. */
type AppliedProfileChange = {
  /** The member as read under the lock (before the change). */
  member: MemberUser;
  plan: ProfilePlan;
  changedFields: string[];
  /** Absent when nothing changed (nothing was written). */
  saved?: { version: number; at: string };
  queuedMail: boolean;
};

/**
 * Applies a planned profile change under the row's lock: re-plans it on a newer row (without
 * If-Match), checks uniqueness, writes the columns, the administrator's changes, the additional
 * emails and the custom fields, then the audit rows and the email to the old address.
 */
async function applyProfileChange(
  trx: Kysely<DB>,
  deps: Pick<Deps, 'db' | 'dialect' | 'clock' | 'hasher' | 'config' | 'mail'>,
  actor: Actor,
  userId: string,
  request: ProfileUpdateRequest,
  checked: {
    /** Planned before the transaction (a password was to be checked), else planned here. */
    plan: ProfilePlan | undefined;
    localization: MailLocalization | undefined;
    passwordChecked: boolean;
  },
  context: RequestContext,
): Promise<AppliedProfileChange> {
  const { clock } = deps;
  const input = request.attributes;
  const { localization, passwordChecked } = checked;
  let plan = checked.plan;
  let queuedMail = false;
  const member = await lockMemberUser(trx, deps.dialect, actor.organizationId, userId);
  if (!member) throw notFound('user');
  const locked = member.user;
  if (!ifMatchAllows(request.ifMatch, Number(locked.version))) throw staleRecord();
  if (locked.version !== plan?.base.version) {
    // Not planned yet, or changed since it was checked and the client asked for no particular
    // version: plan the request on the row as it is now (the lock keeps it so until commit).
    plan = await planProfileChanges(trx, clock, actor, userId, input, locked, localeOf(member, localization));
    if (plan.emailChanged && userId === actor.userId && !passwordChecked) throw new PasswordNowNeeded();
  }
  const { base, columns, emailChanged, primaryEmail, additionalEmails, customFieldPlan } = plan;
  await assertUnique(trx, userId, columns, emailChanged ? primaryEmail : undefined, additionalEmails);
  const expectedVersion = Number(base.version);
  const changedFields = Object.keys(columns);

  // Security events first (a new primary email, the enabled flag): they void the user's
  // outstanding links, so the links this same change sends (new additional emails) come after.
  if (emailChanged) await voidAccountTokens(trx, userId, clock.now().toISOString());
  changedFields.push(...(await applyAdministratorPart(trx, deps, actor, userId, request, context)));
  const owner = emailOwner(userId, plan, localization);
  if (additionalEmails !== undefined) {
    const synced = await syncAdditionalEmails(trx, deps, owner, actor.organizationId, additionalEmails);
    if (synced.added.length > 0 || synced.removed.length > 0 || synced.reordered)
      changedFields.push('additionalEmails');
    if (synced.added.length > 0) queuedMail = true;
  }
  if (customFieldPlan && customFieldPlan.writes.size > 0) {
    await writeCustomFieldValues(trx, userId, customFieldPlan.writes);
    changedFields.push(...customFieldPlan.changed.map((name) => `customFields.${name}`));
  }
  if (changedFields.length === 0) return { member, plan, changedFields, queuedMail };

  const now = clock.now().toISOString();
  // The row is locked: the compare-and-set cannot fail but states what is assumed. The audit row
  // goes with the UPDATE (one statement on PostgreSQL: one round trip less under the lock).
  const updated = profileUpdatedRow(clock, actor, userId, context, changedFields);
  const version = await updateProfileColumns(trx, userId, expectedVersion, columns, now, updated);
  if (version === undefined) throw staleRecord();
  // Claimed once, after every write of this change, so concurrent claims cannot deadlock.
  if (
    columns.username !== undefined ||
    columns.email !== undefined ||
    changedFields.includes('additionalEmails')
  ) {
    await syncUserIdentities(trx, userId);
  }
  if (emailChanged) {
    await recordAuditEvent(trx, clock, {
      ...changeAudit(actor, userId, context),
      action: 'profile.email_changed',
      details: { byAdministrator: userId !== actor.userId },
    });
    await queueMail(trx, deps, {
      template: 'email-changed',
      to: { address: base.email, name: owner.name },
      data: { name: owner.name, oldEmail: base.email, newEmail: primaryEmail },
      localization,
      organizationId: actor.organizationId,
    });
    queuedMail = true;
  }
  return { member, plan, changedFields, saved: { version, at: now }, queuedMail };
}

/**
 * The user as the emails of a change address them. Only mails read the name: it is formatted only
 * for a change that may mail (new additional emails, a new primary email), which has read the
 * owner's localization; otherwise it is empty.
 */
function emailOwner(userId: string, plan: ProfilePlan, localization: MailLocalization | undefined) {
  const { base, columns } = plan;
  const mayMail = plan.additionalEmails !== undefined || plan.emailChanged;
  const person = () => ({ ...base, ...columns }) as UserRecord;
  return {
    id: userId,
    name: !mayMail ? '' : localization ? personNameFor(localization, person()) : formatPersonName(person()),
    localization,
  };
}

/** The administrator's part of an update (status, roles, instance administrator): the fields it changed. */
async function applyAdministratorPart(
  trx: Kysely<DB>,
  deps: Pick<Deps, 'clock'>,
  actor: Actor,
  userId: string,
  request: ProfileUpdateRequest,
  context: RequestContext,
): Promise<string[]> {
  const input = request.attributes;
  if (
    input.enabled === undefined &&
    request.roleIds === undefined &&
    input.instanceAdministrator === undefined
  ) {
    return [];
  }
  const admin = await applyAdminChanges(
    trx,
    deps,
    actor,
    userId,
    {
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      ...(request.roleIds !== undefined ? { roleIds: request.roleIds } : {}),
      ...(input.instanceAdministrator !== undefined
        ? { instanceAdministrator: input.instanceAdministrator }
        : {}),
    },
    { ip: context.ip ?? null },
  );
  if (!admin.changed) return [];
  return [
    ...(input.enabled !== undefined ? ['enabled'] : []),
    ...(request.roleIds !== undefined ? ['roles'] : []),
    ...(input.instanceAdministrator !== undefined ? ['instanceAdministrator'] : []),
  ];
}

/**
 * The user as the update left them: re-read after an administrator's change, else known as saved
 * (`member`: as the update read them under the lock, whose instance administration it did not
 * change), or, when nothing changed, exactly as read under the lock.
 */
async function profileAfterUpdate(
  deps: Pick<Deps, 'db' | 'dialect' | 'clock' | 'hasher' | 'config' | 'mail'>,
  actor: Actor,
  request: ProfileUpdateRequest,
  { member, plan, saved }: AppliedProfileChange,
): Promise<UserView> {
  const userId = member.user.id;
  const input = request.attributes;
  if (
    input.enabled !== undefined ||
    request.roleIds !== undefined ||
    input.instanceAdministrator !== undefined
  ) {
    return getUserProfile(deps, actor, userId);
  }
  const extras = await loadUserExtras(deps.db, actor, userId);
  if (saved === undefined) {
    // Nothing changed: the row as read under the lock is the current version (no second read).
    return { ...member, extras, etag: userEtag(Number(member.user.version)) };
  }
  const user = userAsSaved(plan, saved);
  return {
    user,
    isInstanceAdministrator: member.isInstanceAdministrator,
    extras,
    etag: userEtag(saved.version),
  };
}

/**
 * Checks a change against one version of the user row (`base`) and says what it changes: the
 * columns that differ, whether the primary email changes, the additional emails and the custom
 * field writes. Rules that need the clock, the organization's definitions or the user's locale
 * are checked here; every problem is reported at once (422).
 */
async function planProfileChanges(
  db: Kysely<DB>,
  clock: Deps['clock'],
  actor: Actor,
  userId: string,
  input: UserProfileUpdate,
  base: UserRecord,
  locale: string | null,
): Promise<ProfilePlan> {
  const errors: ErrorDetail[] = [];
  const columns: ProfileColumns = {};
  for (const field of PROFILE_FIELDS) {
    const value = input[field];
    if (value === undefined || field === 'phone') continue;
    const next = value === '' && OPTIONAL_TEXT.has(field) ? null : value;
    if (next !== base[field]) (columns as Record<string, string | null>)[field] = next;
  }
  if (columns.username !== undefined) assertUsernameAcceptable(columns.username);
  if (columns.birthday) {
    const problem = birthdayProblem(columns.birthday, clock.now());
    if (problem) {
      errors.push({
        code: 'birthday_out_of_range',
        detail: problem.message,
        source: pointer('birthday'),
        meta: errorMeta('birthday_out_of_range', problem.particulars),
      });
    }
  }
  if (input.phone === null || input.phone === '') {
    if (base.phone !== null) columns.phone = null;
  } else if (input.phone !== undefined) {
    const parsed = parsePhone(input.phone, defaultPhoneCountry(locale));
    if (!parsed.ok) {
      errors.push({
        code: 'phone_invalid',
        detail: parsed.message,
        source: pointer('phone'),
        meta: errorMeta(
          'phone_invalid',
          parsed.reason === 'invalid_for_country'
            ? { reason: parsed.reason, country: parsed.country ?? '' }
            : { reason: parsed.reason },
        ),
      });
    } else if (parsed.value !== base.phone) columns.phone = parsed.value;
  }

  const primaryEmail = input.email ?? base.email;
  const emailChanged =
    input.email !== undefined && normalizeEmail(input.email) !== normalizeEmail(base.email);
  let additionalEmails: string[] | undefined;
  if (input.additionalEmails !== undefined) {
    additionalEmails = input.additionalEmails;
    const seen = new Map<string, number>();
    for (const [index, email] of additionalEmails.entries()) {
      const normalized = normalizeEmail(email);
      if (normalized === normalizeEmail(primaryEmail)) {
        errors.push({
          code: 'email_duplicate',
          detail: 'This address is already the primary email.',
          source: pointer(`additionalEmails/${index}`),
          meta: errorMeta('email_duplicate', { reason: 'primary' }),
        });
      } else if (seen.has(normalized)) {
        errors.push({
          code: 'email_duplicate',
          detail: 'This address is listed twice.',
          source: pointer(`additionalEmails/${index}`),
          meta: errorMeta('email_duplicate', { reason: 'listed_twice' }),
        });
      }
      seen.set(normalized, index);
    }
  } else if (emailChanged) {
    const existing = await listUserEmails(db, userId);
    if (existing.some((row) => normalizeEmail(row.email) === normalizeEmail(primaryEmail))) {
      errors.push({
        code: 'email_duplicate',
        detail: 'This address is already one of the additional emails: remove it there first.',
        source: pointer('email'),
        meta: errorMeta('email_duplicate', { reason: 'additional' }),
      });
    }
  }

  let customFieldPlan: ReturnType<typeof planCustomFieldChanges> | undefined;
  if (input.customFields !== undefined) {
    const [definitions, existing] = await Promise.all([
      listDefinitions(db, actor.organizationId),
      loadCustomFieldValues(db, actor.organizationId, userId),
    ]);
    customFieldPlan = planCustomFieldChanges(definitions, input.customFields, existing);
    errors.push(...customFieldPlan.errors);
  }
  if (errors.length > 0) throw validationErrors(errors);
  return { base, columns, emailChanged, primaryEmail, additionalEmails, customFieldPlan };
}

function pointer(field: string) {
  return { pointer: `/data/attributes/${field}` };
}

function validationErrors(errors: ErrorDetail[]): AppError {
  const [first, ...more] = errors as [ErrorDetail, ...ErrorDetail[]];
  return new AppError('validation', first.code, first.detail, {
    ...(first.source ? { source: first.source } : {}),
    ...(first.meta ? { meta: first.meta } : {}),
    more,
  });
}

/** UTC+14 (Pacific/Kiritimati), the time zone where each day begins first. */
const EARLIEST_UTC_OFFSET_MS = 14 * 3_600_000;

/**
 * Why a birthday is refused: in the future, or more than 120 years ago (by the injected clock).
 * "The future" starts after today in the earliest time zone on Earth (UTC+14): a person whose
 * own time zone (My Configuration, which the web app judges by) is already at tomorrow may enter it.
 */
export function birthdayProblem(
  birthday: string,
  now: Date,
): { message: string; particulars: ErrorParticulars<'birthday_out_of_range'> } | null {
  const today = isoDateOf(new Date(now.getTime() + EARLIEST_UTC_OFFSET_MS));
  if (birthday > today) {
    return { message: 'The birthday cannot be in the future.', particulars: { reason: 'future' } };
  }
  if (birthday < subtractYears(today, BIRTHDAY_MAX_YEARS)) {
    return {
      message: `The birthday cannot be more than ${BIRTHDAY_MAX_YEARS} years ago.`,
      particulars: { reason: 'too_old', maxYears: BIRTHDAY_MAX_YEARS },
    };
  }
  return null;
}

async function assertUnique(
  trx: Kysely<DB>,
  userId: string,
  columns: ProfileColumns,
  newPrimaryEmail: string | undefined,
  additionalEmails: string[] | undefined,
): Promise<void> {
  if (columns.username && (await isUsernameTaken(trx, columns.username, userId)))
    throw uniquenessConflict('username');
  const candidates = [...(newPrimaryEmail ? [newPrimaryEmail] : []), ...(additionalEmails ?? [])];
  const taken = await findEmailsTakenByOthers(trx, candidates, userId);
  if (taken.size === 0) return;
  if (newPrimaryEmail && taken.has(normalizeEmail(newPrimaryEmail))) throw uniquenessConflict('email');
  const index = (additionalEmails ?? []).findIndex((email) => taken.has(normalizeEmail(email)));
  throw conflictField(
    `additionalEmails/${index}`,
    'email_taken',
    'This email address already belongs to another user.',
  );
}

/** The 409 of a key another user claimed first, pointing at the field that asked for it. */
function identityConflict(error: IdentityTakenError, input: UserProfileUpdate): AppError {
  if (error.kind === 'username') return uniquenessConflict('username');
  if (input.email !== undefined && normalizeEmail(input.email) === error.key)
    return uniquenessConflict('email');
  const index = (input.additionalEmails ?? []).findIndex((email) => normalizeEmail(email) === error.key);
  if (index < 0) return uniquenessConflict(undefined);
  return conflictField(
    `additionalEmails/${index}`,
    'email_taken',
    'This email address already belongs to another user.',
  );
}

function uniquenessConflict(field: 'username' | 'email' | undefined): AppError {
  if (field === 'username') return conflictField('username', 'username_taken', USERNAME_TAKEN);
  if (field === 'email')
    return conflictField('email', 'email_taken', 'This email address already belongs to another user.');
  return new AppError('conflict', 'email_taken', 'An email address already belongs to another user.', {
    source: pointer('additionalEmails'),
  });
}
