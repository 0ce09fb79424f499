import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../app/api';
import { apiPaths } from '../../app/api-paths';
import type { ApiAttributes, ApiSchemas } from '../../app/api-types';

/** What the server tells about a key: never the key itself, except once, right after generating. */
export type ApiKeyMetadata = { id: string } & ApiAttributes<'ApiKey'>;

export type GeneratedApiKey = { id: string } & ApiAttributes<'GeneratedApiKey'>;

const apiKeyUrl = apiPaths.userApiKey;

export const apiKeyQueryKey = (userId: string) => ['apikeys', userId] as const;

/** The user's key in the current organization: `null` when there is none. */
export function useApiKey(userId: string) {
  return useQuery({
    queryKey: apiKeyQueryKey(userId),
    queryFn: async (): Promise<ApiKeyMetadata | null> => {
      const { data } = await apiFetch<{ data: ApiSchemas['ApiKey'] | null }>(apiKeyUrl(userId));
      return data ? { id: data.id, ...data.attributes } : null;
    },
  });
}

/** Generates (or replaces) the key; the answer carries the key, shown once. */
export function useGenerateApiKey(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (): Promise<GeneratedApiKey> => {
      const { data } = await apiFetch<{ data: ApiSchemas['GeneratedApiKey'] }>(apiKeyUrl(userId), {
        method: 'POST',
        body: { data: { type: 'apikeys' } },
      });
      return { id: data.id, ...data.attributes };
    },
    onSuccess: ({ key: _shownOnce, ...metadata }) => {
      // The cache keeps the metadata only: the key lives in the component's state until dismissed.
      queryClient.setQueryData(apiKeyQueryKey(userId), metadata);
    },
  });
}

export function useRevokeApiKey(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>(apiKeyUrl(userId), { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiKeyQueryKey(userId) }),
  });
}
