import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomToken } from '../secrets';

/**
 * Avatar files under `DATA_DIR/avatars`, outside any web root, named by the server only:
 * `<storageKey>-<size>.webp` where the key is 128 random bits (base64url). A client never names a
 * file, and keys read back from the database are checked before they touch a path.
 */
export const AVATAR_SIZES = [256, 58] as const;
export type AvatarSize = (typeof AVATAR_SIZES)[number];

const STORAGE_KEY = /^[A-Za-z0-9_-]{22,64}$/;

export function avatarDirectory(dataDir: string): string {
  return path.join(dataDir, 'avatars');
}

export function newAvatarStorageKey(): string {
  return randomToken(16);
}

function avatarFile(dataDir: string, storageKey: string, size: AvatarSize): string {
  if (!STORAGE_KEY.test(storageKey)) throw new Error('invalid avatar storage key');
  return path.join(avatarDirectory(dataDir), `${storageKey}-${size}.webp`);
}

/**
 * Writes every size of one avatar atomically: each file is written to a temporary name in the
 * same directory, flushed, then renamed into place, so a reader never sees half a picture.
 */
export async function writeAvatarFiles(
  dataDir: string,
  storageKey: string,
  files: Readonly<Record<AvatarSize, Buffer>>,
): Promise<void> {
  const directory = avatarDirectory(dataDir);
  await fs.mkdir(directory, { recursive: true, mode: 0o750 });
  const written: string[] = [];
  try {
    for (const size of AVATAR_SIZES) {
      const target = avatarFile(dataDir, storageKey, size);
      const temporary = path.join(directory, `.tmp-${randomToken(12)}`);
      const handle = await fs.open(temporary, 'wx', 0o640);
      try {
        await handle.writeFile(files[size]);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temporary, target);
      written.push(target);
    }
  } catch (error) {
    await Promise.all(written.map((file) => fs.rm(file, { force: true })));
    throw error;
  }
}

/** One size of an avatar, or undefined when the file is gone. */
export async function readAvatarFile(
  dataDir: string,
  storageKey: string,
  size: AvatarSize,
): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(avatarFile(dataDir, storageKey, size));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Removes every size of an avatar; missing files are fine. */
export async function removeAvatarFiles(dataDir: string, storageKey: string): Promise<void> {
  await Promise.all(
    AVATAR_SIZES.map((size) => fs.rm(avatarFile(dataDir, storageKey, size), { force: true })),
  );
}
