import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserProfileUpdate } from '../../../common/profile';
import { apiFetch, currentUserQueryKey } from '../../app/api';
import { apiPaths } from '../../app/api-paths';
import type { ApiAttributes, ApiResource } from '../../app/api-types';
import { type UserResource, userQueryKey, userUrl } from '../../app/user-resource';

/** A custom user field of the organization (`fieldType` is the kind of value; `type` is the resource's). */
export type CustomFieldDefinition = { id: string } & ApiAttributes<'CustomField'>;

/** `PATCH /api/users/{id}` with `If-Match`; the answer (the new state) replaces the cached user. */
export function useUpdateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ attributes, etag }: { attributes: UserProfileUpdate; etag: string }) => {
      const document = await apiFetch<{ data: UserResource }>(userUrl(id), {
        method: 'PATCH',
        body: { data: { type: 'users', attributes } },
        headers: { 'If-Match': etag },
      });
      return document.data;
    },
    onSuccess: (user) => {
      queryClient.setQueryData(userQueryKey(id), user);
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: currentUserQueryKey });
    },
  });
}

export function useUploadAvatar(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return apiFetch(`${userUrl(id)}/avatar`, { method: 'PUT', body: form });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: userQueryKey(id) });
      void queryClient.invalidateQueries({ queryKey: currentUserQueryKey });
    },
  });
}

export function useRemoveAvatar(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>(`${userUrl(id)}/avatar`, { method: 'DELETE' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: userQueryKey(id) });
      void queryClient.invalidateQueries({ queryKey: currentUserQueryKey });
    },
  });
}

export const customFieldsQueryKey = ['custom-fields'] as const;

/** The organization's custom user field definitions, in display order. */
export function useCustomFields() {
  return useQuery({
    queryKey: customFieldsQueryKey,
    queryFn: async () => {
      const document = await apiFetch<{ data: ApiResource<'CustomField'>[] }>(apiPaths.customFields);
      return document.data.map((item) => ({ id: item.id, ...item.attributes }));
    },
    staleTime: 60_000,
  });
}

/** Role names of the current organization, by id (for the roles of a user). */
export function useRoleNames() {
  return useQuery({
    queryKey: ['roles', 'names'],
    queryFn: async () => {
      const document = await apiFetch<{ data: ApiResource<'Role'>[] }>(`${apiPaths.roles}?page[size]=100`);
      return new Map(document.data.map((role) => [role.id, role.attributes.name]));
    },
    staleTime: 5 * 60_000,
  });
}

/** Names of the organizations the signed-in user belongs to, by id. */
export function useOrganizationNames() {
  return useQuery({
    queryKey: ['organizations', 'names'],
    queryFn: async () => {
      const document = await apiFetch<{ data: ApiResource<'Organization'>[] }>(
        `${apiPaths.organizations}?page[size]=100`,
      );
      return new Map(document.data.map((organization) => [organization.id, organization.attributes.name]));
    },
    staleTime: 5 * 60_000,
  });
}

/** A signed-in device: one of my sessions. */
export type DeviceSession = { id: string } & Pick<
  ApiAttributes<'Session'>,
  'createdAt' | 'lastSeenAt' | 'ip' | 'userAgent' | 'current'
>;

/** My signed-in devices (`GET /api/sessions`). */
export function useMySessions(enabled: boolean) {
  return useQuery({
    queryKey: ['sessions'],
    enabled,
    queryFn: async () => {
      const document = await apiFetch<{ data: ApiResource<'Session'>[] }>(
        `${apiPaths.sessions}?page[size]=100`,
      );
      return document.data.map((session): DeviceSession => ({ id: session.id, ...session.attributes }));
    },
  });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(apiPaths.session(id), { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['sessions'] }),
  });
}

export type SecurityEvent = { id: string } & Pick<
  ApiAttributes<'AuditEvent'>,
  'action' | 'occurredAt' | 'ip'
>;

/** A user's most recent security events (`GET /api/users/{id}/audit-events`). */
export function useSecurityEvents(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['users', id, 'audit-events'],
    enabled,
    queryFn: async () => {
      const document = await apiFetch<{ data: ApiResource<'AuditEvent'>[] }>(
        `${apiPaths.userAuditEvents(id)}?page[size]=10`,
      );
      return document.data.map((event) => ({ id: event.id, ...event.attributes }));
    },
  });
}

/** `POST /api/email-verifications` with the token from the emailed link. */
export function useVerifyEmail() {
  return useMutation({
    mutationFn: (token: string) =>
      apiFetch<void>(apiPaths.emailVerifications, {
        method: 'POST',
        body: { data: { type: 'email-verifications', attributes: { token } } },
      }),
  });
}
