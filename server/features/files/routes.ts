import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorMeta } from '../../../common/error-particulars';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/access';
import { AppError } from '../../platform/http/errors';
import { resourceDocument } from '../../platform/http/jsonapi';
import {
  jsonApiResponse,
  locationHeader,
  MULTIPART_KEY,
  type MultipartUpload,
  resourceDocumentSchema,
} from '../../platform/http/openapi';
import { authorizeFileUpload } from './policy';
import { filePath, fileResource, presentFile } from './presenter';
import { attachmentLimitBytes, getFile, readFile, uploadFile } from './service';

const idParams = z.strictObject({ id: z.string().min(1).max(64) });

const upload: MultipartUpload = {
  field: 'file',
  description: 'The file, at most the organization’s attachment size (10 MB by default)',
  maxBytes: 25 * 1024 * 1024,
  mediaTypes: ['application/octet-stream'],
};

const fileBytes = z
  .string()
  .max(50 * 1024 * 1024)
  .meta({ format: 'binary', contentMediaType: 'application/octet-stream' });

/**
 * Reads the multipart field `file` with the organization's size limit: over it is 413, nothing
 * stored; anything busboy or the plugin refuse is a 400 (as for avatars).
 */
async function readUpload(
  request: FastifyRequest,
  limit: number,
): Promise<{ fileName: string; content: Buffer }> {
  if (!request.isMultipart()) {
    throw new AppError(
      'unsupported_media_type',
      'multipart_required',
      'Send the file as multipart/form-data in a field named "file".',
      { source: { header: 'Content-Type' } },
    );
  }
  try {
    const part = await request.file({ limits: { fileSize: limit } });
    if (part?.fieldname !== 'file') {
      throw new AppError('bad_request', 'file_missing', 'Send the file in a multipart field named "file".');
    }
    const content = await part.toBuffer();
    return { fileName: part.filename ?? '', content };
  } catch (error) {
    throw uploadError(error, limit);
  }
}

function uploadError(error: unknown, limit: number): AppError {
  if (error instanceof AppError) return error;
  const { code, statusCode } = error as { code?: string; statusCode?: number };
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return new AppError(
      'payload_too_large',
      'attachment_too_large',
      `The file is larger than ${Math.round(limit / (1024 * 1024))} MB, this organization’s limit for an attachment.`,
      {
        meta: errorMeta('attachment_too_large', {
          maxBytes: limit,
          maxMegabytes: Math.round(limit / (1024 * 1024)),
        }),
      },
    );
  }
  if (statusCode === 413) {
    return new AppError('payload_too_large', 'too_many_parts', 'Send one multipart field named "file".');
  }
  return new AppError(
    'bad_request',
    'malformed_multipart',
    'The multipart/form-data body could not be read: send the file in a field named "file", with the boundary given in Content-Type.',
    { source: { header: 'Content-Type' }, cause: error },
  );
}

/**
 * `Content-Disposition: attachment` with the file's name (RFC 6266): an ASCII fallback in
 * `filename` and the UTF-8 name in `filename*` (RFC 8187).
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Email attachments: `POST /api/files` (upload), `GET /api/files/{id}` and its `/content`. */
export async function fileRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['emails'];

  api.post(
    '/files',
    {
      config: { access: 'emails.send' },
      schema: {
        tags,
        operationId: 'uploadFile',
        summary: 'Upload a file to attach to an email (multipart field "file")',
        description:
          'The type is recognized from the content (a program or an unrecognized binary is 415); the size is limited by the organization setting `email.attachment_max_mb` (10 MB by default; over it: 413, nothing stored). Attach it with `POST /api/emails` (relationship `attachments`). Needs `emails.send`.',
        consumes: ['multipart/form-data'],
        [MULTIPART_KEY]: upload,
        response: {
          201: jsonApiResponse('The stored file', resourceDocumentSchema(fileResource), {
            Location: locationHeader,
          }),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorizeFileUpload(actor);
      const received = await readUpload(request, await attachmentLimitBytes(deps, actor));
      const file = await uploadFile(deps, actor, received);
      reply.status(201).header('location', filePath(file.id));
      return resourceDocument(presentFile(file));
    },
  );

  api.get(
    '/files/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'getFile',
        summary: 'A file’s name, type and size',
        description: 'My own uploads, and the attachments of emails I may see; anything else is 404.',
        params: idParams,
        response: { 200: jsonApiResponse('The file', resourceDocumentSchema(fileResource)) },
      },
    },
    async (request) =>
      resourceDocument(presentFile(await getFile(deps, actorOf(request), request.params.id))),
  );

  api.get(
    '/files/:id/content',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        operationId: 'downloadFile',
        summary: 'Download a file',
        description:
          'The bytes, as an attachment to save (never shown inline: `application/octet-stream`, `nosniff`, a sandboxing CSP); the recognized type is the resource’s `contentType`. Who may: as for `GET /api/files/{id}`.',
        params: idParams,
        response: {
          200: { description: 'The file', content: { 'application/octet-stream': { schema: fileBytes } } },
        },
      },
    },
    async (request, reply) => {
      const { file, content } = await readFile(deps, actorOf(request), request.params.id);
      return (
        reply
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('content-disposition', attachmentDisposition(file.fileName))
          // Always bytes to save, never something to render: the recognized type is in the `files` resource.
          .type('application/octet-stream')
          // The schema describes the bytes for the document (a binary string); Fastify sends the Buffer.
          .send(content as unknown as string)
      );
    },
  );
}
