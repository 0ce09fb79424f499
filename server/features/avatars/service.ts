import { recordAuditEvent } from '../../platform/audit';
import type { Deps } from '../../platform/deps';
import { renderAvatar } from '../../platform/files/avatar-image';
import {
  type AvatarSize,
  newAvatarStorageKey,
  readAvatarFile,
  removeAvatarFiles,
  writeAvatarFiles,
} from '../../platform/files/avatar-storage';
import type { Actor } from '../../platform/http/access';
import { resolveUserId } from '../../platform/http/access';
import { notFound } from '../../platform/http/errors';
import type { RequestContext } from '../../platform/http/request-context';
import { enforceRateLimit } from '../../platform/rate-limit';
import { avatarVersion, findMemberUser } from '../users/profile-store';
import { authorizeAvatarChange, authorizeAvatarView } from './policy';
import { deleteAvatar, findMemberAvatar, replaceAvatar } from './store';

/** Avatar uploads one user may make in ten minutes. */
export const UPLOADS_PER_WINDOW = 20;
const UPLOAD_WINDOW_MS = 10 * 60_000;

/** The user whose avatar changes: allowed to (`authorizeAvatarChange`), and a member here. */
async function targetUser(deps: Pick<Deps, 'db'>, actor: Actor, id: string) {
  const userId = resolveUserId(actor, id);
  authorizeAvatarChange(actor, userId);
  const member = await findMemberUser(deps.db, actor.organizationId, userId);
  if (!member) throw notFound('user');
  return userId;
}

/**
 * Replaces a user's avatar (permissions as for editing the profile). The picture is checked and
 * re-encoded first; the new files are written (atomically) before the database points at them,
 * and the old files are removed only after the commit — a failure at any step leaves the old
 * avatar in place.
 */
export async function setAvatar(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  actor: Actor,
  id: string,
  file: Buffer,
  context: RequestContext = {},
): Promise<{ version: string }> {
  const userId = await targetUser(deps, actor, id);
  // Decoding pictures is the most expensive thing a user can ask for: a budget per actor.
  await enforceRateLimit(
    deps.db,
    deps.clock,
    `avatar-upload:${actor.userId}`,
    UPLOADS_PER_WINDOW,
    UPLOAD_WINDOW_MS,
  );
  const images = await renderAvatar(file);
  const storageKey = newAvatarStorageKey();
  const { dataDir } = deps.config;
  await writeAvatarFiles(dataDir, storageKey, images);
  let previous: string | undefined;
  try {
    previous = await deps.db.transaction().execute(async (trx) => {
      const replaced = await replaceAvatar(trx, userId, storageKey, deps.clock.now().toISOString());
      await recordAuditEvent(trx, deps.clock, {
        action: 'avatar.changed',
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        subjectUserId: userId,
        ip: context.ip ?? null,
      });
      return replaced;
    });
  } catch (error) {
    await removeAvatarFiles(dataDir, storageKey);
    throw error;
  }
  if (previous) await removeAvatarFiles(dataDir, previous);
  return { version: avatarVersion(storageKey) };
}

/** Removes a user's avatar (the initials show again); nothing to remove is fine. */
export async function removeAvatar(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  actor: Actor,
  id: string,
  context: RequestContext = {},
): Promise<void> {
  const userId = await targetUser(deps, actor, id);
  const previous = await deps.db.transaction().execute(async (trx) => {
    const removed = await deleteAvatar(trx, userId);
    if (removed) {
      await recordAuditEvent(trx, deps.clock, {
        action: 'avatar.removed',
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        subjectUserId: userId,
        ip: context.ip ?? null,
      });
    }
    return removed;
  });
  if (previous) await removeAvatarFiles(deps.config.dataDir, previous);
}

/** One size of a user's avatar as WebP, with its version (the ETag); 404 when there is none. */
export async function readAvatar(
  deps: Pick<Deps, 'db' | 'config'>,
  actor: Actor,
  id: string,
  size: AvatarSize,
): Promise<{ image: Buffer; version: string }> {
  const userId = resolveUserId(actor, id);
  authorizeAvatarView(actor, userId);
  // One query: membership in the actor's organization (else 404) and the avatar, if any.
  const member = await findMemberAvatar(deps.db, actor.organizationId, userId);
  if (!member) throw notFound('user');
  const image = member.storageKey
    ? await readAvatarFile(deps.config.dataDir, member.storageKey, size)
    : undefined;
  if (!member.storageKey || !image) throw notFound('avatar');
  const avatar = { storageKey: member.storageKey };
  return { image, version: avatarVersion(avatar.storageKey) };
}
