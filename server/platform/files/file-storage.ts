import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomToken } from '../secrets';

/**
 * Uploaded files (email attachments) under `DATA_DIR/files`, outside any web root, each under a
 * server-made name: 128 random bits (base64url). A client never names a file on disk; keys read
 * back from the database are checked before they touch a path (SECURITY.md "Uploads").
 */
const STORAGE_KEY = /^[A-Za-z0-9_-]{22,64}$/;

export function fileDirectory(dataDir: string): string {
  return path.join(dataDir, 'files');
}

export function newFileStorageKey(): string {
  return randomToken(16);
}

function storedFile(dataDir: string, storageKey: string): string {
  if (!STORAGE_KEY.test(storageKey)) throw new Error('invalid file storage key');
  return path.join(fileDirectory(dataDir), storageKey);
}

/** Writes a file atomically: to a temporary name, flushed, then renamed into place. */
export async function writeStoredFile(dataDir: string, storageKey: string, content: Buffer): Promise<void> {
  const directory = fileDirectory(dataDir);
  await fs.mkdir(directory, { recursive: true, mode: 0o750 });
  const temporary = path.join(directory, `.tmp-${randomToken(12)}`);
  const handle = await fs.open(temporary, 'wx', 0o640);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temporary, storedFile(dataDir, storageKey));
}

/** A stored file's bytes, or undefined when it is gone. */
export async function readStoredFile(dataDir: string, storageKey: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(storedFile(dataDir, storageKey));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Removes a stored file; a missing one is fine. */
export async function removeStoredFile(dataDir: string, storageKey: string): Promise<void> {
  await fs.rm(storedFile(dataDir, storageKey), { force: true });
}
