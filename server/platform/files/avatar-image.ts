import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { errorMeta } from '../../../common/error-particulars';
import { AppError } from '../http/errors';
import { AVATAR_SIZES, type AvatarSize } from './avatar-storage';

/** Pictures larger than this many pixels are refused before they are decoded (decompression bombs). */
export const AVATAR_MAX_INPUT_PIXELS = 40_000_000;

const ACCEPTED = new Map([
  ['image/png', 'PNG'],
  ['image/jpeg', 'JPEG'],
  ['image/webp', 'WebP'],
  ['image/gif', 'GIF'],
]);

/**
 * Turns an uploaded file into the avatar's WebP files. The type is decided by the file's content
 * (magic bytes, `file-type`), never by its name or declared type: PNG, JPEG, WebP and GIF only.
 * The picture is fully decoded (`failOn: 'error'`: a truncated or damaged file is refused) with a
 * pixel limit, turned upright by its EXIF orientation, cropped to a square from the centre and
 * re-encoded — nothing of the original file survives, metadata (EXIF, GPS, ICC) included.
 */
export async function renderAvatar(file: Buffer): Promise<Record<AvatarSize, Buffer>> {
  const type = await fileTypeFromBuffer(file);
  if (!type || !ACCEPTED.has(type.mime)) {
    throw new AppError(
      'unsupported_media_type',
      'avatar_type_not_supported',
      'The file is not a picture Atrium accepts. Choose a PNG, JPEG, WebP or GIF image.',
    );
  }
  try {
    const input = sharp(file, {
      failOn: 'error',
      limitInputPixels: AVATAR_MAX_INPUT_PIXELS,
      animated: false,
    });
    const metadata = await input.metadata();
    if ((metadata.width ?? 0) * (metadata.height ?? 0) > AVATAR_MAX_INPUT_PIXELS)
      throw new Error('pixel limit');
    // Each size decodes the whole picture (failOn catches truncation there); `rotate()` applies EXIF orientation.
    const upright = input.rotate();
    const entries = await Promise.all(
      AVATAR_SIZES.map(async (size) => {
        const webp = await upright
          .clone()
          .resize(size, size, { fit: 'cover', position: 'centre' })
          .webp({ quality: 82, effort: 4 })
          .toBuffer();
        return [size, webp] as const;
      }),
    );
    return Object.fromEntries(entries) as Record<AvatarSize, Buffer>;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/pixel limit/i.test(message)) {
      throw new AppError(
        'validation',
        'avatar_too_many_pixels',
        `The picture has too many pixels (at most ${AVATAR_MAX_INPUT_PIXELS / 1_000_000} megapixels). Choose a smaller one.`,
        {
          meta: errorMeta('avatar_too_many_pixels', {
            maxPixels: AVATAR_MAX_INPUT_PIXELS,
            maxMegapixels: AVATAR_MAX_INPUT_PIXELS / 1_000_000,
          }),
        },
      );
    }
    throw new AppError(
      'validation',
      'avatar_unreadable',
      'The picture could not be read: the file may be damaged or incomplete. Choose another one.',
      { cause: error },
    );
  }
}
