import type { ResourceObject } from '../../platform/http/jsonapi';
import { apiPath, resourceSchema, text, timestamp, toOneRelationship } from '../../platform/http/openapi';
import type { ApiKeyRecord } from './store';

/**
 * An `apikeys` resource: metadata only. `key` (the secret) is present only in the answer to its
 * generation — it is stored nowhere but as a SHA-256 digest and cannot be shown again.
 */
export function presentApiKey(apiKey: ApiKeyRecord, options: { key?: string } = {}): ResourceObject {
  return {
    type: 'apikeys',
    id: apiKey.id,
    attributes: {
      ...(options.key ? { key: options.key } : {}),
      prefix: apiKey.prefix,
      createdAt: apiKey.createdAt,
      lastUsedAt: apiKey.lastUsedAt,
      lastUsedIp: apiKey.lastUsedIp,
    },
    relationships: {
      user: { data: { type: 'users', id: apiKey.userId } },
      organization: { data: { type: 'organizations', id: apiKey.organizationId } },
    },
    links: { self: apiKeyPath(apiKey.userId) },
  };
}

export function apiKeyPath(userId: string): string {
  return `/api/users/${userId}/api-key`;
}

/** The `apikeys` resource; `key` only in the answer to its generation. */
export const apiKeyResource = resourceSchema('apikeys', {
  attributes: {
    key: text(256).optional().describe('The key itself: shown only once, in the answer to its generation'),
    prefix: text(16).describe('The first characters of the key, to recognize it'),
    createdAt: timestamp,
    lastUsedAt: timestamp.nullable(),
    lastUsedIp: text(64).nullable(),
  },
  relationships: { user: toOneRelationship('users'), organization: toOneRelationship('organizations') },
  links: { self: apiPath },
}).meta({ id: 'ApiKey' });
