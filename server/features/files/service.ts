import type { Deps } from '../../platform/deps';
import {
  newFileStorageKey,
  readStoredFile,
  removeStoredFile,
  writeStoredFile,
} from '../../platform/files/file-storage';
import type { Actor } from '../../platform/http/access';
import { AppError, notFound } from '../../platform/http/errors';
import { newId } from '../../platform/ids';
import { enforceRateLimit } from '../../platform/rate-limit';
import { resolveSettings } from '../../platform/settings';
import { sniffContentType } from './content-type';
import { authorizeFileUpload, canReadFile, isUploaderOf } from './policy';
import { type FileRecord, findEmailsAttaching, findFile, insertFile } from './store';

const MB = 1024 * 1024;

/** Files one user may upload in ten minutes: each is written to disk, so uploads have a budget. */
export const UPLOADS_PER_WINDOW = 100;
const UPLOAD_WINDOW_MS = 10 * 60_000;

/** The largest attachment the actor's organization accepts, in bytes (`email.attachment_max_mb`). */
export async function attachmentLimitBytes(deps: Pick<Deps, 'db'>, actor: Actor): Promise<number> {
  const settings = await resolveSettings(deps.db, { organizationId: actor.organizationId });
  return settings['email.attachment_max_mb'] * MB;
}

/**
 * Stores an uploaded file for the actor's organization (needs `emails.send`: files are email
 * attachments). Its type is sniffed from the bytes; an empty file, or one that is neither a
 * known format nor UTF-8 text, is a 415 `file_type_unknown`. The file is written first, then
 * the row; if the row cannot be written, the file is removed again.
 */
export async function uploadFile(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  actor: Actor,
  input: { fileName: string; content: Buffer },
): Promise<FileRecord> {
  authorizeFileUpload(actor);
  await enforceRateLimit(
    deps.db,
    deps.clock,
    `file-upload:${actor.userId}`,
    UPLOADS_PER_WINDOW,
    UPLOAD_WINDOW_MS,
  );
  const contentType = await sniffContentType(input.content);
  if (!contentType) {
    throw new AppError(
      'unsupported_media_type',
      'file_type_unknown',
      'This kind of file cannot be attached: it is empty, a program, or not recognized from its content.',
    );
  }
  const record: FileRecord = {
    id: newId(),
    organizationId: actor.organizationId,
    uploaderId: actor.userId,
    fileName: cleanFileName(input.fileName),
    contentType,
    size: input.content.length,
    storageKey: newFileStorageKey(),
    createdAt: deps.clock.now().toISOString(),
  };
  await writeStoredFile(deps.config.dataDir, record.storageKey, input.content);
  try {
    await insertFile(deps.db, record);
  } catch (error) {
    await removeStoredFile(deps.config.dataDir, record.storageKey);
    throw error;
  }
  return record;
}

/**
 * A file the actor may read: one they uploaded, or one attached to an email they may see.
 * Anything else — another organization's file included — answers 404.
 */
export async function getFile(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<FileRecord> {
  const file = await findFile(deps.db, actor.organizationId, id);
  if (!file) throw notFound('file');
  // The emails attaching it are read only when the uploader rule does not already allow it.
  const attaching = isUploaderOf(actor, file)
    ? []
    : (await findEmailsAttaching(deps.db, actor.organizationId, id)).map((email) => ({
        authorId: email.authorId,
        activityTargetIds: JSON.parse(email.activityTargetIds) as string[],
      }));
  if (!canReadFile(actor, file, attaching)) throw notFound('file');
  return file;
}

/** A readable file's bytes (as `getFile`); 404 when the stored bytes are gone. */
export async function readFile(
  deps: Pick<Deps, 'db' | 'config'>,
  actor: Actor,
  id: string,
): Promise<{ file: FileRecord; content: Buffer }> {
  const file = await getFile(deps, actor, id);
  const content = await readStoredFile(deps.config.dataDir, file.storageKey);
  if (!content) throw notFound('file');
  return { file, content };
}

/**
 * A file name as the uploader's system gave it, kept only as a label: the last path segment,
 * control and bidi-override characters removed, at most 255 characters; `attachment` when
 * nothing is left. It never names anything on disk.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
const UNSAFE_NAME_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069"]/g;

export function cleanFileName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  const cleaned = last.replace(UNSAFE_NAME_CHARACTERS, '').trim();
  const short = Array.from(cleaned).slice(0, 255).join('');
  return short && short !== '.' && short !== '..' ? short : 'attachment';
}
