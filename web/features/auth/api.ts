import { useMutation } from '@tanstack/react-query';
import { apiFetch, setCsrfToken } from '../../app/api';
import { apiPaths } from '../../app/api-paths';
import type { ApiSchemas } from '../../app/api-types';

type SessionDocument = { data: ApiSchemas['Session'] };

/**
 * Sign-in: `POST /api/sessions` with `login` (username or email) and `password`. The answer sets
 * the HttpOnly session cookie and carries the CSRF token, which the API client keeps in memory.
 */
export function useSignIn() {
  return useMutation({
    mutationFn: async (input: { login: string; password: string }) => {
      const document = await apiFetch<SessionDocument>(apiPaths.sessions, {
        method: 'POST',
        body: { data: { type: 'sessions', attributes: input } },
      });
      setCsrfToken(document.data.attributes.csrfToken ?? null);
    },
  });
}
