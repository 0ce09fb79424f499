import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, currentUserQueryKey, setCsrfToken } from '../../app/api';
import { apiPaths } from '../../app/api-paths';
import type { ApiAttributes, ApiDocument } from '../../app/api-types';
import { i18n } from '../../i18n/index';

/**
 * `GET /api/password-policy`: the rules in force (the organization's when signed in), and the same
 * rules by code and numbers (the tooltip words them), each with its English `detail`.
 */
export type PasswordPolicyInForce = ApiAttributes<'PasswordPolicy'>;

export const passwordPolicyQueryKey = ['password-policy'] as const;

export function usePasswordPolicy() {
  return useQuery({
    queryKey: passwordPolicyQueryKey,
    queryFn: async (): Promise<PasswordPolicyInForce> => {
      const { data } = await apiFetch<ApiDocument<'/api/password-policy', 'get'>>(apiPaths.passwordPolicy);
      return data.attributes;
    },
    staleTime: 5 * 60_000,
  });
}

export type PasswordChangeInput = { currentPassword: string; newPassword: string };

/**
 * "Change Your Password" (Edit My User → Password): `POST /api/users/{id}/password-change`. The
 * server ends the user's other sessions and rotates this one: the answer carries the new CSRF
 * token, which replaces the old one at once.
 */
export function usePasswordChange(userId = 'me') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: PasswordChangeInput) => {
      const document = await apiFetch<ApiDocument<'/api/users/{id}/password-change', 'post'> | undefined>(
        apiPaths.userPasswordChange(userId),
        { method: 'POST', body: { data: { type: 'password-changes', attributes: input } } },
      );
      const csrfToken = document?.data.attributes.csrfToken;
      if (csrfToken) setCsrfToken(csrfToken);
    },
    // The must-change flag is gone: the profile (and everything behind RequireUser) may load again.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: currentUserQueryKey }),
  });
}

/**
 * Administrator's Change Password: `POST /api/users/{id}/password-set` — 204; on oneself 200 with
 * the rotated session, whose CSRF token replaces the old one at once. Answers whether this
 * browser's session was rotated (it stays signed in).
 */
export function usePasswordSet(userId: string) {
  return useMutation({
    mutationFn: async (input: { newPassword: string; mustChange: boolean }) => {
      const document = await apiFetch<ApiDocument<'/api/users/{id}/password-set', 'post'> | undefined>(
        apiPaths.userPasswordSet(userId),
        { method: 'POST', body: { data: { type: 'password-sets', attributes: input } } },
      );
      const csrfToken = document?.data.attributes.csrfToken;
      if (csrfToken) setCsrfToken(csrfToken);
      return { rotated: Boolean(csrfToken) };
    },
  });
}

/** Administrator's Reset Password: `POST /api/users/{id}/password-reset` (202). */
export function usePasswordReset(userId: string) {
  return useMutation({
    mutationFn: () =>
      apiFetch<unknown>(apiPaths.userPasswordReset(userId), {
        method: 'POST',
        body: { data: { type: 'password-resets', attributes: {} } },
      }),
  });
}

/** Reset Password for several users of the grid: `POST /api/password-resets/bulk`, all or nothing. */
export function useBulkPasswordReset() {
  return useMutation({
    mutationFn: (userIds: string[]) =>
      apiFetch<unknown>(apiPaths.passwordResetsBulk, {
        method: 'POST',
        body: { data: userIds.map((id) => ({ type: 'users', id })) },
      }),
  });
}

/** "Forgot your password?": always the same neutral answer. */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: async (login: string): Promise<string> => {
      const document = await apiFetch<ApiDocument<'/api/password-reset-requests', 'post'> | undefined>(
        apiPaths.passwordResetRequests,
        { method: 'POST', body: { data: { type: 'password-reset-requests', attributes: { login } } } },
      );
      return document?.meta.message ?? i18n.t('passwords:forgot.sent');
    },
  });
}

/** The reset page's Save: `POST /api/password-resets` with the token of the link (204). */
export function useCompletePasswordReset() {
  return useMutation({
    mutationFn: (input: { token: string; newPassword: string }) =>
      apiFetch<void>(apiPaths.passwordResets, {
        method: 'POST',
        body: { data: { type: 'password-resets', attributes: input } },
      }),
  });
}
