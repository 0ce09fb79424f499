import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CustomFieldDefinitionInput } from '../../../common/profile';
import { apiFetch } from '../../app/api';
import { apiPaths } from '../../app/api-paths';
import { customFieldsQueryKey, useCustomFields } from '../users/api';

export { useCustomFields };

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
