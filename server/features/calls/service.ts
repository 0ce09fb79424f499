import type { CallCreate, CallUpdate } from '../../../common/calls';
import { checkedInstant } from '../../../common/instant';
import { defaultPhoneCountry, parsePhone } from '../../../common/phone';
import type { Deps } from '../../platform/deps';
import type { Actor } from '../../platform/http/access';
import { notFound, relatedNotFound } from '../../platform/http/errors';
import type { ListPage, ListQuery } from '../../platform/http/jsonapi';
import { isId, newId } from '../../platform/ids';
import { resolveSettings } from '../../platform/settings';
import {
  type ActivitySummary,
  deleteActivities,
  findActivityTargets,
  findActivityTargetsOf,
  findMemberIds,
  insertActivities,
  replaceActivityTargets,
  updateActivities,
} from '../activities/store';
import { authorizeCallChange, authorizeCallLogging, callVisibilityOf } from './policy';
import { type CallRecord, deleteCall, findVisibleCall, insertCall, listCallsPage, updateCall } from './store';

/** A call with the ids of its activity targets (user-id order). */
export type CallView = { call: CallRecord; targetUserIds: string[] };

/**
 * Logs a call (needs `calls.log`): the call and its Activity index rows in one transaction. The
 * phone number is stored in E.164 (`;ext=` for an extension) when it parses — numbers without `+`
 * in the country of the actor's locale — and as typed otherwise (OroCRM accepts any number).
 * Defaults as OroCRM's CallController: now, completed, outgoing, 0 seconds.
 * @throws AppError 404 `user_not_found` (pointer to the target) for an activity target who is not
 *   a member of the actor's organization.
 */
export async function logCall(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: { attributes: CallCreate; activityTargets?: readonly string[] | undefined },
): Promise<CallView> {
  authorizeCallLogging(actor);
  const { db, clock } = deps;
  const { attributes } = input;
  const targetUserIds = await checkTargets(deps, actor, input.activityTargets ?? []);
  const now = clock.now().toISOString();
  const call: CallRecord = {
    id: newId(),
    organizationId: actor.organizationId,
    // A system actor (the CLI) is no user: its calls have no author.
    authorId: isId(actor.userId) ? actor.userId : null,
    subject: attributes.subject,
    phoneNumber: await normalizePhone(deps, actor, attributes.phoneNumber),
    notes: attributes.notes ?? null,
    callDateTime: attributes.callDateTime ? utc(attributes.callDateTime) : now,
    callStatus: attributes.callStatus ?? 'completed',
    direction: attributes.direction ?? 'outgoing',
    duration: attributes.duration ?? 0,
    createdAt: now,
    updatedAt: now,
  };
  await db.transaction().execute(async (trx) => {
    await insertCall(trx, call);
    await insertActivities(trx, activityRef(call), summaryOf(call), targetUserIds, now);
  });
  return { call, targetUserIds: [...targetUserIds].sort() };
}

/** A call the actor may see (see `callVisibilityOf`); any other answers 404. */
export async function getCall(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<CallView> {
  const call = await findVisibleCall(deps.db, callVisibilityOf(actor), id);
  if (!call) throw notFound('call');
  return { call, targetUserIds: await findActivityTargets(deps.db, activityRef(call)) };
}

/** One page of the calls the actor may see, with each call's targets. */
export async function listCalls(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  listQuery: ListQuery,
): Promise<ListPage<CallView>> {
  const page = await listCallsPage(deps.db, callVisibilityOf(actor), listQuery);
  const targets = await findActivityTargetsOf(
    deps.db,
    actor.organizationId,
    'call',
    page.rows.map((call) => call.id),
  );
  return { ...page, rows: page.rows.map((call) => ({ call, targetUserIds: targets.get(call.id) ?? [] })) };
}

/**
 * Changes a call (its author, or with `calls.manage`): the given attributes, and the activity
 * targets when given (replacing them). The call and its index rows change in one transaction.
 * @throws AppError 404 for a call the actor cannot see, 403 for one they may not change, 404
 *   `user_not_found` for a target outside the organization.
 */
export async function changeCall(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  input: { attributes: CallUpdate; activityTargets?: readonly string[] | undefined },
): Promise<CallView> {
  const { db, clock } = deps;
  const visibility = callVisibilityOf(actor);
  const before = await findVisibleCall(db, visibility, id);
  if (!before) throw notFound('call');
  authorizeCallChange(actor, before);
  const { attributes } = input;
  const targetUserIds =
    input.activityTargets === undefined ? undefined : await checkTargets(deps, actor, input.activityTargets);
  const phoneNumber =
    attributes.phoneNumber === undefined
      ? undefined
      : await normalizePhone(deps, actor, attributes.phoneNumber);
  const now = clock.now().toISOString();
  return db.transaction().execute(async (trx) => {
    // Read again inside the transaction: the call may have been deleted meanwhile.
    const current = await findVisibleCall(trx, visibility, id);
    if (!current) throw notFound('call');
    const changes: Partial<CallRecord> = {
      ...(attributes.subject !== undefined ? { subject: attributes.subject } : {}),
      ...(phoneNumber !== undefined ? { phoneNumber } : {}),
      ...(attributes.notes !== undefined ? { notes: attributes.notes } : {}),
      ...(attributes.callDateTime !== undefined ? { callDateTime: utc(attributes.callDateTime) } : {}),
      ...(attributes.callStatus !== undefined ? { callStatus: attributes.callStatus } : {}),
      ...(attributes.direction !== undefined ? { direction: attributes.direction } : {}),
      ...(attributes.duration !== undefined ? { duration: attributes.duration } : {}),
    };
    const call: CallRecord = { ...current, ...changes, updatedAt: now };
    await updateCall(trx, call, { ...changes, updatedAt: now });
    const ref = activityRef(call);
    await updateActivities(trx, ref, summaryOf(call), now);
    if (targetUserIds !== undefined) {
      await replaceActivityTargets(trx, ref, summaryOf(call), targetUserIds, now);
    }
    return { call, targetUserIds: await findActivityTargets(trx, ref) };
  });
}

/** Deletes a call (its author, or with `calls.manage`) and its Activity index rows. */
export async function removeCall(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<void> {
  const visibility = callVisibilityOf(actor);
  await deps.db.transaction().execute(async (trx) => {
    const call = await findVisibleCall(trx, visibility, id);
    if (!call) throw notFound('call');
    authorizeCallChange(actor, call);
    await deleteActivities(trx, activityRef(call));
    await deleteCall(trx, call);
  });
}

function activityRef(call: Pick<CallRecord, 'organizationId' | 'id'>) {
  return { organizationId: call.organizationId, kind: 'call' as const, recordId: call.id };
}

/** What the timeline shows of a call. */
function summaryOf(call: CallRecord): ActivitySummary {
  return {
    authorId: call.authorId,
    occurredAt: call.callDateTime,
    subject: call.subject,
    status: call.callStatus,
  };
}

/** The distinct target ids, all members of the actor's organization. */
async function checkTargets(deps: Pick<Deps, 'db'>, actor: Actor, ids: readonly string[]): Promise<string[]> {
  const members = await findMemberIds(deps.db, actor.organizationId, ids);
  const stranger = ids.findIndex((id) => !members.has(id));
  if (stranger >= 0) {
    throw relatedNotFound(
      'user_not_found',
      'This user was not found in your organization.',
      'activityTargets',
      stranger,
    );
  }
  return [...new Set(ids)];
}

/** E.164 when the number parses (in the country of the actor's locale without `+`), else as typed. */
async function normalizePhone(deps: Pick<Deps, 'db'>, actor: Actor, typed: string): Promise<string> {
  const locale = typed.trim().startsWith('+')
    ? null
    : (await resolveSettings(deps.db, { organizationId: actor.organizationId, userId: actor.userId }))[
        'localization.locale'
      ];
  const parsed = parsePhone(typed, defaultPhoneCountry(locale));
  return parsed.ok ? parsed.value : typed;
}

/** An ISO 8601 instant with any offset, as the fixed-width UTC string the database stores. */
function utc(instant: string): string {
  return checkedInstant(instant);
}
