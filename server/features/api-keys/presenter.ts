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

const apiKeyParts = {
  attributes: {
    prefix: text(16).describe('The first characters of the key, to recognize it'),
    createdAt: timestamp,
    lastUsedAt: timestamp.nullable(),
    lastUsedIp: text(64).nullable(),
  },
  relationships: { user: toOneRelationship('users'), organization: toOneRelationship('organizations') },
  links: { self: apiPath },
};

/** The `apikeys` resource as it is read: its metadata, never the key. */
export const apiKeyResource = resourceSchema('apikeys', apiKeyParts).meta({ id: 'ApiKey' });

/** The `apikeys` resource in the answer to its generation: the metadata and the key, shown only there. */
export const generatedApiKeyResource = resourceSchema('apikeys', {
  ...apiKeyParts,
  attributes: {
    key: text(256).describe('The key itself: shown only once, in this answer'),
    ...apiKeyParts.attributes,
  },
}).meta({ id: 'GeneratedApiKey' });
