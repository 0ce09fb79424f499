import { recordAuditEvent } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import type { Actor } from '../../platform/http/access';
import { resolveUserId } from '../../platform/http/access';
import { AppError } from '../../platform/http/errors';
import type { RequestContext } from '../../platform/http/request-context';
import { sha256 } from '../../platform/secrets';
import { isMember } from '../memberships/store';
import { apiKeyPrefix, generateApiKey } from './key-format';
import { authorizeApiKeyAccess } from './policy';
import { type ApiKeyRecord, deleteApiKey, findApiKey, insertApiKey, lockMembership } from './store';

/** Another organization's user answers exactly like a missing one. */
const userNotFound = () => new AppError('not_found', 'user_not_found', 'The user was not found.');

const apiKeyNotFound = () =>
  new AppError('not_found', 'api_key_not_found', 'This user has no API key in this organization.');

/**
 * Generates the API key of a user (`me` or, with `manage_api_keys`, another member) for the
 * actor's current organization. Replacing is atomic: the old key is deleted and the new one
 * inserted in one transaction, serialized per user and organization by a lock on the membership,
 * so two concurrent generations leave exactly one key. The secret is returned once, here only.
 */
export async function generateUserApiKey(
  deps: Pick<Deps, 'db' | 'clock' | 'dialect'>,
  actor: Actor,
  input: { userId: string },
  context: RequestContext,
): Promise<{ apiKey: ApiKeyRecord; key: string }> {
  const { db, clock, dialect } = deps;
  const userId = resolveUserId(actor, input.userId);
  authorizeApiKeyAccess(actor, userId);
  const organizationId = actor.organizationId;
  const key = generateApiKey();
  const apiKey = await db.transaction().execute(async (trx) => {
    if (!(await lockMembership(trx, dialect, userId, organizationId))) throw userNotFound();
    const replaced = await deleteApiKey(trx, userId, organizationId);
    const created = await insertApiKey(trx, {
      userId,
      organizationId,
      keyHash: sha256(key),
      prefix: apiKeyPrefix(key),
      createdAt: clock.now().toISOString(),
    });
    await recordAuditEvent(trx, clock, {
      action: 'api_key.generated',
      organizationId,
      actorUserId: actor.userId,
      subjectUserId: userId,
      ip: context.ip,
      details: {
        apiKeyId: created.id,
        prefix: created.prefix,
        ...(replaced ? { replacedApiKeyId: replaced.id } : {}),
        via: actor.via.kind,
      },
    });
    return created;
  });
  return { apiKey, key };
}

/** The metadata of a user's key in the actor's organization, or `null` when there is none. */
export async function getUserApiKey(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: { userId: string },
): Promise<ApiKeyRecord | null> {
  const { db } = deps;
  const userId = resolveUserId(actor, input.userId);
  authorizeApiKeyAccess(actor, userId);
  if (!(await isMember(db, userId, actor.organizationId))) throw userNotFound();
  return (await findApiKey(db, userId, actor.organizationId)) ?? null;
}

/** Revokes a user's key in the actor's organization: it stops working at once. */
export async function revokeUserApiKey(
  deps: Pick<Deps, 'db' | 'clock' | 'dialect'>,
  actor: Actor,
  input: { userId: string },
  context: RequestContext,
): Promise<void> {
  const { db, clock, dialect } = deps;
  const userId = resolveUserId(actor, input.userId);
  authorizeApiKeyAccess(actor, userId);
  const organizationId = actor.organizationId;
  await db.transaction().execute(async (trx) => {
    if (!(await lockMembership(trx, dialect, userId, organizationId))) throw userNotFound();
    const revoked = await deleteApiKey(trx, userId, organizationId);
    if (!revoked) throw apiKeyNotFound();
    await recordAuditEvent(trx, clock, {
      action: 'api_key.revoked',
      organizationId,
      actorUserId: actor.userId,
      subjectUserId: userId,
      ip: context.ip,
      details: { apiKeyId: revoked.id, prefix: revoked.prefix, via: actor.via.kind },
    });
  });
}
