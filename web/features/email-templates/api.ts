import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EmailTemplateListAbilities } from '../../../common/abilities';
import type { EmailTemplateInput } from '../../../common/emails';
import { apiFetch } from '../../app/api';
import { apiPaths } from '../../app/api-paths';
import type { ApiResource } from '../../app/api-types';

/** An `emailtemplates` resource as the Email Templates page shows it. */
export type EmailTemplateResource = ApiResource<'EmailTemplate'>;

/** The Send Email dialog's Template list shares this key: a change here refreshes it. */
const templatesKey = ['email-templates'] as const;

/** The templates, and what I may do from the Email Templates page (`meta.abilities` of the list). */
export type EmailTemplateList = {
  templates: EmailTemplateResource[];
  abilities: EmailTemplateListAbilities;
};

/** The organization's email templates with their subject and body (`GET /api/email-templates`). */
export function useEmailTemplateList() {
  return useQuery({
    queryKey: [...templatesKey, 'full'],
    queryFn: async ({ signal }): Promise<EmailTemplateList> => {
      const document = await apiFetch<{
        data: EmailTemplateResource[];
        meta: { abilities: EmailTemplateListAbilities };
      }>(apiPaths.emailTemplates, { signal });
      return { templates: document.data, abilities: document.meta.abilities };
    },
  });
}

/** `POST /api/email-templates` or, with an id, `PATCH /api/email-templates/{id}`. */
export function useSaveEmailTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, attributes }: { id?: string | undefined; attributes: EmailTemplateInput }) =>
      id
        ? apiFetch(apiPaths.emailTemplate(id), {
            method: 'PATCH',
            body: { data: { type: 'emailtemplates', id, attributes } },
          })
        : apiFetch(apiPaths.emailTemplates, {
            method: 'POST',
            body: { data: { type: 'emailtemplates', attributes } },
          }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: templatesKey }),
  });
}

/** `DELETE /api/email-templates/{id}`. */
export function useDeleteEmailTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(apiPaths.emailTemplate(id), { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: templatesKey }),
  });
}
