import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SettingScope } from '../../../common/settings';
import { apiFetch } from '../../app/api';
import { apiPaths } from '../../app/api-paths';
import type { ApiSchemas } from '../../app/api-types';

/** One `settings` resource: the value in force at a level, and where it comes from. */
export type Setting = ApiSchemas['Setting']['attributes'];

/** Where a value comes from: a level, or the setting's default. */
export type SettingOrigin = Setting['parentOrigin'];

export const settingsQueryKey = (scope: SettingScope) => ['settings', scope] as const;

export function useSettings(scope: SettingScope, enabled = true) {
  return useQuery({
    queryKey: settingsQueryKey(scope),
    enabled,
    queryFn: async (): Promise<Setting[]> => {
      const { data } = await apiFetch<{ data: ApiSchemas['Setting'][] }>(
        `${apiPaths.settings}?scope=${scope}`,
      );
      return data.map((resource) => resource.attributes);
    },
  });
}

/** Sets one value at a level; `null` falls back to the level above ("Use System"). */
export function useUpdateSettings(scope: SettingScope) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: { key: string; value: unknown }[]) => {
      for (const { key, value } of changes) {
        await apiFetch(apiPaths.setting(key), {
          method: 'PATCH',
          body: { data: { type: 'settings', id: key, attributes: { scope, value } } },
        });
      }
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['settings'] });
      void queryClient.invalidateQueries({ queryKey: ['password-policy'] });
    },
  });
}
