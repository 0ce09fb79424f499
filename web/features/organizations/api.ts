import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrganizationListAbilities } from '../../../common/abilities';
import { apiFetch } from '../../app/api';
import { apiPaths } from '../../app/api-paths';
import type { ApiAttributes, ApiResource } from '../../app/api-types';

/** One of my organizations (`Organization` of the OpenAPI document); `current` is this session's. */
export type Organization = { id: string; current: boolean } & Pick<
  ApiAttributes<'Organization'>,
  'name' | 'createdAt'
>;

type OrganizationResource = ApiResource<'Organization'>;

export const organizationsQueryKey = ['organizations'] as const;

function toOrganization(resource: OrganizationResource): Organization {
  return {
    id: resource.id,
    name: resource.attributes.name,
    createdAt: resource.attributes.createdAt,
    current: resource.meta?.current ?? false,
  };
}

/** My organizations, and what I may do from their list (`meta.abilities`). */
export type OrganizationList = { organizations: Organization[]; abilities: OrganizationListAbilities };

const organizationListQuery = {
  queryKey: organizationsQueryKey,
  queryFn: async (): Promise<OrganizationList> => {
    const document = await apiFetch<{
      data: OrganizationResource[];
      meta: { abilities: OrganizationListAbilities };
    }>(`${apiPaths.organizations}?page[size]=100`);
    return { organizations: document.data.map(toOrganization), abilities: document.meta.abilities };
  },
  staleTime: 5 * 60_000,
};

/** `GET /api/organizations`: the organizations I am a member of; `current` marks this session's. */
export function useMyOrganizations(enabled = true) {
  return useQuery({ ...organizationListQuery, enabled, select: (list) => list.organizations });
}

/** The same list with what I may do from it: Create Organization, Rename (the Organizations page). */
export function useOrganizationList() {
  return useQuery(organizationListQuery);
}

/**
 * Switches the session to another of my organizations (`PATCH /api/sessions/current`), then
 * drops every cached answer: everything on screen belonged to the previous organization.
 */
export function useSwitchOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (organizationId: string) =>
      apiFetch(apiPaths.currentSession, {
        method: 'PATCH',
        body: {
          data: {
            type: 'sessions',
            relationships: { organization: { data: { type: 'organizations', id: organizationId } } },
          },
        },
      }),
    onSuccess: async () => {
      await queryClient.resetQueries();
    },
  });
}

/** Create an organization (`organizations.manage`); I become its Administrator. */
export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (name: string) => {
      const { data } = await apiFetch<{ data: OrganizationResource }>(apiPaths.organizations, {
        method: 'POST',
        body: { data: { type: 'organizations', attributes: { name } } },
      });
      return toOrganization(data);
    },
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

/** Rename one of my organizations (`organizations.manage` held there). */
export function useRenameOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, name }: { id: string; name: string }) => {
      const { data } = await apiFetch<{ data: OrganizationResource }>(apiPaths.organization(id), {
        method: 'PATCH',
        body: { data: { type: 'organizations', id, attributes: { name } } },
      });
      return toOrganization(data);
    },
    // The top bar shows the name too.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
