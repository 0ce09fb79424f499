import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorMeta } from '../../../common/error-particulars';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/access';
import { AppError } from '../../platform/http/errors';
import {
  apiPath,
  emptyResponse,
  etagHeader,
  jsonApiObject,
  jsonApiResponse,
  MULTIPART_KEY,
  type MultipartUpload,
  text,
} from '../../platform/http/openapi';
import { requestContextOf } from '../../platform/http/request-context';
import { userIdParams } from '../../platform/http/schemas';
import { avatarPath } from '../users/presenter';
import { readAvatar, removeAvatar, setAvatar } from './service';

const avatarQuery = z.strictObject({
  size: z.enum(['58', '256'], { error: 'The size must be 58 or 256.' }).optional(),
  /** The avatar's version from the user resource's links: makes the URL cacheable for long. */
  v: z.string().max(64).optional(),
});

const MAX_MB = 5;

const upload: MultipartUpload = {
  field: 'file',
  description: `The picture, at most ${MAX_MB} MB`,
  maxBytes: MAX_MB * 1024 * 1024,
  mediaTypes: ['image/png', 'image/jpeg', 'image/webp', 'image/gif'],
};

/** The answer to an upload: the new version and the URLs of both sizes. */
const uploadedDocument = z.strictObject({
  jsonapi: jsonApiObject.optional(),
  meta: z.strictObject({ version: text(64) }),
  links: z.strictObject({ avatar: apiPath, avatarSmall: apiPath }),
});

const webp = z
  .string()
  .max(1024 * 1024)
  .meta({ format: 'binary', contentMediaType: 'image/webp' });

/** Reads the multipart field `file`, refusing anything else; a file over the limit is 413. */
async function readUpload(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) {
    throw new AppError(
      'unsupported_media_type',
      'multipart_required',
      'Send the picture as multipart/form-data in a field named "file".',
      { source: { header: 'Content-Type' } },
    );
  }
  try {
    const part = await request.file();
    if (part?.fieldname !== 'file') {
      throw new AppError(
        'bad_request',
        'avatar_file_missing',
        'Send the picture in a multipart field named "file".',
      );
    }
    return await part.toBuffer();
  } catch (error) {
    throw uploadError(error);
  }
}

/**
 * What reading a multipart body can fail with, as a 4xx: a file over the limit is 413; too many
 * parts 413 (the plugin's own status); anything busboy or the plugin refuse — no boundary, a
 * malformed part header, an unterminated part, a body that is not multipart at all — is a 400.
 */
function uploadError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const { code, statusCode } = error as { code?: string; statusCode?: number };
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return new AppError(
      'payload_too_large',
      'avatar_too_large',
      `The picture is larger than ${MAX_MB} MB. Choose a smaller one.`,
      { meta: errorMeta('avatar_too_large', { maxBytes: MAX_MB * 1024 * 1024, maxMegabytes: MAX_MB }) },
    );
  }
  if (statusCode === 413) {
    return new AppError('payload_too_large', 'too_many_parts', 'Send one multipart field named "file".');
  }
  return new AppError(
    'bad_request',
    'malformed_multipart',
    'The multipart/form-data body could not be read: send the picture in a field named "file", with the boundary given in Content-Type.',
    { source: { header: 'Content-Type' }, cause: error },
  );
}

/** A user's picture: PUT (upload), GET (WebP at 58 or 256 px), DELETE, under /api/users/{id}/avatar. */
export async function avatarRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  avatarUploadRoute(app, deps);
  avatarReadRoutes(app, deps);
}

const tags = ['users'];

/** Upload an avatar. */
function avatarUploadRoute(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.put(
    '/users/:id/avatar',
    {
      // Own: update_own_profile; another user's: users.edit (checked by the service).
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'uploadAvatar',
        summary: 'Upload an avatar: PNG, JPEG, WebP or GIF up to 5 MB, multipart field "file"',
        description:
          'Recognized by content, at most 40 megapixels; re-encoded to WebP at 256 and 58 px without metadata. My own needs `update_own_profile`, another user’s `users.edit`. 20 uploads per ten minutes.',
        params: userIdParams,
        consumes: ['multipart/form-data'],
        [MULTIPART_KEY]: upload,
        response: { 200: jsonApiResponse('The new avatar’s version and URLs', uploadedDocument) },
      },
    },
    async (request) => {
      const file = await readUpload(request);
      const actor = actorOf(request);
      const { version } = await setAvatar(deps, actor, request.params.id, file, requestContextOf(request));
      const id = request.params.id === 'me' ? actor.userId : request.params.id;
      return {
        meta: { version },
        links: { avatar: avatarPath(id, 256, version), avatarSmall: avatarPath(id, 58, version) },
      };
    },
  );
}

/** Read an avatar, and remove it. */
function avatarReadRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/users/:id/avatar',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'getAvatar',
        summary: "A user's avatar as WebP (size 58 or 256)",
        description:
          'Use the URLs of the user resource’s links (`v` is the version): a versioned URL may be cached for a year. 404 when the user has no avatar.',
        params: userIdParams,
        querystring: avatarQuery,
        response: {
          200: {
            description: 'The picture',
            headers: { ETag: etagHeader },
            content: { 'image/webp': { schema: webp } },
          },
          304: emptyResponse('Not modified (If-None-Match matched the ETag)', { ETag: etagHeader }),
        },
      },
      // After the app's `no-store` for /api: the URL of the current version may be cached privately
      // for long (a new picture has a new URL); an old or unversioned URL must be revalidated.
      onSend: async (request, reply, payload) => {
        if (reply.statusCode === 200 || reply.statusCode === 304) {
          const v = (request.query as { v?: string }).v;
          const versioned = v !== undefined && String(reply.getHeader('etag')).startsWith(`"${v}-`);
          reply.header(
            'cache-control',
            versioned ? 'private, max-age=31536000, immutable' : 'private, no-cache',
          );
        }
        return payload;
      },
    },
    async (request, reply) => {
      const size = request.query.size === '58' ? 58 : 256;
      const { image, version } = await readAvatar(deps, actorOf(request), request.params.id, size);
      const etag = `"${version}-${size}"`;
      reply
        .header('etag', etag)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('content-disposition', 'inline; filename="avatar.webp"');
      const match = request.headers['if-none-match'];
      if (match?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
        return reply.status(304).send();
      }
      return reply.type('image/webp').send(image);
    },
  );

  api.delete(
    '/users/:id/avatar',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'deleteAvatar',
        summary: 'Remove an avatar',
        description: 'Deletes the user’s picture (both sizes).',
        params: userIdParams,
        response: { 204: emptyResponse('Removed') },
      },
    },
    async (request, reply) => {
      await removeAvatar(deps, actorOf(request), request.params.id, requestContextOf(request));
      return reply.status(204).send();
    },
  );
}
