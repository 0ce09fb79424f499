import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CustomFieldListAbilities } from '../../../common/abilities';
import type { CustomFieldDefinitionInput } from '../../../common/profile';
import { apiFetch } from '../../app/api';
import { apiPaths } from '../../app/api-paths';
import type { ApiResource } from '../../app/api-types';
import { type CustomFieldDefinition, customFieldsQueryKey } from '../users/api';

/** The fields, and what I may do from Custom User Fields (`meta.abilities` of the list). */
export type CustomFieldList = { definitions: CustomFieldDefinition[]; abilities: CustomFieldListAbilities };

/**
 * `GET /api/custom-fields` with its abilities, for the Custom User Fields page (the profile pages
 * read the definitions alone with users/api.ts `useCustomFields`; a change refreshes both).
 */
export function useCustomFieldList() {
  return useQuery({
    queryKey: [...customFieldsQueryKey, 'with abilities'],
    queryFn: async (): Promise<CustomFieldList> => {
      const document = await apiFetch<{
        data: ApiResource<'CustomField'>[];
        meta: { abilities: CustomFieldListAbilities };
      }>(apiPaths.customFields);
      return {
        definitions: document.data.map((item) => ({ id: item.id, ...item.attributes })),
        abilities: document.meta.abilities,
      };
    },
    staleTime: 60_000,
  });
}

export type CustomFieldChanges = Partial<Omit<CustomFieldDefinitionInput, 'name' | 'fieldType'>>;

export function useCreateCustomField() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attributes: CustomFieldDefinitionInput) =>
      apiFetch(apiPaths.customFields, {
        method: 'POST',
        body: { data: { type: 'custom-fields', attributes } },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: customFieldsQueryKey }),
  });
}

export function useUpdateCustomField() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, attributes }: { id: string; attributes: CustomFieldChanges }) =>
      apiFetch(apiPaths.customField(id), {
        method: 'PATCH',
        body: { data: { type: 'custom-fields', id, attributes } },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: customFieldsQueryKey }),
  });
}

export function useDeleteCustomField() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(apiPaths.customField(id), { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: customFieldsQueryKey }),
  });
}
