import type { ResourceObject } from '../../platform/http/jsonapi';
import {
  apiPath,
  integer,
  resourceSchema,
  text,
  timestamp,
  toOneRelationship,
} from '../../platform/http/openapi';
import type { FileRecord } from './store';

export function filePath(id: string): string {
  return `/api/files/${id}`;
}

/** A `files` resource: what was uploaded, its sniffed type and size; `links.download` has the bytes. */
export function presentFile(file: FileRecord): ResourceObject {
  return {
    type: 'files',
    id: file.id,
    attributes: {
      fileName: file.fileName,
      contentType: file.contentType,
      size: file.size,
      createdAt: file.createdAt,
    },
    relationships: { uploader: { data: { type: 'users', id: file.uploaderId } } },
    links: { self: filePath(file.id), download: `${filePath(file.id)}/content` },
  };
}

export const fileResource = resourceSchema('files', {
  attributes: {
    fileName: text(255),
    contentType: text(255).describe('Recognized from the content, never from the name'),
    size: integer(0, 1024 * 1024 * 1024).describe('Bytes'),
    createdAt: timestamp,
  },
  relationships: { uploader: toOneRelationship('users') },
  links: { self: apiPath, download: apiPath },
}).meta({ id: 'File' });
